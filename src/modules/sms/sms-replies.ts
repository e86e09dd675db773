/**
 * The wording of the portal's SMS replies, in Ukrainian and English. English replies keep to the
 * GSM-7 alphabet (plain hyphens and apostrophes) so that they travel at 160 characters a message.
 * Pure.
 */
import type { Lang, LocalText } from '../../kernel/text.ts';
import { smsSegments } from '../channels/sms/index.ts';
import type { TextCommand } from './sms-commands.ts';

/** A list in a reply (centres) stops before the reply takes more segments than this. */
export const MAX_REPLY_SEGMENTS = 4;

const HELP: LocalText = {
  uk: 'Команди: СТАТУС <номер справи>; ІНФО <послуга>; ЦНАП <місто>; ЧЕРГА <центр>; ЗАПИС <центр> <послуга>; СКАСУВАТИ <номер запису>; ПИТАННЯ, СКАРГА, ПРОПОЗИЦІЯ або ПОДЯКА <текст>; СТОП; СТАРТ.',
  en: 'Commands: STATUS <case no>; INFO <service>; CENTRE <city>; QUEUE <centre>; BOOK <centre> <service>; CANCEL <booking ref>; ASK, COMPLAIN, SUGGEST or COMMEND <text>; STOP; START.',
};

export const helpText = (lang: Lang): string => HELP[lang];

/** Typographic marks outside GSM-7 and their plain equivalents inside it. */
const PLAIN: ReadonlyArray<readonly [RegExp, string]> = [[/[\u2012-\u2015\u2212]/gu, '-'], [/[\u2018\u2019\u02bc]/gu, "'"], [/[\u201c\u201d\u00ab\u00bb]/gu, '"'], [/\u2026/gu, '...'], [/\u00a0/gu, ' ']];

/**
 * An English reply with dashes, curly quotes and the like made plain, so that a catalogue name does
 * not turn the whole reply into UCS-2 (70 characters a message instead of 160). Ukrainian replies are
 * UCS-2 anyway and keep their marks.
 */
export const plainForSms = (lang: Lang, text: string): string => (lang === 'en' ? PLAIN.reduce((t, [mark, plain]) => t.replace(mark, plain), text) : text);

export const statusUsage = (lang: Lang): string =>
  lang === 'uk' ? 'Надішліть СТАТУС і номер справи, наприклад: СТАТУС 2026-000123' : 'Send STATUS and the case number, for example: STATUS 2026-000123';

/** The one answer for a case this number may not hear about, whether it exists or not, and for a number the portal does not know. */
export const statusNeutral = (lang: Lang, cabinetUrl: string): string =>
  lang === 'uk'
    ? `Стан справи за SMS повідомляємо лише на підтверджений номер її заявника чи представника. Перегляньте свої справи в кабінеті: ${cabinetUrl}`
    : `We give a case's status by SMS only to the confirmed number of its applicant or representative. See your cases in your account: ${cabinetUrl}`;

/** A case's result at a centre, for STATUS: ready there since a day, or collected on one. */
export interface StatusCollection {
  readonly kind: 'ready' | 'collected';
  readonly centre: string;
  readonly day: string;
}

function collectionLine(lang: Lang, k: StatusCollection): string {
  if (k.kind === 'ready') {
    return lang === 'uk' ? ` Готово до отримання: ${k.centre}, з ${k.day}.` : ` Ready for collection at ${k.centre} since ${k.day}.`;
  }
  return lang === 'uk' ? ` Отримано ${k.day}.` : ` Collected on ${k.day}.`;
}

export function statusText(lang: Lang, c: { number: string; serviceName: string; state: string; dueOn: string | null; collection?: StatusCollection | null }): string {
  const due = c.dueOn === null || (c.collection ?? null) !== null ? '' : lang === 'uk' ? ` Строк: ${c.dueOn}.` : ` Due: ${c.dueOn}.`;
  const collected = c.collection === undefined || c.collection === null ? '' : collectionLine(lang, c.collection);
  return lang === 'uk' ? `Справа ${c.number} (${c.serviceName}): ${c.state}.${due}${collected}` : `Case ${c.number} (${c.serviceName}): ${c.state}.${due}${collected}`;
}

export const infoFound = (name: string, url: string): string => `${name}: ${url}`;

export const infoNone = (lang: Lang, query: string, searchUrl: string): string =>
  lang === 'uk' ? `Послуг за запитом «${query}» не знайдено. Пошук: ${searchUrl}` : `No service found for "${query}". Search: ${searchUrl}`;

export const centreNone = (lang: Lang, city: string, centresUrl: string): string =>
  lang === 'uk' ? `Центрів у місті «${city}» не знайдено. Усі центри: ${centresUrl}` : `No centre found in "${city}". All centres: ${centresUrl}`;

/** QUEUE: a centre's queue now, one line. */
export const queueLine = (lang: Lang, name: string, waiting: number, minutes: number): string =>
  lang === 'uk' ? `${name}: у черзі ${waiting}, очікування близько ${minutes} хв` : `${name}: ${waiting} waiting, about ${minutes} min`;

export const queueNone = (lang: Lang, text: string, centresUrl: string): string =>
  lang === 'uk' ? `Центр «${text}» не знайдено. Усі центри: ${centresUrl}` : `No centre found for "${text}". All centres: ${centresUrl}`;

/** Centres, one a line, cut before the reply takes more than MAX_REPLY_SEGMENTS segments (then the link to all). */
export function centresText(lang: Lang, lines: readonly string[], centresUrl: string): string {
  const more = (n: number) => (lang === 'uk' ? `Ще ${n}: ${centresUrl}` : `${n} more: ${centresUrl}`);
  for (let shown = lines.length; shown > 0; shown--) {
    const text = [...lines.slice(0, shown), ...(shown < lines.length ? [more(lines.length - shown)] : [])].join('\n');
    if (smsSegments(text).segments <= MAX_REPLY_SEGMENTS) {
      return text;
    }
  }
  return more(lines.length);
}

const DAY_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  uk: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const DAY_IDS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** `Mon-Fri 08:00-20:00, Sat 09:00-16:00`: runs of consecutive days joined. */
export function hoursText(lang: Lang, hours: ReadonlyArray<{ readonly days: readonly string[]; readonly opens: string; readonly closes: string }>): string {
  return hours.map((h) => {
    const idx = h.days.map((d) => DAY_IDS.indexOf(d)).filter((i) => i >= 0).sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const i of idx) {
      const last = runs.at(-1);
      if (last !== undefined && last[1] === i - 1) {
        last[1] = i;
      } else {
        runs.push([i, i]);
      }
    }
    const name = (i: number) => DAY_NAMES[lang][i] ?? '';
    const days = runs.map(([a, b]) => (a === b ? name(a) : `${name(a)}-${name(b)}`)).join(',');
    return `${days} ${h.opens}-${h.closes}`;
  }).join(', ');
}

export const centreLine = (name: string, street: string, hours: string): string => `${name}, ${street}: ${hours}`;

const APPEAL_NAME: Readonly<Record<'request' | 'complaint' | 'proposal' | 'commendation', LocalText>> = {
  request: { uk: 'Ваш запит', en: 'Your request' },
  complaint: { uk: 'Вашу скаргу', en: 'Your complaint' },
  proposal: { uk: 'Вашу пропозицію', en: 'Your proposal' },
  commendation: { uk: 'Вашу подяку', en: 'Your commendation' },
};

/**
 * An appeal filed by SMS: its number and the day the answer is due, and where the answer comes — the
 * person's channels when the number leads to them, else this number only.
 */
export function appealFiledText(lang: Lang, kind: keyof typeof APPEAL_NAME, number: string, dueOn: string, known: boolean): string {
  const where = known
    ? { uk: 'Відповідь надішлемо SMS і в кабінет.', en: 'The answer will come by SMS and to your account.' }
    : { uk: 'Відповідь надішлемо SMS на цей номер.', en: 'The answer will come by SMS to this number.' };
  return lang === 'uk'
    ? `${APPEAL_NAME[kind].uk} зареєстровано: звернення ${number}. Строк розгляду до ${dueOn}. ${where.uk}`
    : `${APPEAL_NAME[kind].en} is registered: appeal ${number}. Answer due by ${dueOn}. ${where.en}`;
}

const USAGE: Readonly<Record<TextCommand, LocalText>> = {
  info: { uk: 'Надішліть ІНФО і назву послуги, наприклад: ІНФО паспорт', en: 'Send INFO and a service, for example: INFO passport' },
  centre: { uk: 'Надішліть ЦНАП і місто, наприклад: ЦНАП Зореград', en: 'Send CENTRE and a city, for example: CENTRE Zorehrad' },
  queue: { uk: 'Надішліть ЧЕРГА і назву центру', en: 'Send QUEUE and the centre' },
  book: { uk: 'Надішліть ЗАПИС, місто або центр і послугу, наприклад: ЗАПИС Зореград паспорт', en: 'Send BOOK, the city or centre and the service, for example: BOOK Zorehrad passport' },
  cancel: { uk: 'Надішліть СКАСУВАТИ і номер запису, наприклад: СКАСУВАТИ K7M4QX', en: 'Send CANCEL and the booking reference, for example: CANCEL K7M4QX' },
  ask: { uk: 'Надішліть ПИТАННЯ і ваше питання', en: 'Send ASK and your question' },
  complain: { uk: 'Надішліть СКАРГА і текст скарги', en: 'Send COMPLAIN and your complaint' },
  suggest: { uk: 'Надішліть ПРОПОЗИЦІЯ і текст пропозиції', en: 'Send SUGGEST and your suggestion' },
  commend: { uk: 'Надішліть ПОДЯКА і текст подяки', en: 'Send COMMEND and your thanks' },
};

/** A command that needs text was sent without any. */
export const usageText = (kind: TextCommand, lang: Lang): string => USAGE[kind][lang];

export const stoppedText = (lang: Lang): string =>
  lang === 'uk' ? 'Ви більше не отримуватимете повідомлень порталу на цей номер. Щоб відновити, надішліть СТАРТ.' : 'You will no longer get messages from the portal at this number. To resume, send START.';

export const startedText = (lang: Lang): string =>
  lang === 'uk' ? 'Повідомлення порталу на цей номер відновлено. Щоб зупинити, надішліть СТОП.' : 'Messages from the portal to this number are on again. To stop them, send STOP.';
