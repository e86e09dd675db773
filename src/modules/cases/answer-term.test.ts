import { describe, expect, it } from 'vitest';

import { createWorkingCalendar, holidayCalendar } from '../deadlines/index.ts';
import { answerByDay, answerByOf, answerTermOf, DEFAULT_ANSWER_TERM } from './answer-term.ts';

const ua = holidayCalendar([2026]);
const weekendsOnly = createWorkingCalendar({ holidays: [] });

describe('the day an information request is to be answered by', () => {
  it('10 working days from Thu 20 Aug 2026 skip two weekends and Independence Day (Mon 24 Aug): Fri 4 Sep, not Thu 3 Sep', () => {
    expect(answerByDay('2026-08-20', DEFAULT_ANSWER_TERM, ua)).toBe('2026-09-04');
    expect(answerByDay('2026-08-20', DEFAULT_ANSWER_TERM, weekendsOnly)).toBe('2026-09-03');
  });

  it('a request on the holiday itself counts from the next working day (Tue 25 Aug is day 1): Mon 7 Sep', () => {
    expect(answerByDay('2026-08-24', DEFAULT_ANSWER_TERM, ua)).toBe('2026-09-07');
  });

  it('a calendar term that ends on the holiday ends on the next working day', () => {
    // 10 calendar days after Fri 14 Aug is Mon 24 Aug, a public holiday.
    expect(answerByDay('2026-08-14', { days: 10, unit: 'calendar' }, ua)).toBe('2026-08-25');
  });

  it('takes the term of the service’s catalogue record, else 10 working days', () => {
    expect(DEFAULT_ANSWER_TERM).toEqual({ days: 10, unit: 'working' });
    expect(answerTermOf({})).toEqual(DEFAULT_ANSWER_TERM);
    expect(answerTermOf({ answerTerm: { days: 5, unit: 'calendar' } })).toEqual({ days: 5, unit: 'calendar' });
  });

  it('reads the stored day, and for a request asked before days were stored, the default term from the request day', () => {
    expect(answerByOf({ askedOn: '2026-08-20', answerBy: '2026-08-31' }, ua)).toBe('2026-08-31');
    expect(answerByOf({ askedOn: '2026-08-20', answerBy: null }, ua)).toBe('2026-09-04');
  });
});
