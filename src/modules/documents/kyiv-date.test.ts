import { describe, expect, it } from 'vitest';
import { formatIssuedAt, kyivTime } from './kyiv-date.ts';

describe('formatIssuedAt', () => {
  it('prints the Kyiv date, not the UTC one', () => {
    const at = new Date('2026-06-30T21:30:00.000Z');
    expect(formatIssuedAt(at, 'uk')).toBe('1 липня 2026 р., 00:30 (за київським часом)');
    expect(formatIssuedAt(at, 'en')).toBe('1 July 2026, 00:30 (Kyiv time)');
  });

  it('uses UTC+2 in winter', () => {
    expect(formatIssuedAt(new Date('2026-01-15T10:05:00.000Z'), 'en')).toBe('15 January 2026, 12:05 (Kyiv time)');
  });

  it('follows the summer-time changes (last Sunday of March and of October)', () => {
    expect(kyivTime(new Date('2026-03-29T00:59:00.000Z'))).toMatchObject({ day: 29, hour: 2, minute: 59 });
    expect(kyivTime(new Date('2026-03-29T01:00:00.000Z'))).toMatchObject({ day: 29, hour: 4, minute: 0 });
    expect(kyivTime(new Date('2026-10-25T00:59:00.000Z'))).toMatchObject({ day: 25, hour: 3, minute: 59 });
    expect(kyivTime(new Date('2026-10-25T01:00:00.000Z'))).toMatchObject({ day: 25, hour: 3, minute: 0 });
  });

  it('prints midnight as 00, not 24', () => {
    expect(kyivTime(new Date('2026-02-01T22:00:00.000Z'))).toEqual({ year: 2026, month: 2, day: 2, hour: 0, minute: 0 });
  });
});
