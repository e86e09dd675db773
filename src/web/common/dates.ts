import { STATE_TIME_ZONE } from '../../kernel/state-time.ts';
import type { Lang } from '../../kernel/text.ts';

const DAY = { uk: new Intl.DateTimeFormat('uk-UA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) };
const INSTANT = {
  uk: new Intl.DateTimeFormat('uk-UA', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: STATE_TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: STATE_TIME_ZONE }),
};

/**
 * A calendar day ('YYYY-MM-DD') in words: "27 листопада 2026" / "27 November 2026". Without the
 * Ukrainian " р.", which doubled the full stop of every sentence that ends with a date.
 */
export const formatDay = (day: string, lang: Lang): string => DAY[lang].format(new Date(`${day}T00:00:00Z`)).replace(/\s*р\.$/u, '');

/** An instant in the state's time zone. */
export const formatInstant = (at: Date, lang: Lang): string => INSTANT[lang].format(at);
