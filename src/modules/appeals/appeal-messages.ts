/**
 * Pure: the outbox message the appeals module sends when the person is to be told something in
 * writing — the answer, or that the term was extended (with the reason and the new day). The
 * notifications module reads it through `parseAppealNotice` and tells the person on their channels
 * (or, for an anonymous appeal, by SMS to the number it came from).
 */
import { isLang, type Lang } from '../../kernel/text.ts';

export const APPEAL_NOTICE_TOPIC = 'appeal.notice';

export interface AppealNoticeMessage {
  readonly appealId: string;
  readonly number: string;
  readonly notice: 'answered' | 'extended';
  /** Null for an anonymous appeal. */
  readonly personId: string | null;
  /** The number an appeal filed by SMS came from (also told, so the answer comes back the way the appeal went). */
  readonly replyNumber: string | null;
  /** The channel the appeal came by: one that came by post is answered by post too. */
  readonly channel?: string;
  /** The name and address an appeal gave for a written answer (by post), or null. */
  readonly personName?: string | null;
  readonly postalAddress?: string | null;
  /** The agency answering: the sender of a letter, whose staff print it. */
  readonly organisationId?: string | null;
  /** The appeal's language (a known person is told in their own). */
  readonly lang: Lang;
  /** The answer, or the reason for the extension. */
  readonly text: string;
  readonly dueOn: string;
}

export function parseAppealNotice(payload: unknown): AppealNoticeMessage | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const m = payload as Partial<Record<keyof AppealNoticeMessage, unknown>>;
  const texts = [m.appealId, m.number, m.text, m.dueOn].every((v) => typeof v === 'string' && v !== '');
  const optional = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  const extras = optional(m.channel) && optional(m.personName) && optional(m.postalAddress) && optional(m.organisationId);
  const address = typeof m.postalAddress === 'string' && m.postalAddress !== '';
  const who = (m.personId === null || typeof m.personId === 'string') && (m.replyNumber === null || typeof m.replyNumber === 'string') && (m.personId !== null || m.replyNumber !== null || address) && extras;
  return texts && who && (m.notice === 'answered' || m.notice === 'extended') && isLang(m.lang) ? (payload as AppealNoticeMessage) : null;
}
