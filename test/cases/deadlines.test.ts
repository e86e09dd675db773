import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays, ukrainianPublicHolidays, weekdayOf } from '../../src/modules/deadlines/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { act, type CasesApp, casesApp, draftOf, grantAgencyRoles, stored, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn;
let clerk: SignedIn;
let supervisor: SignedIn;

beforeAll(async () => {
  t = await casesApp('2026-08-21');
  await grantAgencyRoles(t, 'national-police');
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  supervisor = await t.person('petro-boiko', 'staff'); // signed in once: escalations can name him
});
afterAll(async () => t.close());

/** A criminal-record certificate (10 working days, national police) submitted on `day`. */
async function certificateCase(day: string) {
  t.clock.set(day);
  return submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
}

describe('working-day terms across a public holiday', () => {
  it('a 10-working-day term submitted the Friday before Independence Day (Mon 24 Aug 2026) skips the weekend and the holiday: due Mon 7 Sep', async () => {
    const monday = ukrainianPublicHolidays([2026]).find((d) => d >= '2026-08-01' && weekdayOf(d) === 'monday');
    expect(monday).toBe('2026-08-24');
    const friday = addDays(monday ?? '', -3);
    expect(weekdayOf(friday)).toBe('friday');
    const c = await certificateCase(friday);
    // Tue 25 is day 1 … Fri 4 Sep day 9, Mon 7 Sep day 10. Without the holiday it would be Fri 4 Sep.
    expect([c.termStartedOn, c.dueOn]).toEqual(['2026-08-21', '2026-09-07']);
  });

  it('a 10-calendar-day term whose last day is the holiday ends on the next working day (Tue 25 Aug)', async () => {
    t.clock.set('2026-08-14');
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
    expect([c.term, c.termStartedOn, c.dueOn]).toEqual([{ days: 10, unit: 'calendar' }, '2026-08-14', '2026-08-25']);
  });
});

describe('an information request stops the clock', () => {
  it('asked on Thu 3 Sep, answered on Tue 8 Sep: three working days paused, due Fri 18 Sep instead of Tue 15 Sep', async () => {
    const c = await certificateCase('2026-09-01');
    expect(c.dueOn).toBe('2026-09-15');
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');

    t.clock.set('2026-09-03');
    const asked = await act(t.services, clerk, c.id, 'request-information', 'Please send the page with your registration address.');
    expect([asked.state, asked.clockPaused]).toEqual(['information-requested', true]);
    const waiting = await t.services.cases.forApplicant(olena, c.id);
    expect(waiting?.case.clockPaused).toBe(true);
    expect(waiting?.requests.map((r) => [r.question, r.askedOn, r.answer, r.answeredOn])).toEqual([['Please send the page with your registration address.', '2026-09-03', null, null]]);

    t.clock.set('2026-09-08');
    const andrii = await t.person('andrii-shevchenko');
    expect(await t.services.cases.answer(andrii, c.id, 'Not mine to answer')).toMatchObject({ ok: false, error: { code: 'cases.not_found' } });
    expect(await t.services.cases.answer(olena, c.id, '   ')).toMatchObject({ ok: false, error: { code: 'cases.answer_required' } });
    const answered = await t.services.cases.answer(olena, c.id, 'Attached to this answer: Sadova St 5.');
    expect(answered.ok).toBe(true);
    const after = await stored(t.services, c.id);
    expect([after.state, after.clockPaused, after.termStartedOn, after.dueOn]).toEqual(['in-review', false, '2026-09-01', '2026-09-18']);
    if (answered.ok) {
      expect(answered.value.dueOn).toBe('2026-09-18');
    }
    const view = await t.services.cases.forApplicant(olena, c.id);
    expect(view?.requests.map((r) => [r.askedOn, r.answeredOn])).toEqual([['2026-09-03', '2026-09-08']]);
    expect(view?.events.map((e) => e.event)).toEqual(['submit', 'register', 'start-review', 'request-information', 'answer-information']);
    expect(await t.services.cases.answer(olena, c.id, 'Again')).toMatchObject({ ok: false, error: { code: 'cases.no_open_request' } });
  });
});

describe('reminders and escalation (officer 3 and 1 working days before, supervisor 1 day before)', () => {
  const messages = async (caseId: string) =>
    t.services.db.query<{ topic: string; payload: Record<string, unknown> }>(
      "SELECT topic, payload FROM outbox WHERE topic IN ('case.reminder', 'case.escalation') AND payload->>'caseId' = $1 ORDER BY id", [caseId],
    );
  const sentOf = async (caseId: string) => (await t.services.deadlineJobs.remindersOf(caseId)).map((r) => [r.kind, r.due_on, r.working_days_before, r.sent_on]);
  const twice = async (day: string) => {
    t.clock.set(day);
    await t.services.deadlineJobs.reminders();
    await t.services.deadlineJobs.reminders();
  };

  it('reminds the assigned officer on Thu 10 and Mon 14 Sep and alerts the supervisor on Mon 14 Sep for a case due Tue 15 Sep, each once', async () => {
    const c = await certificateCase('2026-09-01');
    await act(t.services, clerk, c.id, 'register'); // the first officer to act holds the case
    expect((await stored(t.services, c.id)).assignedTo).toBe(clerk.person.id);

    await twice('2026-09-09');
    expect(await sentOf(c.id)).toEqual([]);

    await twice('2026-09-10');
    expect(await sentOf(c.id)).toEqual([['officer-reminder', '2026-09-15', 3, '2026-09-10']]);

    await twice('2026-09-14');
    expect(await sentOf(c.id)).toEqual([
      ['officer-reminder', '2026-09-15', 3, '2026-09-10'], ['officer-reminder', '2026-09-15', 1, '2026-09-14'], ['supervisor-escalation', '2026-09-15', 1, '2026-09-14'],
    ]);
    const base = { caseId: c.id, caseNumber: c.number, organisationId: 'national-police', dueOn: '2026-09-15' };
    expect(await messages(c.id)).toEqual([
      { topic: 'case.reminder', payload: { ...base, workingDaysBefore: 3, to: [clerk.person.id] } },
      { topic: 'case.reminder', payload: { ...base, workingDaysBefore: 1, to: [clerk.person.id] } },
      { topic: 'case.escalation', payload: { ...base, workingDaysBefore: 1, to: [supervisor.person.id] } },
    ]);

    await twice('2026-09-15');
    expect(await messages(c.id)).toHaveLength(3);
  });

  it('sends nothing while the clock is paused, and new reminders for the due date a pause moved', async () => {
    const c = await certificateCase('2026-09-01');
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');
    await twice('2026-09-10');
    expect(await sentOf(c.id)).toEqual([['officer-reminder', '2026-09-15', 3, '2026-09-10']]);

    await act(t.services, clerk, c.id, 'request-information', 'Which employer asks for the certificate?');
    await twice('2026-09-14'); // the old due date's last reminders would fall today: none while paused
    expect(await sentOf(c.id)).toHaveLength(1);

    expect((await t.services.cases.answer(olena, c.id, 'A school in Zorehrad.')).ok).toBe(true);
    expect((await stored(t.services, c.id)).dueOn).toBe('2026-09-17'); // Fri 11 and Mon 14 were paused
    await twice('2026-09-14');
    expect(await sentOf(c.id)).toEqual([['officer-reminder', '2026-09-15', 3, '2026-09-10'], ['officer-reminder', '2026-09-17', 3, '2026-09-14']]);

    await twice('2026-09-16');
    expect((await sentOf(c.id)).slice(2)).toEqual([['officer-reminder', '2026-09-17', 1, '2026-09-16'], ['supervisor-escalation', '2026-09-17', 1, '2026-09-16']]);
    expect((await messages(c.id)).map((m) => [m.topic, m.payload['dueOn'], m.payload['workingDaysBefore']])).toEqual([
      ['case.reminder', '2026-09-15', 3], ['case.reminder', '2026-09-17', 3], ['case.reminder', '2026-09-17', 1], ['case.escalation', '2026-09-17', 1],
    ]);
  });

  it('a case nobody holds is reminded to the agency queue (no addressee)', async () => {
    const c = await certificateCase('2026-09-01');
    await twice('2026-09-10');
    expect((await messages(c.id)).map((m) => m.payload['to'])).toEqual([[]]);
  });
});
