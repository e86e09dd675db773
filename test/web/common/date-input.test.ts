import { describe, expect, it } from 'vitest';

import { datePartsOf, readDateInput, readRequiredDate } from '../../../src/web/common/form-values.ts';
import { dateProblemText } from '../../../src/web/common/inputs.tsx';
import { translator } from '../../../src/web/locales/messages.ts';

const body = (day: string, month: string, year: string) => ({ 'born-day': day, 'born-month': month, 'born-year': year });

describe('reading a date input', () => {
  it('gives a real date as YYYY-MM-DD, whatever the zero padding', () => {
    expect(readDateInput(body('7', '3', '2007'), 'born')).toEqual({ ok: true, parts: { day: '7', month: '3', year: '2007' }, iso: '2007-03-07' });
    expect(readDateInput(body(' 29 ', '02', '2024'), 'born')).toMatchObject({ ok: true, iso: '2024-02-29' });
  });

  it('names the missing parts', () => {
    expect(readDateInput(body('7', '', ''), 'born')).toMatchObject({ ok: false, problem: { code: 'date.incomplete', parts: ['month', 'year'] } });
  });

  it('refuses days that do not exist, and years that are not four digits', () => {
    for (const [d, m, y] of [['31', '4', '2026'], ['29', '2', '2026'], ['0', '1', '2026'], ['1', '13', '2026'], ['1', '1', '26'], ['1.5', '1', '2026'], ['a', 'b', 'c']] as const) {
      expect(readDateInput(body(d, m, y), 'born'), `${d}/${m}/${y}`).toMatchObject({ ok: false, problem: { code: 'date.invalid' } });
    }
  });

  it('leaves an empty input to the caller, or calls it missing when required', () => {
    expect(readDateInput({}, 'born').ok).toBe('empty');
    expect(readRequiredDate(body('', '', ''), 'born')).toMatchObject({ ok: false, problem: { code: 'date.missing', parts: ['day', 'month', 'year'] } });
  });

  it('words each problem in both languages', () => {
    const problem = { code: 'date.incomplete', parts: ['month', 'year'] } as const;
    expect(dateProblemText(translator('uk'), problem)).toBe('Дата має містити: місяць, рік');
    expect(dateProblemText(translator('en'), problem)).toBe('The date must include: month, year');
    expect(dateProblemText(translator('en'), { code: 'date.invalid', parts: ['day'] })).toMatch(/real date/);
  });

  it('fills the three fields back from a stored date', () => {
    expect(datePartsOf('2007-03-07')).toEqual({ day: '7', month: '3', year: '2007' });
    expect(datePartsOf(null)).toEqual({ day: '', month: '', year: '' });
  });
});
