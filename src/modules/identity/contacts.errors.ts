import { AppError } from '../../kernel/errors.ts';
import type { CodeLimit } from './contact-codes.ts';

export const CONTACT_PROBLEMS = ['email-invalid', 'phone-invalid', 'phone-country-not-allowed', 'code-wrong', 'code-expired', 'nothing-to-verify', 'channel-unverified'] as const;
export type ContactProblem = (typeof CONTACT_PROBLEMS)[number];

export class ContactRefused extends AppError {
  readonly code = 'identity.contact_refused';

  constructor(readonly problem: ContactProblem, readonly field: string) {
    super(`contact refused: ${problem}`, { problem, field });
  }
}

/**
 * A code asked for or guessed too often: `limit` says which limit, `retryAt` when every limit lets
 * it through, `waitSeconds` how long that is from the refusal.
 */
export class ContactThrottled extends AppError {
  readonly code = 'identity.contact_throttled';
  readonly waitSeconds: number;

  constructor(readonly limit: CodeLimit, readonly retryAt: Date, now: Date, readonly field: string) {
    super(`contact throttled: ${limit}`, { limit, retryAt: retryAt.toISOString(), field });
    this.waitSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  }
}
