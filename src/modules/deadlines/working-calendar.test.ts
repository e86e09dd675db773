import { describe, expect, it } from 'vitest';

import { addDays } from './day.ts';
import { holidayCalendar } from './holidays.ts';
import { createWorkingCalendar } from './working-calendar.ts';

/** The real 2026–2027 Ukrainian calendar, from date-holidays. */
const ua = holidayCalendar([2026, 2027]);
/** Saturday and Sunday off, no holidays at all. */
const weekendsOnly = createWorkingCalendar({ holidays: [] });
/** Only the three year-end holidays the brief names: no substitute for 2 January 2027 (a Saturday). */
const yearEnd = createWorkingCalendar({ holidays: ['2026-12-25', '2027-01-01', '2027-01-02'] });

describe('isWorkingDay', () => {
  it.each([
    [ua, '2026-08-21', true], // Friday
    [ua, '2026-08-22', false], // Saturday
    [ua, '2026-08-23', false], // Sunday
    [ua, '2026-08-24', false], // Monday, Independence Day
    [weekendsOnly, '2026-08-24', true], // the same Monday without holidays
    [ua, '2026-06-28', false], // Sunday, Constitution Day
    [ua, '2026-06-29', false], // Monday, the substitute day off for it
    [ua, '2026-06-30', true],
    [ua, '2026-10-01', false], // Thursday, Defenders' Day
    [ua, '2027-01-04', false], // Monday, substitute for 2 January 2027 (a Saturday)
    [yearEnd, '2027-01-04', true],
  ])('%#: %s → %s', (calendar, day, expected) => {
    expect(calendar.isWorkingDay(day)).toBe(expected);
  });

  it('takes the weekend as a parameter', () => {
    const fridaySaturday = createWorkingCalendar({ holidays: [], weekend: ['friday', 'saturday'] });
    expect(fridaySaturday.isWorkingDay('2026-09-04')).toBe(false); // Friday
    expect(fridaySaturday.isWorkingDay('2026-09-06')).toBe(true); // Sunday
  });
});

describe('addWorkingDays', () => {
  it.each([
    // 21 Aug Fri =1; 22–23 weekend; 24 Mon holiday; 25–28 =2..5; 29–30 weekend; 31 =6; 1–4 Sep =7..10.
    ['across Independence Day', ua, '2026-08-20', 10, '2026-09-04'],
    // The same without the holiday: 24 Aug counts, so one day earlier.
    ['the same without holidays', weekendsOnly, '2026-08-20', 10, '2026-09-03'],
    // 10–11 Sep =1,2; 14–18 =3..7; 21–23 =8..10. No holiday in September.
    ['across weekends', ua, '2026-09-09', 10, '2026-09-23'],
    // 25 Jun Thu =1, 26 Fri =2; 27–28 weekend; 29 Mon substitute day; 30 Jun =3, 1 Jul =4, 2 Jul =5.
    ['across the substitute day 2026-06-29', ua, '2026-06-24', 5, '2026-07-02'],
    ['the same without holidays', weekendsOnly, '2026-06-24', 5, '2026-07-01'],
    // 25 Dec Fri holiday; 28–31 Dec =1..4; 1 Jan Fri holiday, 2 Sat holiday, 3 Sun, 4 Mon substitute;
    // 5–8 Jan =5..8 (7 Jan is no longer a holiday); 11 Jan =9, 12 Jan =10.
    ['over the year end, real calendar', ua, '2026-12-24', 10, '2027-01-12'],
    // As above but 4 Jan 2027 is a working day: 28–31 Dec =1..4; 4–8 Jan =5..9; 11 Jan =10.
    ['over the year end, 25 Dec and 1–2 Jan only', yearEnd, '2026-12-24', 10, '2027-01-11'],
    // From a Saturday: 23 Sun, 24 holiday, 25 Tue is the first working day.
    ['from a Saturday', ua, '2026-08-22', 1, '2026-08-25'],
    ['zero is the day itself, even a Saturday', ua, '2026-08-22', 0, '2026-08-22'],
    // Backwards: 4 Sep Fri, 3 Sep Thu… 28 Aug Fri is the 5th working day before 4 Sep.
    ['backwards', ua, '2026-09-04', -5, '2026-08-28'],
    // Backwards over the holiday: 24 Aug skipped, 21 Aug Fri is the 1st working day before 25 Aug.
    ['backwards over a holiday', ua, '2026-08-25', -1, '2026-08-21'],
  ])('%s: %s + %i working days', (_name, calendar, day, n, expected) => {
    expect(calendar.addWorkingDays(day, n)).toBe(expected);
  });

  it('refuses a fractional count', () => {
    expect(() => ua.addWorkingDays('2026-08-20', 2.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    [ua, '2026-09-04', '2026-09-07', 1], // Fri → Mon: only the Monday
    [ua, '2026-09-07', '2026-09-04', -1],
    [ua, '2026-08-21', '2026-08-25', 1], // weekend and 24 Aug skipped
    [weekendsOnly, '2026-08-21', '2026-08-25', 2],
    [ua, '2026-08-22', '2026-08-24', 0], // Sat → the holiday Monday
    [ua, '2026-08-20', '2026-08-20', 0],
    [ua, '2026-09-06', '2026-09-05', 0], // Sun → Sat backwards: +0, not -0 (toBe uses Object.is)
    [ua, '2026-12-24', '2027-01-12', 10],
  ])('%#: (%s, %s] holds %i working days', (calendar, a, b, expected) => {
    expect(calendar.workingDaysBetween(a, b)).toBe(expected);
  });

  it('undoes addWorkingDays for every day of 2026 and terms of 0–15 working days', () => {
    const mismatches: string[] = [];
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      for (let n = 0; n <= 15; n += 1) {
        const end = ua.addWorkingDays(day, n);
        if (ua.workingDaysBetween(day, end) !== n || ua.workingDaysBetween(end, day) !== -n) {
          mismatches.push(`${day} + ${n} → ${end}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('workingDayOnOrAfter', () => {
  it.each([
    ['2026-08-21', '2026-08-21'],
    ['2026-08-22', '2026-08-25'], // Sat, Sun, holiday Monday
    ['2026-06-28', '2026-06-30'], // Constitution Day on a Sunday, then its substitute Monday
  ])('%s → %s', (day, expected) => {
    expect(ua.workingDayOnOrAfter(day)).toBe(expected);
  });
});

describe('coverage and bad input', () => {
  it('refuses to answer outside the years it was built for', () => {
    const only2026 = holidayCalendar([2026]);
    expect(only2026.coverage).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(only2026.isWorkingDay('2026-12-31')).toBe(true);
    expect(() => only2026.isWorkingDay('2027-01-04')).toThrow(/outside the working calendar/);
    expect(() => only2026.addWorkingDays('2026-12-24', 10)).toThrow(/outside the working calendar/);
    expect(() => only2026.isWorkingDay('2025-12-31')).toThrow(/outside the working calendar/);
  });

  it('a hand-made calendar without coverage answers for any day', () => {
    expect(weekendsOnly.coverage).toBeNull();
    expect(weekendsOnly.isWorkingDay('2099-01-01')).toBe(true); // a Thursday
  });

  it.each([
    ['a malformed holiday', () => createWorkingCalendar({ holidays: ['2026-8-24'] })],
    ['a week with no working day', () =>
      createWorkingCalendar({
        holidays: [],
        weekend: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
      })],
    ['an empty coverage', () =>
      createWorkingCalendar({ holidays: [], coverage: { from: '2026-12-31', to: '2026-01-01' } })],
    ['a malformed day', () => ua.isWorkingDay('2026-02-30')],
  ])('throws on %s', (_name, build) => {
    expect(build).toThrow(RangeError);
  });
});
