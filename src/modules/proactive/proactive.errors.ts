import { AppError } from '../../kernel/errors.ts';

/** No such item, or not one of the signed-in person's (so its existence is not revealed). */
export class ProactiveNotFound extends AppError {
  readonly code = 'proactive.not_found';

  constructor(readonly itemId: string) {
    super(`no proactive item "${itemId}"`, { itemId });
  }
}

/** The objection window has passed, the grant was decided, or the offer was dismissed already. */
export class ProactiveClosed extends AppError {
  readonly code = 'proactive.closed';

  constructor(readonly itemId: string, readonly status: string) {
    super(`proactive item "${itemId}" is ${status}`, { itemId, status });
  }
}
