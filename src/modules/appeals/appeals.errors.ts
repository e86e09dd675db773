import { AppError } from '../../kernel/errors.ts';
import type { IntakeProblem, IntakeProblemCode } from './appeal-intake.ts';

/**
 * Why an appeal was not filed or moved. Each class has a stable `code`; those about one input name it
 * in `field` (the form's field, the API's pointer).
 */

/** No such appeal, or not one the person or officer may see (its existence is not revealed). */
export class AppealNotFound extends AppError {
  readonly code = 'appeals.not_found';

  constructor(readonly appealId: string) {
    super(`no appeal "${appealId}"`, { appealId });
  }
}

/** The appeal's kind is not one a person may choose. */
export class AppealKindInvalid extends AppError {
  readonly code = 'appeals.kind_invalid';
  readonly field = 'kind';

  constructor() {
    super('choose the kind of appeal');
  }
}

/** The appeal's text is empty or too long. */
export class AppealTextRequired extends AppError {
  readonly code = 'appeals.text_required';
  readonly field = 'text';

  constructor(readonly tooLong: boolean) {
    super(tooLong ? 'the appeal is too long' : 'write the appeal');
  }
}

/** The agency named is not in the catalogue. */
export class AppealAgencyUnknown extends AppError {
  readonly code = 'appeals.agency_unknown';
  readonly field = 'agency';

  constructor(readonly agencyId: string) {
    super(`no agency "${agencyId}"`, { agencyId });
  }
}

/** The case number named is not a case the person may see (whether it exists or not). */
export class AppealCaseUnknown extends AppError {
  readonly code = 'appeals.case_unknown';
  readonly field = 'caseNumber';

  constructor() {
    super('no such case of yours');
  }
}

/** The officer's name is too long. */
export class AppealOfficerTooLong extends AppError {
  readonly code = 'appeals.officer_too_long';
  readonly field = 'officer';

  constructor() {
    super('the officer\'s name is too long');
  }
}

/** An answer, or an extension's reason, that is empty or too long. */
export class AppealReplyRequired extends AppError {
  readonly code = 'appeals.reply_required';

  constructor(readonly field: 'answer' | 'reason') {
    super(field === 'answer' ? 'write the answer' : 'give the reason for the extension');
  }
}

/** The appeal was answered already. */
export class AppealAnswered extends AppError {
  readonly code = 'appeals.answered';

  constructor(readonly appealId: string) {
    super('the appeal was answered already', { appealId });
  }
}

/** The appeal was extended already, is answered, or is an appeal against a refusal (whose term is its own). */
export class AppealNotExtendable extends AppError {
  readonly code = 'appeals.not_extendable';

  constructor(readonly appealId: string) {
    super('the appeal cannot be extended', { appealId });
  }
}

/** The officer's roles do not cover this appeal (its agency, or triage). */
export class AppealNotAllowed extends AppError {
  readonly code = 'appeals.not_allowed';
  readonly field = 'agency';

  constructor() {
    super('not allowed by the officer\'s roles');
  }
}

/** An appeal against a decision that is not a refusal. */
export class CaseNotRefused extends AppError {
  readonly code = 'appeals.case_not_refused';

  constructor(readonly caseId: string) {
    super('only a refusal can be appealed here', { caseId });
  }
}

/** The refusal was appealed already: the appeal it has. */
export class RefusalAppealedAlready extends AppError {
  readonly code = 'appeals.refusal_appealed';

  constructor(readonly appealId: string) {
    super('this refusal was appealed already', { appealId });
  }
}

export type FileFailure = AppealKindInvalid | AppealTextRequired | AppealAgencyUnknown | AppealCaseUnknown | AppealOfficerTooLong;
export type RefusalAppealFailure = AppealTextRequired | AppealCaseUnknown | CaseNotRefused | RefusalAppealedAlready;
export type AnswerFailure = AppealNotFound | AppealReplyRequired | AppealAnswered;
export type ExtendFailure = AppealNotFound | AppealReplyRequired | AppealNotExtendable;
export type AssignFailure = AppealNotFound | AppealAgencyUnknown | AppealNotAllowed | AppealAnswered;

/** What staff typed about the person or the letter of an appeal they take (the code of `intakeProblems`), with the field it concerns. */
export class AppealIntakeInvalid extends AppError {
  readonly code = 'appeals.intake_invalid';

  constructor(readonly field: IntakeProblem['field'], readonly problem: IntakeProblemCode) {
    super(`${field}: ${problem}`, { field, problem });
  }
}

/** The national id given at the desk or on a letter is not in the population register. */
export class AppealPersonUnknown extends AppError {
  readonly code = 'appeals.person_unknown';
  readonly field = 'nationalId';

  constructor() {
    super('no person with this national id in the register');
  }
}

/** The call is not the operator's, has ended, or its caller is not identified yet: nobody to file for. */
export class AppealCallerUnknown extends AppError {
  readonly code = 'appeals.caller_unknown';

  constructor(readonly callId: string) {
    super('no identified caller on this call', { callId });
  }
}

/** The staff member's roles do not take appeals on this channel. */
export class AppealIntakeNotAllowed extends AppError {
  readonly code = 'appeals.intake_not_allowed';

  constructor(readonly channel: string) {
    super(`not allowed to take appeals by ${channel}`, { channel });
  }
}

export type IntakeProblemFailure = FileFailure | AppealIntakeInvalid | AppealPersonUnknown;
export type IntakeFailure = IntakeProblemFailure[] | AppealCallerUnknown | AppealIntakeNotAllowed;
