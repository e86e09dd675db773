import { AppError } from '../../kernel/errors.ts';

/**
 * Why a sign-in did not complete: one class per code. `beginSignIn` and `completeSignIn` answer
 * their own unions (`BeginSignInFailure`, `CompleteSignInFailure`); `idp` names the provider asked for.
 */

/** No identity provider with this id is configured. */
export class SignInProviderUnknown extends AppError {
  readonly code = 'identity.sign_in_provider_unknown';

  constructor(readonly idp: string) {
    super(`no identity provider "${idp}"`, { idp });
  }
}
/** Officers may not sign in through this provider. */
export class StaffSignInNotOffered extends AppError {
  readonly code = 'identity.sign_in_staff_not_offered';

  constructor(readonly idp: string) {
    super(`officers cannot sign in through "${idp}"`, { idp });
  }
}
/** The callback names no sign-in in progress: stale, used already or altered. */
export class SignInStateUnknown extends AppError {
  readonly code = 'identity.sign_in_state_unknown';

  constructor(readonly idp: string) {
    super('no sign-in in progress with this state', { idp });
  }
}
/** Too many callbacks from this address, or for this sign-in. */
export class SignInRateLimited extends AppError {
  readonly code = 'identity.sign_in_rate_limited';

  constructor(readonly idp: string) {
    super('too many sign-in callbacks', { idp });
  }
}
/** The callback reached a browser other than the one that began the sign-in. */
export class SignInBrowserMismatch extends AppError {
  readonly code = 'identity.sign_in_browser_mismatch';

  constructor(readonly idp: string, readonly browserKey: 'missing' | 'other') {
    super('the callback reached another browser', { idp, browserKey });
  }
}
/** The sign-in began too long ago. */
export class SignInExpired extends AppError {
  readonly code = 'identity.sign_in_expired';

  constructor(readonly idp: string) {
    super('the sign-in began too long ago', { idp });
  }
}
/** The provider answered with an error (or the person cancelled). */
export class SignInProviderError extends AppError {
  readonly code = 'identity.sign_in_provider_error';

  constructor(readonly idp: string, readonly error: string) {
    super(`the provider answered an error: ${error}`, { idp, error });
  }
}
/** The state in the provider's answer is not the one sent. */
export class SignInStateMismatch extends AppError {
  readonly code = 'identity.sign_in_state_mismatch';

  constructor(readonly idp: string) {
    super('the state in the answer is not the one sent', { idp });
  }
}
/** The provider did not exchange the code (used already, or not valid). */
export class SignInCodeRejected extends AppError {
  readonly code = 'identity.sign_in_code_rejected';

  constructor(readonly idp: string, readonly error: string) {
    super(`the provider rejected the code: ${error}`, { idp, error });
  }
}
/** The ID token failed validation. */
export class SignInTokenInvalid extends AppError {
  readonly code = 'identity.sign_in_token_invalid';

  constructor(readonly idp: string, readonly error: string) {
    super(`the ID token is not valid: ${error}`, { idp, error });
  }
}
/** The provider could not be reached. */
export class SignInProviderUnreachable extends AppError {
  readonly code = 'identity.sign_in_provider_unreachable';

  constructor(readonly idp: string, readonly error: string) {
    super(`the provider cannot be reached: ${error}`, { idp, error });
  }
}
/** A staff sign-in below assurance level `high`. */
export class SignInAssuranceTooLow extends AppError {
  readonly code = 'identity.sign_in_assurance_too_low';

  constructor(readonly idp: string, readonly acr: string | null) {
    super(`assurance "${acr ?? ''}" is too low for officers`, { idp, acr });
  }
}
/** A staff sign-in by a person with no officer role. */
export class SignInNotStaff extends AppError {
  readonly code = 'identity.sign_in_not_staff';

  constructor(readonly idp: string) {
    super('the person has no officer role', { idp });
  }
}

/** Why a sign-in could not begin. */
export type BeginSignInFailure = SignInProviderUnknown | StaffSignInNotOffered;
/** Why the provider's callback did not sign the person in. */
export type CompleteSignInFailure =
  | SignInProviderUnknown | SignInStateUnknown | SignInRateLimited | SignInBrowserMismatch | SignInExpired
  | SignInProviderError | SignInStateMismatch | SignInCodeRejected | SignInTokenInvalid | SignInProviderUnreachable
  | SignInAssuranceTooLow | SignInNotStaff;

/** The person asked to act for a party they may not act for (now). */
export class ActingNotAllowed extends AppError {
  readonly code = 'identity.acting_not_allowed';
}

/** Why a mandate was not granted or revoked: one class per code; `grant` and `revoke` answer their own unions. */

/** The person may not manage the mandates of the party they act for. */
export class MandateNotAllowed extends AppError {
  readonly code = 'identity.mandate_not_allowed';

  constructor() {
    super('not allowed to manage these mandates');
  }
}
/** A mandate to oneself. */
export class SelfMandate extends AppError {
  readonly code = 'identity.mandate_self';
  readonly field = 'representative';

  constructor() {
    super('a mandate to oneself');
  }
}
/** The mandate ends before it starts, or in the past. */
export class MandateDatesInvalid extends AppError {
  readonly code = 'identity.mandate_dates_invalid';
  readonly field = 'validUntil';

  constructor() {
    super('the mandate ends before it starts or in the past');
  }
}
/** A mandate for chosen services with none chosen. */
export class MandateScopeEmpty extends AppError {
  readonly code = 'identity.mandate_scope_empty';
  readonly field = 'services';

  constructor() {
    super('no services chosen');
  }
}
/** No person with this tax number in the population register or the portal. */
export class RepresentativeUnknown extends AppError {
  readonly code = 'identity.mandate_representative_unknown';
  readonly field = 'representative';

  constructor() {
    super('no person with this tax number');
  }
}
/** No such mandate. */
export class MandateNotFound extends AppError {
  readonly code = 'identity.mandate_not_found';

  constructor(readonly mandateId: string) {
    super(`no mandate "${mandateId}"`, { mandateId });
  }
}
/** The mandate was revoked already. */
export class MandateAlreadyRevoked extends AppError {
  readonly code = 'identity.mandate_already_revoked';

  constructor(readonly mandateId: string) {
    super(`mandate "${mandateId}" is revoked already`, { mandateId });
  }
}

export type GrantMandateFailure = MandateNotAllowed | SelfMandate | RepresentativeUnknown | MandateDatesInvalid | MandateScopeEmpty;
export type FindRepresentativeFailure = MandateNotAllowed | SelfMandate | RepresentativeUnknown;
export type RevokeMandateFailure = MandateNotFound | MandateNotAllowed | MandateAlreadyRevoked;
