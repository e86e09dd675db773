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

/** An e-mail or SMS that tells a person the answer to an appeal or its extension (no case: not on the case dead-letter page). */
export const APPEAL_EMAIL_TOPIC = 'appeal.email';
export const APPEAL_SMS_TOPIC = 'appeal.sms';

export interface AppealDelivery {
  readonly to: string;
  readonly lang: Lang;
  readonly subject: string;
  readonly text: string;
  readonly appealNumber: string;
}

export function parseAppealDelivery(payload: unknown): AppealDelivery | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const m = payload as Partial<Record<keyof AppealDelivery, unknown>>;
  const texts = [m.to, m.subject, m.text, m.appealNumber].every((v) => typeof v === 'string' && v !== '');
  return texts && isLang(m.lang) ? (payload as AppealDelivery) : null;
}
