import { AppError } from '../../kernel/errors.ts';
import type { HandoverProblem } from './collection.ts';

/**
 * Why a collection action was not done. Each class has a stable `code`; pages map each through an
 * exhaustive switch.
 */

/** No such case or collection, or not one the staff member may act on (so its existence is not revealed). */
export class CollectionNotFound extends AppError {
  readonly code = 'collection.not_found';

  constructor(readonly id: string) {
    super(`no collection or case "${id}"`, { id });
  }
}

/** Only a granted case's result can be made ready for collection. */
export class CaseNotGranted extends AppError {
  readonly code = 'collection.not_granted';

  constructor(readonly caseId: string) {
    super(`case "${caseId}" is not granted`, { caseId });
  }
}

/** The result is already ready for collection (or collected). */
export class AlreadyReady extends AppError {
  readonly code = 'collection.already_ready';

  constructor(readonly caseId: string) {
    super(`the result of case "${caseId}" is already ready or collected`, { caseId });
  }
}

/** The centre is not one the result may be collected at (not in the catalogue, or neither the agency's nor offering the service). */
export class CentreNotAllowed extends AppError {
  readonly code = 'collection.centre_not_allowed';
  readonly field = 'centre';

  constructor(readonly centreId: string) {
    super(`centre "${centreId}" is not a place to collect this result`, { centreId });
  }
}

/** The "collect by" day is not a day, is in the past or too far ahead. */
export class CollectByInvalid extends AppError {
  readonly code = 'collection.collect_by_invalid';
  readonly field = 'collectBy';

  constructor(readonly reason: 'invalid' | 'past' | 'far') {
    super(`the collect-by day is ${reason}`, { reason });
  }
}

/** The result was handed over already, or the "ready" was cancelled: no second handover. */
export class NotAwaiting extends AppError {
  readonly code = 'collection.not_awaiting';

  constructor(readonly id: string) {
    super(`collection "${id}" is not awaiting collection`, { id });
  }
}

/** The handover form's problems, per field. */
export class HandoverInvalid extends AppError {
  readonly code = 'collection.handover_invalid';

  constructor(readonly problems: readonly HandoverProblem[]) {
    super('the handover form has problems', { fields: problems.map((p) => p.field) });
  }
}

/** A front-desk staff member without a centre. */
export class NoCentre extends AppError {
  readonly code = 'collection.no_centre';

  constructor() {
    super('no front-desk role at a centre');
  }
}

export type MarkReadyFailure = CollectionNotFound | CaseNotGranted | AlreadyReady | CentreNotAllowed | CollectByInvalid;
export type HandoverFailure = CollectionNotFound | NotAwaiting | HandoverInvalid;
export type CancelFailure = CollectionNotFound | NotAwaiting;
