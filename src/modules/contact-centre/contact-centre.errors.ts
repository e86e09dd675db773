import { AppError } from '../../kernel/errors.ts';

/** No such call, or not one of the operator's (so its existence is not revealed). */
export class CallNotFound extends AppError {
  readonly code = 'contact_centre.call_not_found';

  constructor(readonly callId: string) {
    super(`no call "${callId}"`, { callId });
  }
}

/** The call was logged and ended: nothing more is done on it. */
export class CallEnded extends AppError {
  readonly code = 'contact_centre.call_ended';

  constructor(readonly callId: string) {
    super(`call "${callId}" has ended`, { callId });
  }
}

/** The caller was identified already: no second identification on one call. */
export class CallerAlreadyIdentified extends AppError {
  readonly code = 'contact_centre.caller_already_identified';

  constructor(readonly callId: string) {
    super(`the caller of "${callId}" is identified`, { callId });
  }
}

/** A field of a form is missing or not of its shape; `reason` says how (for the wording). */
export class CallFieldInvalid extends AppError {
  readonly code = 'contact_centre.field_invalid';

  constructor(readonly field: string, readonly reason: 'missing' | 'invalid' | 'too-long') {
    super(`${field} is ${reason}`, { field, reason });
  }
}

/** Nobody the portal knows answers to that national id or number (a number confirmed by two people leads to nobody). */
export class CallerNotFound extends AppError {
  readonly code = 'contact_centre.caller_not_found';
  readonly field = 'who';

  constructor() {
    super('no person found for the caller');
  }
}

/** The person has no confirmed mobile number: a code cannot be sent; knowledge questions remain. */
export class CallerHasNoVerifiedPhone extends AppError {
  readonly code = 'contact_centre.no_verified_phone';
  readonly field = 'who';

  constructor() {
    super('the person has no confirmed mobile number');
  }
}

/** Too many codes were sent to this person in the hour. */
export class CallCodesThrottled extends AppError {
  readonly code = 'contact_centre.codes_throttled';
  readonly field = 'who';

  constructor(readonly retryAfterSeconds: number) {
    super('too many codes for this person', { retryAfterSeconds });
  }
}

/** No code was sent on this call, or the last one was used. */
export class CallCodeNotSent extends AppError {
  readonly code = 'contact_centre.code_not_sent';
  readonly field = 'code';

  constructor() {
    super('no code is waiting on this call');
  }
}

export class CallCodeExpired extends AppError {
  readonly code = 'contact_centre.code_expired';
  readonly field = 'code';

  constructor() {
    super('the code has expired');
  }
}

/** A wrong code; `attemptsLeft` more may be tried before the code is spent. */
export class CallCodeWrong extends AppError {
  readonly code = 'contact_centre.code_wrong';
  readonly field = 'code';

  constructor(readonly attemptsLeft: number) {
    super('wrong code', { attemptsLeft });
  }
}

/** The code took its last wrong entry: a new code must be sent. */
export class CallCodeSpent extends AppError {
  readonly code = 'contact_centre.code_spent';
  readonly field = 'code';

  constructor() {
    super('the code took too many wrong entries');
  }
}

/** The caller's answers do not match what the portal knows. */
export class KnowledgeMismatch extends AppError {
  readonly code = 'contact_centre.knowledge_mismatch';
  readonly field = 'nationalId';

  constructor(readonly attemptsLeft: number) {
    super('the answers do not match', { attemptsLeft });
  }
}

/** Too many failed knowledge checks on this call. */
export class KnowledgeThrottled extends AppError {
  readonly code = 'contact_centre.knowledge_throttled';
  readonly field = 'nationalId';

  constructor() {
    super('too many failed knowledge checks on this call');
  }
}

/** No such callback request. */
export class CallbackNotFound extends AppError {
  readonly code = 'contact_centre.callback_not_found';

  constructor(readonly callbackId: string) {
    super(`no callback "${callbackId}"`, { callbackId });
  }
}

/** Another operator took the callback first, or it is done. */
export class CallbackTaken extends AppError {
  readonly code = 'contact_centre.callback_taken';

  constructor(readonly callbackId: string) {
    super(`callback "${callbackId}" is taken`, { callbackId });
  }
}

export type StartCallFailure = CallFieldInvalid;
export type CallWriteFailure = CallNotFound | CallEnded;
export type SendCodeFailure = CallWriteFailure | CallerAlreadyIdentified | CallFieldInvalid | CallerNotFound | CallerHasNoVerifiedPhone | CallCodesThrottled;
export type ConfirmCodeFailure = CallWriteFailure | CallerAlreadyIdentified | CallFieldInvalid | CallCodeNotSent | CallCodeExpired | CallCodeWrong | CallCodeSpent;
export type KnowledgeFailure = CallWriteFailure | CallerAlreadyIdentified | CallFieldInvalid | CallerNotFound | KnowledgeMismatch | KnowledgeThrottled;
export type LogCallFailure = CallWriteFailure | CallFieldInvalid;
export type RequestCallbackFailure = CallNotFound | CallFieldInvalid;
export type ClaimCallbackFailure = CallbackNotFound | CallbackTaken;
export type CompleteCallbackFailure = CallbackNotFound | CallbackTaken | CallFieldInvalid;
