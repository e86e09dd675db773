import { AppError } from '../../kernel/errors.ts';

/** No such inbox message, or not one of the person's (so its existence is not revealed). */
export class MessageNotFound extends AppError {
  readonly code = 'notices.message_not_found';

  constructor(readonly messageId: string) {
    super(`no inbox message "${messageId}"`, { messageId });
  }
}

/** No such dead letter, or not one about a case of an agency the supervisor supervises. */
export class DeadLetterNotFound extends AppError {
  readonly code = 'notices.dead_letter_not_found';

  constructor(readonly outboxId: string) {
    super(`no dead letter "${outboxId}"`, { outboxId });
  }
}

/** No such letter, or not one about a case of the staff member's agencies (so its existence is not revealed). */
export class LetterNotFound extends AppError {
  readonly code = 'notices.letter_not_found';

  constructor(readonly letterId: string) {
    super(`no letter "${letterId}"`, { letterId });
  }
}
