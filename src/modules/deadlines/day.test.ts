import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { kyivDayFormatted } from '../../kernel/state-time.ts';
import { addDays, daysBetween, isDay, kyivDay, weekdayOf } from './day.ts';

describe('isDay', () => {
  it.each([
    ['2026-08-24', true],
    ['2028-02-29', true], // leap year
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-8-24', false],
    ['2026-08-24T00:00:00Z', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });

  it('agrees with the calendar of Date for every string of the form NNNN-NN-NN', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
      const value = `${y}-${m}-${d}`;
      const ms = Date.parse(`${value}T00:00:00Z`);
      expect(isDay(value)).toBe(!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value);
    }), { numRuns: 5000 });
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'], // over the night the clocks go forward (29 March 2026)
    ['2026-10-24', 2, '2026-10-26'], // over the night they go back (25 October 2026)
    ['2026-09-03', 30, '2026-10-03'],
    ['2026-08-20', 0, '2026-08-20'],
  ])('%s + %i days = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it('refuses a malformed day and a fractional count', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-08-20', 1.5)).toThrow(RangeError);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2026-08-24', 'monday'],
    ['2026-10-03', 'saturday'],
    ['2026-06-28', 'sunday'],
    ['2027-01-01', 'friday'],
  ])('%s is a %s', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });
});

describe('kyivDay', () => {
  it.each([
    // Winter time, UTC+2 (until 01:00 UTC on 29 March 2026).
    ['2026-03-28T21:59:59Z', '2026-03-28'],
    ['2026-03-28T22:30:00Z', '2026-03-29'],
    // Summer time, UTC+3.
    ['2026-07-31T20:59:59Z', '2026-07-31'],
    ['2026-07-31T21:00:00Z', '2026-08-01'],
    // New Year in Kyiv is 22:00 UTC.
    ['2026-12-31T21:59:59Z', '2026-12-31'],
    ['2026-12-31T22:00:00Z', '2027-01-01'],
  ])('%s is %s in Kyiv', (instant, day) => {
    expect(kyivDay(new Date(instant))).toBe(day);
  });

  it('gives the formatted date for any instant, asked in any order (the kept hour never answers for another)', () => {
    const HOUR = 3_600_000;
    // instants of one UTC hour, and the minute either side of it, from 1900 (Kyiv's mean time, +2:02:04) to 2100
    const hour = fc.oneof(
      fc.integer({ min: Math.floor(Date.UTC(1900, 0, 1) / HOUR), max: Math.floor(Date.UTC(2100, 0, 1) / HOUR) }),
      fc.integer({ min: Math.floor(Date.UTC(1900, 0, 1) / HOUR), max: Math.floor(Date.UTC(1925, 0, 1) / HOUR) }),
    );
    fc.assert(fc.property(hour, fc.array(fc.integer({ min: -60_000, max: HOUR + 60_000 }), { minLength: 1, maxLength: 12 }), (h, offsets) => {
      for (const offset of offsets) {
        const at = new Date(h * HOUR + offset);
        expect(kyivDay(at)).toBe(kyivDayFormatted(at));
      }
    }), { numRuns: 3000 });
  });

  it('throws for an invalid instant, also right after a valid one', () => {
    kyivDay(new Date('2026-12-05T10:00:00Z'));
    expect(() => kyivDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
