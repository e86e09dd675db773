/**
 * The issue date as printed on a document, in the state's time zone (Europe/Kyiv). Pure.
 *
 * Only the numbers come from Intl; the words are ours. ICU's own long formats change between Node
 * versions (spaces, "р.", narrow no-break spaces), and a printed date that changes with the runtime
 * would make the same input render different bytes.
 */
import { STATE_TIME_ZONE } from '../../kernel/state-time.ts';
import type { Lang } from '../../kernel/text.ts';

const KYIV_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: STATE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** Ukrainian months in the genitive ("15 травня"), as dates are written. */
const MONTHS: Record<Lang, readonly string[]> = {
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

interface KyivTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export function kyivTime(at: Date): KyivTime {
  const parts = Object.fromEntries(KYIV_PARTS.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const { year, month, day, hour, minute } = parts;
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    throw new RangeError(`cannot format ${String(at)} in Europe/Kyiv`);
  }
  return { year, month, day, hour, minute };
}

/** "15 травня 2026 р., 14:30 (за київським часом)" / "15 May 2026, 14:30 (Kyiv time)". */
export function formatIssuedAt(at: Date, lang: Lang): string {
  const t = kyivTime(at);
  const month = MONTHS[lang][t.month - 1] ?? String(t.month);
  const clock = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  switch (lang) {
    case 'uk':
      return `${t.day} ${month} ${t.year} р., ${clock} (за київським часом)`;
    case 'en':
      return `${t.day} ${month} ${t.year}, ${clock} (Kyiv time)`;
  }
}
