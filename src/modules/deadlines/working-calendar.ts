/**
 * The state's working calendar: which days are working days, and counting in working days.
 * Pure: built from a holiday list and the weekend, no I/O, no clock. `holidays.ts` builds the real one.
 *
 * Counting convention (the same everywhere in this module): intervals are half-open, (a, b] —
 * the first day is not counted, the last is. "10 working days after a day" is the 10th working
 * day strictly after it, as a term "runs from the day after submission" (see deadline.ts).
 */
import { addDays, assertDay, type Day, type Weekday, weekdayOf } from './day.ts';

export interface WorkingCalendar {
  /** Not a weekend day and not a public holiday. Throws outside the calendar's coverage. */
  isWorkingDay(day: Day): boolean;
  /** The `n`-th working day after `day` (before it when `n` < 0); `day` itself when `n` is 0. */
  addWorkingDays(day: Day, n: number): Day;
  /** Working days in (a, b]: how many `addWorkingDays` steps lead from `a` to `b`; negative when b < a. */
  workingDaysBetween(a: Day, b: Day): number;
  /** `day` if it is a working day, otherwise the first working day after it. */
  workingDayOnOrAfter(day: Day): Day;
  /** The days whose holidays the calendar knows; `null` for a hand-made calendar valid for any day. */
  readonly coverage: DayRange | null;
}

export interface DayRange {
  from: Day;
  to: Day;
}

export interface WorkingCalendarOptions {
  /** Public holidays that are days off, including substitute days, 'YYYY-MM-DD'. */
  holidays: readonly Day[];
  /** Weekly days off; Saturday and Sunday unless given. */
  weekend?: readonly Weekday[];
  /**
   * The days for which `holidays` is complete. Asking about a day outside it throws: a calendar
   * built for 2026 must not quietly treat 1 January 2027 as a working day.
   */
  coverage?: DayRange;
}

export const DEFAULT_WEEKEND: readonly Weekday[] = ['saturday', 'sunday'];

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const holidays = new Set(options.holidays.map((d) => assertDay(d, 'holiday')));
  const weekend = new Set(options.weekend ?? DEFAULT_WEEKEND);
  if (weekend.size >= 7) {
    throw new RangeError('a calendar needs at least one working weekday');
  }
  const coverage = options.coverage ?? null;
  if (coverage !== null && assertDay(coverage.from, 'coverage.from') > assertDay(coverage.to, 'coverage.to')) {
    throw new RangeError(`coverage ${coverage.from}..${coverage.to} is empty`);
  }

  function isWorkingDay(day: Day): boolean {
    assertDay(day);
    if (coverage !== null && (day < coverage.from || day > coverage.to)) {
      throw new RangeError(
        `${day} is outside the working calendar (${coverage.from}..${coverage.to}); build it for more years`,
      );
    }
    return !weekend.has(weekdayOf(day)) && !holidays.has(day);
  }

  function addWorkingDays(day: Day, n: number): Day {
    if (!Number.isInteger(n)) {
      throw new RangeError(`a number of working days must be an integer, got ${n}`);
    }
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let current = assertDay(day);
    while (left > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current)) {
        left -= 1;
      }
    }
    return current;
  }

  function workingDaysBetween(a: Day, b: Day): number {
    assertDay(a);
    assertDay(b);
    const [from, to] = a <= b ? [a, b] : [b, a];
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
      if (isWorkingDay(d)) {
        count += 1;
      }
    }
    return a <= b ? count : 0 - count; // 0 - 0 is +0, so an empty span is never -0
  }

  function workingDayOnOrAfter(day: Day): Day {
    return isWorkingDay(day) ? day : addWorkingDays(day, 1);
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, workingDayOnOrAfter, coverage };
}
