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

export const MANDATE_PROBLEMS = ['not-allowed', 'representative-unknown', 'dates-invalid', 'scope-empty', 'not-found', 'already-revoked', 'self-mandate'] as const;
export type MandateProblem = (typeof MANDATE_PROBLEMS)[number];

export class MandateRefused extends AppError {
  readonly code = 'identity.mandate_refused';

  constructor(readonly problem: MandateProblem, readonly field: string | null = null) {
    super(`mandate refused: ${problem}`, { problem, field });
  }
}
