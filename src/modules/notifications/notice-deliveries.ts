/**
 * Pure: the outbox messages a case notice fans out to, one per person and channel beyond the portal
 * inbox. Each is rendered at fan-out time in the person's language and keyed by the source message,
 * the person and the channel, so a retried fan-out enqueues nothing twice.
 */
import { isLang, type Lang } from '../../kernel/text.ts';

export const NOTICE_EMAIL_TOPIC = 'notice.email';
export const NOTICE_SMS_TOPIC = 'notice.sms';

export interface NoticeDelivery {
  readonly to: string;
  readonly lang: Lang;
  readonly subject: string;
  readonly text: string;
  /** The case the notice is about: scopes the dead-letter view to the case's agency. */
  readonly caseId: string;
  readonly caseNumber: string;
}

export const deliveryKey = (sourceKey: string, personId: string, channel: 'email' | 'sms'): string => `notice:${sourceKey}:${personId}:${channel}`;

export function parseNoticeDelivery(payload: unknown): NoticeDelivery | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const m = payload as Partial<Record<keyof NoticeDelivery, unknown>>;
  const texts = [m.to, m.subject, m.text, m.caseId, m.caseNumber].every((v) => typeof v === 'string' && v !== '');
  return texts && isLang(m.lang) ? (payload as NoticeDelivery) : null;
}
