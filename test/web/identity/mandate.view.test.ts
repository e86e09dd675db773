import { describe, expect, it } from 'vitest';

import { dateOf, dateParts } from '../../../src/web/identity/mandate-form.ts';
import { maskedNationalId, pickerGroups } from '../../../src/web/identity/mandate.view.ts';

const s = (id: string, name: string, organisationId: string) => ({ id, name, organisationId });

describe('the mandate service picker', () => {
  const agencies = new Map([['tax', 'Податкова служба'], ['justice', 'Мін’юст']]);

  it('groups the found services by agency, both in the page language’s order', () => {
    const groups = pickerGroups([s('vat', 'Реєстрація ПДВ', 'tax'), s('extract', 'Витяг', 'justice'), s('return', 'Декларація', 'tax')], [], new Set(), agencies, 'uk');
    expect(groups.map((g) => g.agency)).toEqual(['Мін’юст', 'Податкова служба']);
    expect(groups[1]?.services.map((x) => x.id)).toEqual(['return', 'vat']);
  });

  it('keeps a chosen service the filter no longer finds, checked', () => {
    const all = [s('vat', 'Реєстрація ПДВ', 'tax'), s('extract', 'Витяг', 'justice')];
    const groups = pickerGroups([all[1]!], all, new Set(['vat']), agencies, 'uk');
    expect(groups.flatMap((g) => g.services)).toEqual([{ id: 'extract', name: 'Витяг', checked: false }, { id: 'vat', name: 'Реєстрація ПДВ', checked: true }]);
  });

  it('names an agency it does not know by its id', () => {
    expect(pickerGroups([s('x', 'X', 'unknown')], [], new Set(), agencies, 'en')[0]?.agency).toBe('unknown');
  });

  it('shows only the last four digits of a tax number', () => {
    expect(maskedNationalId('9000000044')).toBe('••••••0044');
  });
});

describe('dates from three boxes', () => {
  it('reads day, month and year, and a YYYY-MM-DD value from the confirmation page', () => {
    expect(dateOf({ 'd-day': '7', 'd-month': '3', 'd-year': '2027' }, 'd')).toBe('2027-03-07');
    expect(dateOf({ d: '2027-03-07' }, 'd')).toBe('2027-03-07');
  });

  it('refuses impossible or partial dates', () => {
    expect(dateOf({ 'd-day': '31', 'd-month': '2', 'd-year': '2027' }, 'd')).toBeNull();
    expect(dateOf({ 'd-day': '1', 'd-month': '', 'd-year': '2027' }, 'd')).toBeNull();
    expect(dateOf({ 'd-day': '1', 'd-month': '1', 'd-year': '27' }, 'd')).toBeNull();
    expect(dateOf({}, 'd')).toBeNull();
  });

  it('fills the boxes back from a YYYY-MM-DD value', () => {
    expect(dateParts({ d: '2027-03-07' }, 'd')).toEqual({ day: '7', month: '3', year: '2027' });
    expect(dateParts({ d: '2027-03-07', 'd-day': '9' }, 'd')).toEqual({ day: '9', month: '', year: '' });
  });
});
