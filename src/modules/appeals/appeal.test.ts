import { describe, expect, it } from 'vitest';

import { holidayCalendar } from '../deadlines/index.ts';
import { APPEAL_TERM, appealTermOf, canExtend, DEFAULT_REFUSAL_APPEAL_TERM, extendedDueOn, QUICK_TERM, routeOf, termEnd } from './appeal.ts';

const calendar = holidayCalendar([2026, 2027]);

describe('the terms of an appeal (calendar days from the day of filing)', () => {
  it('gives a month: 30 calendar days, the filing day being day 0', () => {
    expect(termEnd('2026-08-31', APPEAL_TERM, calendar)).toBe('2026-09-30'); // a Wednesday
    expect(termEnd('2026-09-01', APPEAL_TERM, calendar)).toBe('2026-10-02'); // 1 October is a public holiday (Defenders' Day)
  });

  it('moves a last day on a weekend to the next working day', () => {
    expect(termEnd('2026-09-05', APPEAL_TERM, calendar)).toBe('2026-10-05'); // 5 October is a Monday
    expect(termEnd('2026-09-03', APPEAL_TERM, calendar)).toBe('2026-10-05'); // 3 October is a Saturday
  });

  it('shows officers the 15-day target of an appeal needing no extra study', () => {
    expect(termEnd('2026-09-01', QUICK_TERM, calendar)).toBe('2026-09-16');
  });

  it('extends to 45 days from filing, never earlier than the day already due', () => {
    expect(extendedDueOn({ filedOn: '2026-09-01', dueOn: '2026-10-02' }, calendar)).toBe('2026-10-16');
    expect(extendedDueOn({ filedOn: '2026-09-01', dueOn: '2026-11-30' }, calendar)).toBe('2026-11-30');
  });

  it('extends once, while open, and never an appeal against a refusal (its term is its own)', () => {
    expect(canExtend({ kind: 'complaint', state: 'open', extendedOn: null })).toBe(true);
    expect(canExtend({ kind: 'complaint', state: 'open', extendedOn: '2026-09-10' })).toBe(false);
    expect(canExtend({ kind: 'request', state: 'answered', extendedOn: null })).toBe(false);
    expect(canExtend({ kind: 'refusal-appeal', state: 'open', extendedOn: null })).toBe(false);
  });

  it('gives an appeal against a refusal the service\'s appeal term, else 30 days', () => {
    expect(appealTermOf('refusal-appeal', undefined)).toEqual(DEFAULT_REFUSAL_APPEAL_TERM);
    expect(appealTermOf('refusal-appeal', { days: 20, unit: 'working' })).toEqual({ days: 20, unit: 'working' });
    expect(appealTermOf('complaint', { days: 20, unit: 'working' })).toEqual(APPEAL_TERM);
  });
});

describe('routing', () => {
  it('sends an appeal to the agency it names, else to its case\'s agency, else to triage', () => {
    expect(routeOf({ kind: 'complaint', namedAgency: 'a', caseAgency: 'b', parentOfCaseAgency: 'p' })).toBe('a');
    expect(routeOf({ kind: 'complaint', namedAgency: null, caseAgency: 'b', parentOfCaseAgency: 'p' })).toBe('b');
    expect(routeOf({ kind: 'proposal', namedAgency: null, caseAgency: null, parentOfCaseAgency: null })).toBeNull();
  });

  it('sends an appeal against a refusal to the supervising body, else to triage', () => {
    expect(routeOf({ kind: 'refusal-appeal', namedAgency: null, caseAgency: 'b', parentOfCaseAgency: 'p' })).toBe('p');
    expect(routeOf({ kind: 'refusal-appeal', namedAgency: null, caseAgency: 'b', parentOfCaseAgency: null })).toBeNull();
  });
});
