/**
 * The state's public holidays from `date-holidays` (country 'UA'), as the day list a WorkingCalendar
 * is built from. The only file of this module that knows the library.
 *
 * Kept: type 'public' only, which includes the substitute days the library marks "(замінити день)" —
 * when a holiday falls on a weekend the next working day is a day off (Labour Code, Art. 67/73).
 * The library's `date` field is the holiday's local date ('YYYY-MM-DD hh:mm:ss'), so it is read as
 * text; `start`/`end` are instants and in UTC fall on the previous evening.
 *
 * The list is the library's, not the Rada's: see README.md "Which holidays" before relying on it
 * (under martial law the Art. 73 holidays are not days off).
 */
import Holidays from 'date-holidays';

import { assertDay, type Day } from './day.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar.ts';

function checkedYears(years: readonly number[]): number[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined) {
    throw new RangeError('a holiday calendar needs at least one year');
  }
  sorted.forEach((year, i) => {
    if (!Number.isInteger(year) || year < 1992 || year > 9999) {
      throw new RangeError(`not a year the state's calendar can answer for: ${year}`);
    }
    if (year !== first + i) {
      throw new RangeError(`holiday years must be consecutive, got ${sorted.join(', ')}`);
    }
  });
  return sorted;
}

/**
 * Each year's days as the library gives them, worked out once per process: the library applies its
 * rules anew on every call (about a millisecond a year), and the portal (or a test's) builds ask for
 * the same years again.
 */
const daysByYear = new Map<number, readonly Day[]>();
let source: Holidays | null = null;

function daysOfYear(year: number): readonly Day[] {
  let days = daysByYear.get(year);
  if (days === undefined) {
    source ??= new Holidays('UA', { types: ['public'] });
    days = source.getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => assertDay(holiday.date.slice(0, 10), `date-holidays date ${holiday.date}`));
    daysByYear.set(year, days);
  }
  return days;
}

/** Public holidays and substitute days off in Ukraine for the given years, sorted, 'YYYY-MM-DD'. */
export function ukrainianPublicHolidays(years: readonly number[]): Day[] {
  return [...new Set(checkedYears(years).flatMap((year) => daysOfYear(year)))].sort();
}

/** A working calendar (Saturday and Sunday off, plus public holidays) covering exactly the given years. */
export function holidayCalendar(years: readonly number[]): WorkingCalendar {
  const sorted = checkedYears(years);
  return createWorkingCalendar({
    holidays: ukrainianPublicHolidays(sorted),
    coverage: { from: `${sorted[0] ?? ''}-01-01`, to: `${sorted[sorted.length - 1] ?? ''}-12-31` },
  });
}
