import { AppError } from '../../kernel/errors.ts';

export const SIGN_IN_REFUSALS = [
  'unknown-provider',
  'staff-not-allowed',
  'state-unknown',
  'state-mismatch',
  'request-expired',
  'code-rejected',
  'token-invalid',
  'provider-error',
  'provider-unreachable',
  'assurance-too-low',
  'not-staff',
  'no-identifier',
  'browser-mismatch',
  'rate-limited',
] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

/** A sign-in that did not complete; `reason` says why in a stable code. */
export class SignInRefused extends AppError {
  readonly code = 'identity.sign_in_refused';

  constructor(readonly reason: SignInRefusal, detail: Record<string, unknown> = {}) {
    super(`sign-in refused: ${reason}`, { reason, ...detail });
  }
}

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
