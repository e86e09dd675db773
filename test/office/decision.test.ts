import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { type OfficeWorld, officeWorld } from './support.ts';

let w: OfficeWorld;
let c: CaseRecord;

/** The documents stored for a case, read through the back office as its supervisor sees them. */
const documentsOf = async (caseId: string) =>
  ((await w.t.services.backOffice.view(await w.signedInOf(w.supervisor), caseId))?.documents ?? []).filter((d) => d.kind !== 'receipt').map((d) => d.number);
const versionOn = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

/** A case registered, reviewed, asked about and answered: ready for a decision. */
async function readyForDecision(key: string): Promise<CaseRecord> {
  const kase = await w.submitResidenceRegistration(key);
  for (const fields of [{ event: 'register' }, { event: 'start-review' }, { event: 'request-information', reason: 'Send the deed' }]) {
    expect((await w.act(w.clerk, kase, fields)).statusCode).toBe(303);
  }
  expect((await w.t.services.cases.answer(await w.signedInOf(w.citizen), kase.id, 'Attached')).ok).toBe(true);
  return kase;
}

beforeAll(async () => {
  w = await officeWorld();
  c = await readyForDecision('decision-1');
});
afterAll(async () => w.t.close());

describe('a decision is confirmed before it is issued', () => {
  it('shows the confirmation with a summary and the draft document, and issues nothing', async () => {
    const page = await w.post(w.decider, `/en/office/cases/${c.id}/decision`, [['event', 'refuse'], ['refusalGroundId', 'no-owner-consent'], ['reason', 'The owner did <b>not</b> consent']]);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Check the decision to refuse');
    expect(page.body).toContain('Refuse the service');
    expect(page.body).toContain('Олена Коваль');
    expect(page.body).toContain('The owner did &lt;b>not&lt;/b> consent');
    expect(page.body).toContain('ПРОЄКТ — не видано'); // the draft in the applicant's language
    expect(page.body).toContain('Рішення про відмову в наданні адміністративної послуги');
    expect(page.body).toContain(`${c.number}-D1`);
    expect(page.body).toMatch(new RegExp(`<form method="post" action="/en/office/cases/${c.id}/decision/confirm">`));
    expect(page.body).toContain('Confirm and issue');
    expect(page.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(versionOn(page.body)).not.toBe('');
    // The case page's own buttons lead here too: the old one-click path issues nothing either.
    expect((await w.act(w.decider, c, { event: 'grant', reason: 'ok' })).statusCode).toBe(200);
    expect(await documentsOf(c.id)).toEqual([]);
    expect((await w.t.services.backOffice.view(await w.signedInOf(w.decider), c.id))?.case.outcome).toBeNull();
  });

  it('serves the draft PDF, unsealed, and stores nothing', async () => {
    const pdf = await w.post(w.decider, `/en/office/cases/${c.id}/decision/draft.pdf`, [['event', 'grant'], ['reason', 'All in order']]);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(`${c.number}-D1-draft.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await documentsOf(c.id)).toEqual([]);
    const refused = await w.post(w.clerk, `/en/office/cases/${c.id}/decision/draft.pdf`, [['event', 'grant']]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Your role does not allow this action.');
  });

  it('goes back to the case with what was typed', async () => {
    const back = await w.post(w.decider, `/en/office/cases/${c.id}/decision/back`, [['event', 'grant'], ['reason', 'Typed before']]);
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('Typed before</textarea>');
  });

  it('refuses a stale confirmation with a clear message, then issues exactly one document on a fresh one', async () => {
    const first = await w.post(w.decider, `/en/office/cases/${c.id}/decision`, [['event', 'grant'], ['reason', 'All in order']]);
    const stale = versionOn(first.body);
    // Meanwhile a supervisor assigns the case: it has moved on since the confirmation was shown.
    const supervisorId = (await w.signedInOf(w.supervisor)).person.id;
    expect((await w.post(w.supervisor, `/en/office/cases/${c.id}/assign`, [['assignee', supervisorId]])).statusCode).toBe(303);
    const refused = await w.post(w.decider, `/en/office/cases/${c.id}/decision/confirm`, [['event', 'grant'], ['reason', 'All in order'], ['version', stale]]);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('The case has changed since you opened the confirmation');
    expect(await documentsOf(c.id)).toEqual([]);

    const fresh = versionOn((await w.post(w.decider, `/en/office/cases/${c.id}/decision`, [['event', 'grant'], ['reason', 'All in order']])).body);
    expect(fresh).not.toBe(stale);
    const confirmed = await w.post(w.decider, `/en/office/cases/${c.id}/decision/confirm`, [['event', 'grant'], ['reason', 'All in order'], ['version', fresh]]);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/en/office/cases/${c.id}`);
    expect(await documentsOf(c.id)).toEqual([`${c.number}-D1`]);
    // Pressing "Confirm and issue" again (a double click, a second tab) issues nothing more.
    const again = await w.post(w.decider, `/en/office/cases/${c.id}/decision/confirm`, [['event', 'grant'], ['reason', 'All in order'], ['version', fresh]]);
    expect(again.statusCode).toBe(409);
    expect(await documentsOf(c.id)).toEqual([`${c.number}-D1`]);
  });

  it('speaks Ukrainian too', async () => {
    const other = await readyForDecision('decision-2');
    const page = await w.post(w.decider, `/uk/office/cases/${other.id}/decision`, [['event', 'grant']]);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Перевірте рішення про надання послуги');
    expect(page.body).toContain('Підтвердити й видати');
    expect(page.body).toContain('Не зазначено');
  });
});
