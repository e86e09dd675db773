import { describe, expect, it } from 'vitest';

import { holidayCalendar, ukrainianPublicHolidays } from './holidays.ts';

describe('ukrainianPublicHolidays', () => {
  it('gives the 2026 public holidays with their substitute days off', () => {
    // date-holidays 3.37.0, type 'public'. Substitutes: 13 Apr (Easter), 11 May (9 May, a Saturday),
    // 1 Jun (Trinity), 29 Jun (Constitution Day). 8 March falls on a Sunday and the library gives
    // 9 March as a second entry of the holiday. A change here is a change of law or of the library:
    // review it (see README "Which holidays") rather than updating the list blindly.
    expect(ukrainianPublicHolidays([2026])).toEqual([
      '2026-01-01', '2026-01-02',
      '2026-03-08', '2026-03-09',
      '2026-04-12', '2026-04-13',
      '2026-05-01', '2026-05-09', '2026-05-11', '2026-05-31',
      '2026-06-01', '2026-06-28', '2026-06-29',
      '2026-07-15',
      '2026-08-24',
      '2026-10-01',
      '2026-12-25',
    ]);
  });

  it('reads the local date, not the UTC instant (which is the evening before)', () => {
    const days = ukrainianPublicHolidays([2026]);
    expect(days).toContain('2026-08-24');
    expect(days).not.toContain('2026-08-23');
  });

  it('spans consecutive years, without duplicates, sorted', () => {
    const days = ukrainianPublicHolidays([2027, 2026, 2027]);
    expect(days.slice(16, 20)).toEqual(['2026-12-25', '2027-01-01', '2027-01-02', '2027-01-04']);
    expect(new Set(days).size).toBe(days.length);
  });

  it.each([
    ['no year', []],
    ['a gap between years', [2026, 2028]],
    ['a fractional year', [2026.5]],
  ])('refuses %s', (_name, years) => {
    expect(() => ukrainianPublicHolidays(years)).toThrow(RangeError);
    expect(() => holidayCalendar(years)).toThrow(RangeError);
  });
});

describe('holidayCalendar', () => {
  it('covers exactly the years asked for', () => {
    expect(holidayCalendar([2027, 2026]).coverage).toEqual({ from: '2026-01-01', to: '2027-12-31' });
  });
});
