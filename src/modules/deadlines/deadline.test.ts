import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Term as CatalogueTerm } from '../catalogue/index.ts';
import { addDays } from './day.ts';
import { type DueDate, dueDate, type Pause, type Term } from './deadline.ts';
import { holidayCalendar } from './holidays.ts';
import { createWorkingCalendar } from './working-calendar.ts';

// Checked by tsc, both ways: the catalogue's `deadline` and a Term are the same shape.
const _fromCatalogue = (t: CatalogueTerm): Term => t;
const _toCatalogue = (t: Term): CatalogueTerm => t;

const ua = holidayCalendar([2026, 2027]);
const weekendsOnly = createWorkingCalendar({ holidays: [] });
const working = (days: number): Term => ({ days, unit: 'working' });
const calendar = (days: number): Term => ({ days, unit: 'calendar' });
const due = (day: string): DueDate => ({ kind: 'due', day });

describe('dueDate without pauses', () => {
  it.each([
    // Working terms: the n-th working day after submission (see working-calendar.test.ts for the counts).
    ['10 working days across Independence Day', '2026-08-20', working(10), '2026-09-04'],
    ['10 working days across weekends', '2026-09-09', working(10), '2026-09-23'],
    ['5 working days across the substitute day 2026-06-29', '2026-06-24', working(5), '2026-07-02'],
    ['10 working days over the year end', '2026-12-24', working(10), '2027-01-12'],
    // Submitted on Saturday 22 Aug: 23 Sun, 24 holiday; day 1 is Tue 25.
    ['1 working day from a Saturday', '2026-08-22', working(1), '2026-08-25'],
    // Calendar terms: day 1 is the day after submission.
    ['10 calendar days ending on a Thursday', '2026-08-10', calendar(10), '2026-08-20'],
    // 3 Sep + 30 = 3 Oct, a Saturday → Monday 5 Oct.
    ['30 calendar days ending on a Saturday', '2026-09-03', calendar(30), '2026-10-05'],
    // 1 Sep + 30 = 1 Oct, Defenders' Day (Thursday) → Friday 2 Oct.
    ['30 calendar days ending on a holiday', '2026-09-01', calendar(30), '2026-10-02'],
    // 12 Aug + 10 = 22 Aug, Saturday; 23 Sunday; 24 Independence Day → Tuesday 25.
    ['ending on a Saturday before a holiday Monday', '2026-08-12', calendar(10), '2026-08-25'],
    // 18 Jun + 10 = 28 Jun, Constitution Day on a Sunday; 29 its substitute → 30 Jun.
    ['ending on a holiday Sunday before its substitute', '2026-06-18', calendar(10), '2026-06-30'],
    // 2 Dec + 30 = 1 Jan 2027 (holiday, Fri); 2 Sat holiday; 3 Sun; 4 Mon substitute → 5 Jan.
    ['30 calendar days over the year end', '2026-12-02', calendar(30), '2027-01-05'],
    ['0 days: the day of submission', '2026-08-20', calendar(0), '2026-08-20'],
    ['0 days submitted on a Saturday: the next working day', '2026-08-22', working(0), '2026-08-25'],
  ])('%s: %s + %j', (_name, start, term, expected) => {
    expect(dueDate(start, term, ua, [])).toEqual(due(expected));
  });

  it('depends on the holidays: the same 30 calendar days without holidays end on 1 Oct', () => {
    expect(dueDate('2026-09-01', calendar(30), weekendsOnly)).toEqual(due('2026-10-01'));
  });

  it('gives a calendar term the day a count day by day gives (a pause over before the start forces the count)', () => {
    const over: Pause = { from: '2025-01-01', to: '2025-01-02' };
    fc.assert(fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 300 }), (offset, days) => {
      const start = addDays('2026-01-01', offset);
      expect(dueDate(start, calendar(days), ua)).toEqual(dueDate(start, calendar(days), ua, [over]));
    }), { numRuns: 1000 });
  });
});

describe('dueDate with pauses: the days in (from, to] do not count', () => {
  // Without pauses: 10 working days from Wed 9 Sep end on Wed 23 Sep (10–11, 14–18, 21–23).
  const start = '2026-09-09';
  it.each<[string, Pause[], string]>([
    // Request Fri 11 (counts, day 2), answer Tue 15: 12–15 paused, of which 14 and 15 are working
    // days → the due date moves 2 working days: 16=3, 17=4, 18=5, 21=6, 22=7, 23=8, 24=9, 25=10.
    ['a pause in the middle', [{ from: '2026-09-11', to: '2026-09-15' }], '2026-09-25'],
    // Plus request Mon 21 (counts, day 6), answer Tue 22 (paused): one more working day → Mon 28.
    ['two pauses', [
      { from: '2026-09-11', to: '2026-09-15' },
      { from: '2026-09-21', to: '2026-09-22' },
    ], '2026-09-28'],
    // 12–15 and 15–16 overlap: 12–16 paused once, working days 14, 15, 16 → 3 days later than 23.
    ['overlapping pauses count once', [
      { from: '2026-09-11', to: '2026-09-15' },
      { from: '2026-09-14', to: '2026-09-16' },
    ], '2026-09-28'],
    ['a request answered the same day', [{ from: '2026-09-11', to: '2026-09-11' }], '2026-09-23'],
    // Sat 12 – Sun 13: no working day paused.
    ['a pause over a weekend only', [{ from: '2026-09-11', to: '2026-09-13' }], '2026-09-23'],
    ['a request on the last day', [{ from: '2026-09-23', to: '2026-09-30' }], '2026-09-23'],
    ['a request after the term ran out', [{ from: '2026-09-25', to: '2026-09-30' }], '2026-09-23'],
    ['an open request on the last day', [{ from: '2026-09-23', to: null }], '2026-09-23'],
  ])('working term, %s', (_name, pauses, expected) => {
    expect(dueDate(start, working(10), ua, pauses)).toEqual(due(expected));
  });

  it.each<[string, string, Pause[], string]>([
    // 2 Mar + 30 = 1 Apr (Wed). Pause 11–15 Mar = 5 calendar days, weekend or not → 6 Apr (Mon).
    ['a pause in the middle', '2026-03-02', [{ from: '2026-03-10', to: '2026-03-15' }], '2026-04-06'],
    // 2 Mar + 30 = 1 Apr. Pause 11–15 Mar (5) and 21–22 Mar (2) → 1 Apr + 7 = 8 Apr (Wed).
    ['two pauses', '2026-03-02', [
      { from: '2026-03-10', to: '2026-03-15' },
      { from: '2026-03-20', to: '2026-03-22' },
    ], '2026-04-08'],
    // 3 Sep + 30 = 3 Oct (Sat) → 5 Oct. Pause 11–12 Sep (2) → raw 5 Oct, a Monday: stays 5 Oct,
    // not 7 Oct — the next-working-day rule applies once, to the shifted last day.
    ['a pause absorbing the weekend shift', '2026-09-03', [{ from: '2026-09-10', to: '2026-09-12' }], '2026-10-05'],
    // Pause 11–13 Sep (3) → raw Tue 6 Oct.
    ['a pause past the weekend shift', '2026-09-03', [{ from: '2026-09-10', to: '2026-09-13' }], '2026-10-06'],
    // 1 Sep + 30 = 1 Oct (holiday). Pause 8–10 Sep (3): raw 4 Oct, a Sunday → Mon 5 Oct.
    ['a pause moving the end from a holiday to a Sunday', '2026-09-01', [{ from: '2026-09-07', to: '2026-09-10' }], '2026-10-05'],
  ])('calendar term of 30 days, %s', (_name, from, pauses, expected) => {
    expect(dueDate(from, calendar(30), ua, pauses)).toEqual(due(expected));
  });

  it.each<[string, Term, Pause[], DueDate]>([
    // Counted 10 and 11 Sep: 8 working days left when the applicant answers.
    ['an open pause', working(10), [{ from: '2026-09-11', to: null }],
      { kind: 'paused', since: '2026-09-11', daysLeft: 8, unit: 'working' }],
    // Counted 10, 11, 16, 17, 18, 21: 4 left.
    ['an open pause after a closed one', working(10), [
      { from: '2026-09-11', to: '2026-09-15' },
      { from: '2026-09-21', to: null },
    ], { kind: 'paused', since: '2026-09-21', daysLeft: 4, unit: 'working' }],
    // Counted 10–11, 14–18, 21–22 (9): one left.
    ['an open pause the day before the last', working(10), [{ from: '2026-09-22', to: null }],
      { kind: 'paused', since: '2026-09-22', daysLeft: 1, unit: 'working' }],
    // Calendar: 10–11 Sep counted, 28 left.
    ['an open pause in a calendar term', calendar(30), [{ from: '2026-09-11', to: null }],
      { kind: 'paused', since: '2026-09-11', daysLeft: 28, unit: 'calendar' }],
  ])('%s: no due date yet', (_name, term, pauses, expected) => {
    expect(dueDate('2026-09-09', term, ua, pauses)).toEqual(expected);
  });

  it('works the same on a hand-made calendar: a pause over a holiday adds no working day', () => {
    const oneHoliday = createWorkingCalendar({ holidays: ['2026-09-15'] });
    // Days 10, 11 =1,2; pause 12–15 holds 14 (working) and 15 (holiday); 16=3 … 18=5; 21–25 =6..10.
    expect(dueDate('2026-09-09', working(10), oneHoliday, [{ from: '2026-09-11', to: '2026-09-15' }]))
      .toEqual(due('2026-09-25'));
    // Without the pause: 10, 11, 14, 16, 17, 18, 21, 22, 23, 24 (15 is the holiday).
    expect(dueDate('2026-09-09', working(10), oneHoliday)).toEqual(due('2026-09-24'));
  });
});

describe('dueDate refuses bad input', () => {
  it.each<[string, () => unknown]>([
    ['a pause ending before it starts', () =>
      dueDate('2026-09-09', working(10), ua, [{ from: '2026-09-15', to: '2026-09-11' }])],
    ['a negative term', () => dueDate('2026-09-09', working(-1), ua)],
    ['a fractional term', () => dueDate('2026-09-09', calendar(1.5), ua)],
    ['a malformed start', () => dueDate('09.09.2026', working(10), ua)],
    ['a day outside the calendar', () => dueDate('2027-12-24', working(10), ua)],
  ])('%s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});
