import { isLang, type Lang } from '../../kernel/text.ts';
import { AppError } from '../../kernel/errors.ts';
import type { CodeLimit } from './contact-codes.ts';

export type ContactChannel = 'email' | 'sms';
export const NOTICE_CHANNELS = ['portal', 'email', 'sms', 'post'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

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

/**
 * The topic of the message that carries a one-time code; the notifications module renders it. The
 * payload never holds the code: the handler derives it from the verification id (`codeFor`).
 */
export const VERIFICATION_TOPIC = 'contact.verification-code';
export interface VerificationMessage {
  readonly verificationId: string;
  readonly channel: ContactChannel;
  readonly address: string;
  readonly lang: Lang;
}

/** A stored `contact.verification-code` payload, checked as the handler reads it; null when it is not one. */
export function parseVerificationMessage(payload: unknown): VerificationMessage | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const m = payload as Partial<Record<keyof VerificationMessage, unknown>>;
  const fine = typeof m.verificationId === 'string' && m.verificationId !== '' && typeof m.address === 'string' && m.address !== '' && (m.channel === 'email' || m.channel === 'sms') && isLang(m.lang);
  return fine ? (payload as VerificationMessage) : null;
}

/** What the contacts page shows once after a form was posted. */
export type ContactOutcome =
  | { readonly kind: 'code-sent'; readonly channel: ContactChannel; readonly address: string }
  | { readonly kind: 'confirmed'; readonly address: string }
  | { readonly kind: 'saved' }
  | { readonly kind: 'refused'; readonly field: string; readonly problem: ContactProblem; readonly value?: string }
  | { readonly kind: 'throttled'; readonly field: string; readonly limit: CodeLimit; readonly retryAt: string; readonly waitSeconds: number };
