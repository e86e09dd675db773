import type { CodeLimit } from './contact-codes.ts';
import type { ContactProblem } from './contacts.errors.ts';

export type ContactChannel = 'email' | 'sms';
export const NOTICE_CHANNELS = ['portal', 'email', 'sms', 'post'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * The topic of the message that carries a one-time code; the notifications module renders it. The
 * payload never holds the code: the handler derives it from the verification id (`codeFor`).
 */
export const VERIFICATION_TOPIC = 'contact.verification-code';
export interface VerificationMessage {
  readonly verificationId: string;
  readonly channel: ContactChannel;
  readonly address: string;
  readonly lang: 'uk' | 'en';
}

/** What the contacts page shows once after a form was posted. */
export type ContactOutcome =
  | { readonly kind: 'code-sent'; readonly channel: ContactChannel; readonly address: string }
  | { readonly kind: 'confirmed'; readonly address: string }
  | { readonly kind: 'saved' }
  | { readonly kind: 'refused'; readonly field: string; readonly problem: ContactProblem; readonly value?: string }
  | { readonly kind: 'throttled'; readonly field: string; readonly limit: CodeLimit; readonly retryAt: string; readonly waitSeconds: number };
