import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { defaultWorkflow } from '../../src/modules/workflow/index.ts';
import { demoRecords } from '../support/demo.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, draftOf, grantAgencyRoles, kyivMorning, stored, submit } from './support.ts';

// urban-planning-conditions: free, 10 working days, silent consent, Zorehrad city council.
// Submitted on Tue 1 Sep 2026 it is due on Tue 15 Sep; silent consent applies from Wed 16 Sep.
let t: CasesApp;
let olena: SignedIn;
let clerk: SignedIn;

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  await grantAgencyRoles(t, 'zorehrad-city-council');
  await grantAgencyRoles(t, 'national-police');
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
});
afterAll(async () => t.close());

async function planningCase(register: boolean) {
  t.clock.set('2026-09-01');
  const c = await submit(t.services, olena, await draftOf(t.services, olena, 'urban-planning-conditions'));
  expect([c.silentConsent, c.feeStatus, c.dueOn]).toEqual([true, 'none', '2026-09-15']);
  return register ? act(t.services, clerk, c.id, 'register') : c;
}

const eventsOf = async (caseId: string) =>
  (await t.services.cases.forApplicant(olena, caseId))?.events.map((e) => [e.event, e.from, e.to, e.actorRole, e.actorPersonId]) ?? [];
const silentGrants = async (caseId: string) => (await eventsOf(caseId)).filter(([event]) => event === 'grant-by-silent-consent').length;
const documentsOf = async (caseId: string) => (await t.services.cases.forApplicant(olena, caseId))?.documents ?? [];

async function runOn(day: string) {
  t.clock.set(day);
  return t.services.deadlineJobs.silentConsent();
}

describe('silent consent', () => {
  it('grants a case the agency never registered, once its term has passed (the term runs from submission)', async () => {
    const c = await planningCase(false);
    await runOn('2026-09-16');
    const after = await stored(t.services, c.id);
    expect([after.outcome, after.state]).toEqual(['granted', 'result-issued']);
  });

  it('grants a registered case on the day after its due date, not on it, with a sealed silent-consent document and system events, once', async () => {
    const c = await planningCase(true);
    await runOn('2026-09-15');
    expect([(await stored(t.services, c.id)).state, (await stored(t.services, c.id)).outcome]).toEqual(['registered', null]);

    expect(await runOn('2026-09-16')).toBeGreaterThanOrEqual(1);
    const after = await stored(t.services, c.id);
    expect([after.outcome, after.state, after.decidedAt]).toEqual(['granted', 'result-issued', kyivMorning('2026-09-16')]);
    expect((await eventsOf(c.id)).slice(-2)).toEqual([
      ['grant-by-silent-consent', 'registered', 'granted', 'system', null],
      ['issue-result', 'granted', 'result-issued', 'system', null],
    ]);
    const documents = await documentsOf(c.id);
    expect(documents.map((d) => [d.kind, d.number, d.status])).toEqual([['silent-consent', `${c.number}-D1`, 'valid']]);
    const pdf = await t.services.cases.documentForApplicant(olena, c.id, documents[0]?.id ?? '');
    expect(Buffer.from(pdf?.pdf ?? new Uint8Array()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await t.services.backOffice.documentPdf(clerk, documents[0]?.id ?? ''))?.number).toBe(`${c.number}-D1`);
    expect(await t.services.backOffice.documentPdf(olena, documents[0]?.id ?? '')).toBeNull();
    const audit = await t.services.db.query<{ channel: string; actor_person_id: string | null }>(
      "SELECT channel, actor_person_id FROM audit_events WHERE action = 'case.grant-by-silent-consent' AND subject = $1", [`case:${c.number}`],
    );
    expect(audit).toEqual([{ channel: 'system', actor_person_id: null }]);

    await runOn('2026-09-16');
    await runOn('2026-09-17');
    expect(await silentGrants(c.id)).toBe(1);
    expect(await documentsOf(c.id)).toHaveLength(1);
  });

  it('does not grant a case whose clock is stopped by an information request', async () => {
    const c = await planningCase(true);
    await act(t.services, clerk, c.id, 'start-review');
    t.clock.set('2026-09-03');
    await act(t.services, clerk, c.id, 'request-information', 'Please send the land title.');
    await runOn('2026-09-16');
    await runOn('2026-10-30');
    const after = await stored(t.services, c.id);
    expect([after.state, after.clockPaused, after.outcome]).toEqual(['information-requested', true, null]);
    expect(await documentsOf(c.id)).toEqual([]);
  });

  it('does not grant a case of a service without silent consent', async () => {
    t.clock.set('2026-09-01');
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
    await act(t.services, clerk, c.id, 'register');
    await runOn('2026-09-16');
    const after = await stored(t.services, c.id);
    expect([c.silentConsent, c.dueOn, after.state, after.outcome]).toEqual([false, '2026-09-15', 'registered', null]);
  });

  it('two jobs running at once grant each case once', async () => {
    const cases = [await planningCase(true), await planningCase(true), await planningCase(true)];
    t.clock.set('2026-09-16');
    await Promise.all([t.services.deadlineJobs.silentConsent(), t.services.deadlineJobs.silentConsent()]);
    for (const c of cases) {
      expect((await stored(t.services, c.id)).state).toBe('result-issued');
      expect(await silentGrants(c.id)).toBe(1);
      expect((await documentsOf(c.id)).map((d) => d.kind)).toEqual(['silent-consent']);
    }
  });
});

// A service whose own workflow lets silent consent reach only registered cases (as the default
// workflow once did): the job claims an unregistered overdue case, the workflow refuses it, and the
// job must neither count it as granted nor claim it again and again.
describe('a service whose own workflow grants silent consent only from registered or in review', () => {
  const STRICT = 'urban-planning-strict';
  beforeAll(async () => {
    const original = (await demoRecords()).services.find((s) => s.id === 'urban-planning-conditions');
    const workflow = { ...defaultWorkflow, id: 'strict', transitions: defaultWorkflow.transitions.map((tr) => (tr.event === 'grant-by-silent-consent' ? { ...tr, from: ['registered', 'in-review'] } : tr)) };
    const imported = await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [{ ...original!, id: STRICT, identifier: '99/01', workflow }] }, 'test');
    expect(imported.ok).toBe(true);
  });
  const strictCase = async () => {
    t.clock.set('2026-09-01');
    return submit(t.services, olena, await completeDraft(t.services, olena, STRICT, ANSWERS['urban-planning-conditions'], ['sitePlan']));
  };

  it('leaves an unregistered case to the officers and reports none granted', async () => {
    const c = await strictCase();
    expect(await runOn('2026-09-16')).toBe(0);
    expect([(await stored(t.services, c.id)).state, (await stored(t.services, c.id)).outcome]).toEqual(['submitted', null]);
  });

  it('returns with a full batch (50) of such cases instead of claiming them again for ever', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push((await strictCase()).id);
    }
    t.clock.set('2026-09-16');
    // Two passes over 50 cases take a few hundred statements; a job that claims the same batch for
    // ever spends any budget (and on PGlite would never let a timer fire).
    t.budget(3000);
    const outcome = await t.services.deadlineJobs.silentConsent().then((n) => ({ returned: n }), (e: unknown) => ({ failed: String(e) }));
    t.budget(null);
    expect(outcome, 'deadlineJobs.silentConsent() kept claiming the same batch').toHaveProperty('returned');
    for (const id of ids) {
      expect((await stored(t.services, id)).state).toBe('submitted');
    }
    expect(ids).toHaveLength(50);
  });
});
