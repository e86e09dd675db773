import { AppError } from '../../kernel/errors.ts';
import type { TransitionError } from '../workflow/index.ts';

/**
 * Why a case action was not done. Each class has a stable `code`; each service method answers the
 * union of those it can meet, and the workflow's `TransitionError` where it moves a case.
 */

/** No such case, or not one the person may see (so its existence is not revealed). */
export class CaseNotFound extends AppError {
  readonly code = 'cases.not_found';

  constructor(readonly caseId: string) {
    super(`no case "${caseId}"`, { caseId });
  }
}

/** No such document, or not one of an agency the officer serves. */
export class DocumentNotFound extends AppError {
  readonly code = 'cases.document_not_found';

  constructor(readonly documentId: string) {
    super(`no document "${documentId}"`, { documentId });
  }
}

/** The officer's roles do not allow this (`field`: the input at fault, if one is). */
export class OfficerNotAllowed extends AppError {
  readonly code = 'cases.not_allowed';

  constructor(readonly field: string | null = null) {
    super('not allowed by the officer\'s roles', { field });
  }
}

/** A request for information without its question. */
export class QuestionRequired extends AppError {
  readonly code = 'cases.question_required';
  readonly field = 'reason';

  constructor() {
    super('a request for information needs its question');
  }
}

/** An answer to a request that is empty or too long. */
export class AnswerRequired extends AppError {
  readonly code = 'cases.answer_required';
  readonly field = 'answer';

  constructor() {
    super('an answer is required');
  }
}

/** The case has no unanswered request for information. */
export class NoOpenRequest extends AppError {
  readonly code = 'cases.no_open_request';

  constructor(readonly caseId: string) {
    super(`case "${caseId}" has no open request`, { caseId });
  }
}

/** A rating that is not a whole number from 1 to 5. */
export class RatingInvalid extends AppError {
  readonly code = 'cases.rating_invalid';
  readonly field = 'rating';

  constructor() {
    super('a rating is 1 to 5');
  }
}

/** Only a decided case can be rated. */
export class CaseNotFinished extends AppError {
  readonly code = 'cases.not_finished';

  constructor(readonly caseId: string) {
    super(`case "${caseId}" is not finished`, { caseId });
  }
}

/** The case was rated already (once only). */
export class AlreadyRated extends AppError {
  readonly code = 'cases.already_rated';

  constructor(readonly caseId: string) {
    super(`case "${caseId}" is rated already`, { caseId });
  }
}

/** The assignee is not an officer of the agency. */
export class OfficerUnknown extends AppError {
  readonly code = 'cases.officer_unknown';
  readonly field = 'assignee';

  constructor() {
    super('no such officer in this agency');
  }
}

/** A note that is empty or too long. */
export class NoteRequired extends AppError {
  readonly code = 'cases.note_required';
  readonly field = 'note';

  constructor() {
    super('a note is required');
  }
}

/** The case has no fee due (or is not awaiting payment). */
export class NothingToPay extends AppError {
  readonly code = 'cases.nothing_to_pay';

  constructor(readonly caseId: string) {
    super(`nothing to pay on case "${caseId}"`, { caseId });
  }
}

/** The payment provider could not start a payment. */
export class PaymentUnavailable extends AppError {
  readonly code = 'cases.payment_unavailable';

  constructor() {
    super('the payment provider is unavailable');
  }
}

/** A payment of the fee is in flight already. */
export class PaymentPending extends AppError {
  readonly code = 'cases.payment_pending';

  constructor(readonly paymentId: string) {
    super(`payment "${paymentId}" is pending`, { paymentId });
  }
}

/** The fee is paid already. */
export class AlreadyPaid extends AppError {
  readonly code = 'cases.already_paid';

  constructor(readonly paymentId: string) {
    super(`fee paid by "${paymentId}"`, { paymentId });
  }
}

/** A revocation without its reason (or one too long). */
export class RevocationReasonRequired extends AppError {
  readonly code = 'cases.revocation_reason_required';
  readonly field = 'reason';

  constructor() {
    super('a revocation needs its reason');
  }
}

/** The document was revoked already. */
export class AlreadyRevoked extends AppError {
  readonly code = 'cases.already_revoked';

  constructor(readonly documentId: string) {
    super(`document "${documentId}" is revoked already`, { documentId });
  }
}

/** Why the applicant's answer to a request was refused (`E`: what the attached files refused). */
export type AnswerFailure<E = never> = AnswerRequired | CaseNotFound | NoOpenRequest | TransitionError | E;
/** Why a case was not moved by the workflow (withdraw). */
export type MoveFailure = CaseNotFound | TransitionError;
/** Why an officer's workflow action was refused. */
/** The case changed since the officer confirmed the decision (another officer acted, or the applicant answered). */
export class CaseMovedOn extends AppError {
  readonly code = 'cases.case_moved_on';

  constructor(readonly caseId: string) {
    super(`case "${caseId}" changed since the confirmation`, { caseId });
  }
}

export type ActFailure = QuestionRequired | CaseNotFound | OfficerNotAllowed | CaseMovedOn | TransitionError;
export type RateFailure = RatingInvalid | CaseNotFound | CaseNotFinished | AlreadyRated;
export type NoteFailure = NoteRequired | CaseNotFound;
export type RevokeFailure = DocumentNotFound | OfficerNotAllowed | RevocationReasonRequired | AlreadyRevoked;
export type AssignFailure = OfficerNotAllowed | OfficerUnknown;
/** Why a payment was not started. */
export type PayFailure = CaseNotFound | NothingToPay | PaymentPending | AlreadyPaid | PaymentUnavailable;

/** Every failure of a case action (for adapters that map them all). */
export type CaseActionError = AnswerFailure | ActFailure | RateFailure | NoteFailure | RevokeFailure | AssignFailure | PayFailure;
