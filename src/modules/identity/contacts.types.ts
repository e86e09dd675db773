import { isLang, type Lang } from '../../kernel/text.ts';
import type { CodeLimit } from './contact-codes.ts';
import type { ContactRefusal } from './contacts.errors.ts';

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
  | { readonly kind: 'refused'; readonly field: string; readonly code: ContactRefusal['code']; readonly value?: string }
  | { readonly kind: 'throttled'; readonly field: string; readonly limit: CodeLimit; readonly retryAt: string; readonly waitSeconds: number };
