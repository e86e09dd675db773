/**
 * Days of the state's calendar as plain 'YYYY-MM-DD' strings (Europe/Kyiv). Pure: no I/O, no Date.now.
 *
 * A day is a date, not an instant, so all arithmetic runs on UTC midnights and never meets a DST change.
 * Only `kyivDay` touches an instant: it turns a moment (from the kernel's Clock) into the Kyiv date.
 */

/** A calendar date, 'YYYY-MM-DD', in the state's calendar. */
export type Day = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** Indexed like Date.getUTCDay(): 0 is Sunday. */
export const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Whether `value` is a real date written 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) {
    return false;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A malformed day is a bug in the caller, not an expected outcome: it throws. */
export function assertDay(value: string, what = 'day'): Day {
  if (!isDay(value)) {
    throw new RangeError(`${what} must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

function toMs(day: Day): number {
  return Date.parse(`${assertDay(day)}T00:00:00Z`);
}

function fromMs(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addDays(day: Day, n: number): Day {
  if (!Number.isInteger(n)) {
    throw new RangeError(`a number of days must be an integer, got ${n}`);
  }
  return fromMs(toMs(day) + n * MS_PER_DAY);
}

/** Calendar days from `a` to `b`: 1 from a day to the next, negative when `b` comes first. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toMs(b) - toMs(a)) / MS_PER_DAY);
}

export function weekdayOf(day: Day): Weekday {
  const weekday = WEEKDAYS[new Date(toMs(day)).getUTCDay()];
  if (weekday === undefined) {
    throw new RangeError(`no weekday for ${day}`);
  }
  return weekday;
}

/** The Kyiv calendar date of an instant: what "today" is for the state (the kernel's one conversion). */
export { kyivDay } from '../../kernel/state-time.ts';
