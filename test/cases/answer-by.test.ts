/**
 * The day an information request is to be answered by is data: computed when the officer asks (the
 * service's answer term, else 10 working days, with public holidays), stored with the request, and
 * the day the cabinet, the case page, the back office and the notice show — never counted again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { demoRecords } from '../support/demo.ts';
import { act, type CasesApp, casesApp, draftOf, grantAgencyRoles, submit } from './support.ts';

const SERVICE = 'criminal-record-certificate';
let t: CasesApp;
let olena: SignedIn & { token: string };
let clerk: SignedIn & { token: string };

const page = (who: { token: string }, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
/** The text a person reads: tags and attributes removed. */
const visible = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const stored = async (caseId: string) =>
  t.services.db.query<{ asked_on: string; answer_by: string | null }>('SELECT asked_on::text AS asked_on, answer_by::text AS answer_by FROM information_requests WHERE case_id = $1', [caseId]);

/** What the applicant's pages and the back office say of the open request of `caseId` (signed in again: the clock moves past sessions). */
async function shown(caseId: string) {
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  return {
    cabinet: visible((await page(olena, '/en/cabinet')).body),
    cabinetUk: visible((await page(olena, '/uk/cabinet')).body),
    casePage: visible((await page(olena, `/en/cabinet/cases/${caseId}`)).body),
    office: visible((await page(clerk, `/en/office/cases/${caseId}`)).body),
  };
}

/** A certificate case in review, asked a question on `day`. */
async function askedOn(day: string) {
  t.clock.set('2026-08-17');
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  const c = await submit(t.services, olena, await draftOf(t.services, olena, SERVICE));
  await act(t.services, clerk, c.id, 'register');
  await act(t.services, clerk, c.id, 'start-review');
  t.clock.set(day);
  await act(t.services, clerk, c.id, 'request-information', 'Send a certified translation of your birth certificate');
  return c;
}

beforeAll(async () => {
  t = await casesApp('2026-08-17');
  await grantAgencyRoles(t, 'national-police');
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
}, 300_000);
afterAll(async () => t.close());

describe('the answer-by day of an information request', () => {
  let caseId = '';

  it('asked on Thu 20 Aug 2026: stored as Fri 4 Sep (10 working days, Independence Day skipped), carried by the notice and shown everywhere days later', async () => {
    const c = await askedOn('2026-08-20');
    caseId = c.id;
    expect(await stored(c.id)).toEqual([{ asked_on: '2026-08-20', answer_by: '2026-09-04' }]);
    const [notice] = await t.services.db.query<{ payload: { answerBy?: string } }>(
      "SELECT payload FROM outbox WHERE topic = 'case.changed' AND payload->>'caseId' = $1 AND payload->>'event' = 'request-information'",
      [c.id],
    );
    expect(notice?.payload.answerBy).toBe('2026-09-04');

    t.clock.set('2026-09-01'); // counted again from today, the day would move
    const s = await shown(c.id);
    expect(s.cabinet).toContain('Your answer is asked for by 4 September 2026');
    expect(s.cabinetUk).toContain('Відповідь очікують до 4 вересня 2026');
    expect(s.casePage).toContain('Answer the agency’s request by 4 September 2026.');
    expect(s.office).toMatch(/The applicant has not answered yet\. Answer due by 4 Sep\w* 2026\./); // the back office's short months
  });

  it('shows the stored day: a day changed in the data is the day every page shows', async () => {
    await t.services.db.query("UPDATE information_requests SET answer_by = '2026-09-11' WHERE case_id = $1", [caseId]);
    const s = await shown(caseId);
    expect(s.cabinet).toContain('Your answer is asked for by 11 September 2026');
    expect(s.casePage).toContain('Answer the agency’s request by 11 September 2026.');
    expect(s.office).toMatch(/Answer due by 11 Sep\w* 2026\./);
    expect(`${s.cabinet} ${s.casePage} ${s.office}`).not.toMatch(/\b4 Sep\w* 2026/);
  });

  it('a request asked before days were stored shows the default term from the day it was asked', async () => {
    await t.services.db.query('UPDATE information_requests SET answer_by = NULL WHERE case_id = $1', [caseId]);
    const s = await shown(caseId);
    expect(s.cabinet).toContain('Your answer is asked for by 4 September 2026');
    expect(s.office).toMatch(/Answer due by 4 Sep\w* 2026\./);
    expect((await t.services.cases.answer(olena, caseId, 'Attached at the centre.')).ok).toBe(true);
    const office = visible((await page(clerk, `/en/office/cases/${caseId}`)).body);
    expect(office).toContain('Answered on');
    expect(office).not.toContain('Answer due by');
  });

  it('takes the answer term of the service’s catalogue record: 4 calendar days from Thu 20 Aug end on the holiday, so on Tue 25 Aug', async () => {
    const service = (await demoRecords()).services.find((s) => s.id === SERVICE);
    const imported = await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [{ ...service!, answerTerm: { days: 4, unit: 'calendar' } }] }, 'test');
    expect(imported.ok).toBe(true);
    const c = await askedOn('2026-08-20');
    expect(await stored(c.id)).toEqual([{ asked_on: '2026-08-20', answer_by: '2026-08-25' }]);
    expect((await shown(c.id)).casePage).toContain('Answer the agency’s request by 25 August 2026.');
  });
});
