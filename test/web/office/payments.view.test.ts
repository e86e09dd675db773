import { describe, expect, it } from 'vitest';

import { translator } from '../../../src/web/locales/messages.ts';
import { readPeriod } from '../../../src/web/office/payments.view.ts';

const en = translator('en');
const query = (from: [string, string, string], to: [string, string, string]) => ({
  'from-day': from[0], 'from-month': from[1], 'from-year': from[2], 'to-day': to[0], 'to-month': to[1], 'to-year': to[2],
});

describe('the reconciliation period', () => {
  it('is the last 30 days up to tomorrow when both dates are left empty, shown back in the boxes', () => {
    const period = readPeriod(en, {}, '2026-12-03');
    expect(period).toMatchObject({ from: '2026-11-03', to: '2026-12-04', errors: [], problems: { from: null, to: null } });
    expect(period.fromParts).toEqual({ day: '3', month: '11', year: '2026' });
    expect(period.toParts).toEqual({ day: '4', month: '12', year: '2026' });
  });

  it('reads day, month and year', () => {
    expect(readPeriod(en, query(['1', '2', '2026'], ['01', '03', '2026']), '2026-12-03')).toMatchObject({ from: '2026-02-01', to: '2026-03-01', errors: [] });
  });

  it('names each date that cannot be read, keeping what was typed', () => {
    const period = readPeriod(en, query(['30', '2', '2026'], ['1', '', '2026']), '2026-12-03');
    expect(period.from).toBeNull();
    expect(period.to).toBeNull();
    expect(period.fromParts).toEqual({ day: '30', month: '2', year: '2026' });
    expect(period.errors).toEqual([
      { field: 'from', message: 'From: Enter a real date, for example 27 3 2007' },
      { field: 'to', message: 'To (not included): The date must include: month' },
    ]);
    expect(period.problems.to?.parts).toEqual(['month']);
  });

  it('refuses a period whose end is not after its start, marking the second date', () => {
    const period = readPeriod(translator('uk'), query(['2', '3', '2026'], ['2', '3', '2026']), '2026-12-03');
    expect(period.errors).toEqual([{ field: 'to', message: 'Друга дата має бути пізнішою за першу' }]);
    expect(period.problems.to?.parts).toEqual(['day', 'month', 'year']);
  });
});
