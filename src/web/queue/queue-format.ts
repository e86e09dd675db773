import type { Lang } from '../../kernel/text.ts';

const CLOCK: Readonly<Record<Lang, Intl.DateTimeFormat>> = {
  uk: new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** The time of day in Kyiv, 14:05. */
export const clockTime = (lang: Lang, at: Date): string => CLOCK[lang].format(at);

/** Seconds as whole minutes, rounded up; null stays null. */
export const minutesOf = (seconds: number | null): number | null => (seconds === null ? null : Math.ceil(seconds / 60));
