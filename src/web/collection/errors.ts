import type { CancelFailure, MarkReadyFailure } from '../../modules/collection/index.ts';
import type { TextKey } from '../locales/messages.ts';

/** What a page says about a refused collection action: the message, the field it sits beside and the status. */
export interface CollectionError {
  readonly key: TextKey;
  readonly field: string;
  readonly status: number;
}

/** The section's own field for failures that belong to no input. */
export const COLLECTION_FIELD = 'collection';

export function readyProblem(error: MarkReadyFailure): CollectionError {
  switch (error.code) {
    case 'collection.not_found':
      return { key: 'office.error.not-found', field: COLLECTION_FIELD, status: 404 };
    case 'collection.not_granted':
      return { key: 'collection.error.notGranted', field: COLLECTION_FIELD, status: 409 };
    case 'collection.already_ready':
      return { key: 'collection.error.alreadyReady', field: COLLECTION_FIELD, status: 409 };
    case 'collection.centre_not_allowed':
      return { key: 'collection.error.centre', field: 'centre', status: 400 };
    case 'collection.collect_by_invalid':
      return { key: `collection.error.collectBy.${error.reason}`, field: 'collectBy', status: 400 };
  }
}

export function cancelProblem(error: CancelFailure): CollectionError {
  switch (error.code) {
    case 'collection.not_found':
      return { key: 'office.error.not-found', field: COLLECTION_FIELD, status: 404 };
    case 'collection.not_awaiting':
      return { key: 'collection.error.notAwaiting', field: COLLECTION_FIELD, status: 409 };
  }
}
