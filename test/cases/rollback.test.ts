/**
 * A refused step rolls back everything its transaction wrote. A service whose workflow lets only a
 * clerk issue the result: the decision-maker's grant moves the case and seals the decision document,
 * then the system's `issue-result` is refused — and no document, event or state change is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { defaultWorkflow, type WorkflowDefinition } from '../../src/modules/workflow/index.ts';
import { demoRecords } from '../support/demo.ts';
import { act, type CasesApp, casesApp, draftOf, grantAgencyRoles, stored, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn;

const SERVICE = 'criminal-record-certificate';
/** The default workflow, except that only a clerk may issue the result (the system may not). */
const clerkIssues: WorkflowDefinition = {
  ...defaultWorkflow,
  id: 'clerk-issues-result',
  transitions: defaultWorkflow.transitions.map((tr) => (tr.event === 'issue-result' ? { ...tr, by: ['clerk'] } : tr)),
};

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  olena = await t.person('olena-koval');
  await grantAgencyRoles(t, 'national-police');
});
afterAll(async () => t.close());

const count = async (sql: string, caseId: string) => Number((await t.services.db.query<{ n: number }>(sql, [caseId]))[0]?.n);

describe('a refused back-office action', () => {
  it('leaves no decision document, no event and the case as it was', async () => {
    const clerk = await t.person('mykola-tkachenko', 'staff');
    const decider = await t.person('oksana-lysenko', 'staff');
    const c = await submit(t.services, olena, await draftOf(t.services, olena, SERVICE));
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');

    const service = (await demoRecords()).services.find((s) => s.id === SERVICE);
    const imported = await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [{ ...service!, workflow: clerkIssues }] }, 'test');
    expect(imported.ok).toBe(true);

    const before = await stored(t.services, c.id);
    const events = await count('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', c.id);
    const refused = await t.services.backOffice.act(decider, c.id, { event: 'grant' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workflow.role_not_allowed', event: 'issue-result', role: 'system' } });

    expect(await count('SELECT count(*)::int AS n FROM documents WHERE case_id = $1', c.id)).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', c.id)).toBe(events);
    const after = await stored(t.services, c.id);
    expect([after.state, after.outcome, after.version, after.assignedTo]).toEqual([before.state, before.outcome, before.version, before.assignedTo]);
    expect(after.state).toBe('in-review');
  });
});
