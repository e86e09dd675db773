/**
 * Pure: every message the portal sends, per purpose, channel and language, rendered from sample data,
 * for staff to read before it goes out. The wording is the templates' own (`case-templates.ts`,
 * `templates.ts`): nothing here words a message.
 */
import { LANGS, type Lang } from '../../kernel/text.ts';
import { smsSegments, type SmsEncoding } from '../channels/sms/index.ts';
import {
  caseSubmittedEmail, deadlineEmail, decisionByPostLetter, decisionEmail, decisionLetter, informationRequestedEmail, noticeSms, paymentReceivedEmail, readyForCollectionEmail, withdrawnEmail,
} from './case-templates.ts';
import type { NotificationLinks } from './links.ts';
import { type RenderedEmail, verificationEmail, verificationSms } from './templates.ts';

/** The purposes, in the order staff read them. */
export const NOTICE_PURPOSES = [
  'submitted', 'payment-received', 'information-requested', 'decision-granted', 'decision-refused', 'withdrawn', 'decision-by-post',
  'ready-for-collection', 'ready-for-collection-representative',
  'officer-reminder', 'officer-escalation', 'verification-code',
] as const;
export type NoticePurpose = (typeof NOTICE_PURPOSES)[number];

/** One purpose in one language on each channel it goes by (null: not sent on that channel). */
export interface NoticePreview {
  /** `<purpose>-<lang>`: the preview's address. */
  readonly id: string;
  readonly purpose: NoticePurpose;
  readonly lang: Lang;
  readonly inbox: RenderedEmail | null;
  readonly email: RenderedEmail | null;
  readonly sms: { readonly text: string; readonly encoding: SmsEncoding; readonly segments: number; readonly units: number } | null;
  /** What a letter says (its PDF is rendered from it). */
  readonly letter: RenderedEmail | null;
}

/** The sample case every preview speaks of. */
export const SAMPLE = {
  caseId: '00000000-0000-4000-8000-000000005a3e',
  caseNumber: 'DMS-2026-000123',
  fee: { uk: '170,00 грн', en: 'UAH 170.00' },
  answerBy: '2026-12-17',
  dueOn: '2026-12-21',
  toldOn: '2026-12-01',
  code: '482915',
  collection: {
    uk: { what: 'Біометричний паспорт громадянина для виїзду за кордон', centre: 'ЦНАП «Центральний»', address: 'вул. Соборна, 12, Зореград, 01001', hours: 'Пн–Пт 08:00–18:00; Сб 09:00–14:00', collectBy: '2027-01-29' },
    en: { what: 'Biometric passport for travel abroad', centre: 'Central ASC', address: 'vul. Soborna 12, Zorehrad, 01001', hours: 'Mon–Fri 08:00–18:00; Sat 09:00–14:00', collectBy: '2027-01-29' },
  },
  address: { uk: 'Олена Коваль\nвул. Садова, 5, кв. 12\nм. Зореград\n01001', en: 'Olena Koval\nvul. Sadova 5, apt. 12\nZorehrad\n01001 Ukraine' },
} as const;

const sms = (text: string): NoticePreview['sms'] => {
  const s = smsSegments(text);
  return { text, encoding: s.encoding, segments: s.segments, units: s.units };
};

function preview(purpose: NoticePurpose, lang: Lang, links: NotificationLinks, afterWorkingDays: number): NoticePreview {
  const url = links.applicantCase(lang, SAMPLE.caseId);
  const n = SAMPLE.caseNumber;
  const caseNotice = (m: RenderedEmail): Omit<NoticePreview, 'id' | 'purpose' | 'lang'> => ({ inbox: m, email: m, sms: sms(noticeSms(lang, m.subject, url)), letter: m });
  const body = ((): Omit<NoticePreview, 'id' | 'purpose' | 'lang'> => {
    switch (purpose) {
      case 'submitted':
        return caseNotice(caseSubmittedEmail(lang, n, url, SAMPLE.fee[lang]));
      case 'payment-received':
        return caseNotice(paymentReceivedEmail(lang, n, url));
      case 'information-requested':
        return caseNotice(informationRequestedEmail(lang, n, url, SAMPLE.answerBy));
      case 'decision-granted':
        return { ...caseNotice(decisionEmail(lang, n, 'granted', url)), letter: decisionLetter(lang, n, 'granted', url) };
      case 'decision-refused':
        return { ...caseNotice(decisionEmail(lang, n, 'refused', url)), letter: decisionLetter(lang, n, 'refused', url) };
      case 'withdrawn':
        return caseNotice(withdrawnEmail(lang, n, url));
      case 'decision-by-post':
        return { inbox: null, email: null, sms: null, letter: decisionByPostLetter(lang, n, 'granted', SAMPLE.toldOn, afterWorkingDays, url) };
      case 'ready-for-collection':
        return caseNotice(readyForCollectionEmail(lang, 'ready', n, SAMPLE.collection[lang], false, url));
      case 'ready-for-collection-representative':
        return caseNotice(readyForCollectionEmail(lang, 'ready', n, SAMPLE.collection[lang], true, url));
      case 'officer-reminder':
        return { inbox: null, email: deadlineEmail(lang, 'reminder', n, SAMPLE.dueOn, 3, links.officeCase(lang, SAMPLE.caseId)), sms: null, letter: null };
      case 'officer-escalation':
        return { inbox: null, email: deadlineEmail(lang, 'escalation', n, SAMPLE.dueOn, 1, links.officeCase(lang, SAMPLE.caseId)), sms: null, letter: null };
      case 'verification-code':
        return { inbox: null, email: verificationEmail(lang, SAMPLE.code), sms: sms(verificationSms(lang, SAMPLE.code)), letter: null };
    }
  })();
  return { id: `${purpose}-${lang}`, purpose, lang, ...body };
}

/** Every purpose in every language. */
export function noticePreviews(links: NotificationLinks, afterWorkingDays: number): NoticePreview[] {
  return NOTICE_PURPOSES.flatMap((purpose) => LANGS.map((lang) => preview(purpose, lang, links, afterWorkingDays)));
}
