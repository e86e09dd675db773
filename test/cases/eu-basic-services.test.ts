/**
 * The 20 EU basic services of the demo catalogue, each from application to decision, with the demo
 * officers the portal seeds (registries/demo/staff.json): a complete answer set generated from the
 * service's own form, submission, the fee paid through the payment simulator when one is due, the
 * clerk of the competent agency registering and reviewing, its decision-maker granting, and a sealed
 * decision that verifies. Every agency with services online has a clerk, a decision-maker and a supervisor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Services } from '../../src/app/container.ts';
import type { ServiceRecord } from '../../src/modules/catalogue/index.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { visiblePages } from '../../src/modules/forms/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { SIGNATURE_HEADER } from '../../src/modules/payments/index.ts';
import { demoRecords } from '../support/demo.ts';
import { completeAnswers } from '../support/form-answers.ts';
import { type CasesApp, casesApp, PDF_BYTES, resolve, stored, submit } from './support.ts';

const RETURN_URL = 'http://portal.test/uk/cabinet/cases/return';
const COMPANY = '40000001';

let t: CasesApp;
let citizen: SignedIn;
let company: SignedIn;
let clerk: SignedIn;
let decider: SignedIn;
let supervisor: SignedIn;

const records = await demoRecords();
const euServices = records.services.filter((s) => s.euBasicService !== undefined);

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  citizen = await t.person('olena-koval');
  const director = await t.person('taras-melnyk');
  expect((await t.services.sessions.actAs(director, { kind: 'business', id: COMPANY })).ok).toBe(true);
  company = await resolve(t.services, director.token);
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  supervisor = await t.person('petro-boiko', 'staff');
});
afterAll(async () => t.close());

/** An answer as a browser posts it. */
const posted = (value: unknown): string | string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);

/** A draft of the service answered in full (files uploaded as PDFs), submitted through the web channel. */
async function apply(services: Services, applicant: SignedIn, service: ServiceRecord): Promise<CaseRecord> {
  const form = service.form;
  if (form === undefined) {
    throw new Error(`${service.id} has no form`);
  }
  const started = await services.drafts.start(applicant, service.id);
  if (!started.ok) {
    throw new Error(`${service.id}: draft refused (${started.error.code})`);
  }
  const draftId = started.value.id;
  const answers = completeAnswers(form, false);
  const pages = visiblePages(form, answers);
  for (const page of pages) {
    const body = Object.fromEntries(page.fields.filter((f) => f.kind !== 'file' && answers[f.name] !== undefined).map((f) => [f.name, posted(answers[f.name])]));
    const saved = await services.drafts.savePage(applicant, draftId, page.id, body);
    if (!saved.ok) {
      throw new Error(`${service.id}, page ${page.id}: ${saved.error.code}`);
    }
  }
  for (const field of pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file' && answers[f.name] !== undefined)) {
    const uploaded = await services.drafts.upload(applicant, draftId, { field: field.name, filename: `${field.name}.pdf`, bytes: PDF_BYTES });
    if (!uploaded.ok) {
      throw new Error(`${service.id}, file ${field.name}: ${uploaded.error.code}`);
    }
  }
  return submit(services, applicant, draftId);
}

/** Pays the fee on the simulator's page and hands its signed callback to the portal. */
async function pay(applicant: SignedIn, c: CaseRecord): Promise<void> {
  const started = await t.services.payments.start(applicant, c.id, RETURN_URL);
  if (!started.ok) {
    throw new Error(`${c.serviceId}: payment refused (${started.error.code})`);
  }
  const before = new Set(t.simulator.callbacks().map((cb) => cb.eventId));
  const chosen = await fetch(started.value.redirectUrl, { method: 'POST', body: new URLSearchParams({ outcome: 'paid' }), redirect: 'manual' });
  expect(chosen.status).toBe(303);
  await t.simulator.idle();
  const callback = t.simulator.callbacks().find((cb) => !before.has(cb.eventId));
  if (!callback) {
    throw new Error(`${c.serviceId}: the simulator sent no callback`);
  }
  expect(await t.services.payments.callback({ 'content-type': 'application/json', [SIGNATURE_HEADER.toLowerCase()]: callback.signature }, callback.body)).toBe('applied');
}

/** The clerk registers and reviews while the workflow offers it; the decision-maker grants. */
async function decide(c: CaseRecord): Promise<CaseRecord> {
  let current = c;
  for (let step = 0; step < 6 && current.outcome === null; step += 1) {
    const clerkView = await t.services.backOffice.view(clerk, current.id);
    const next = clerkView?.actions.find((a) => a === 'register' || a === 'start-review');
    const [officer, event] = next !== undefined ? [clerk, next] : [decider, 'grant'];
    const done = await t.services.backOffice.act(officer, current.id, { event });
    if (!done.ok) {
      throw new Error(`${c.serviceId}: ${event} in state ${current.state} refused (${done.error.code} ${done.error.message})`);
    }
    current = await stored(t.services, current.id);
  }
  return current;
}

describe('the 20 EU basic services, from application to decision', () => {
  it('are 20 services with forms, and every agency with services online has a clerk, a decision-maker and a supervisor', async () => {
    expect(euServices).toHaveLength(20);
    expect(euServices.every((s) => s.form !== undefined)).toBe(true);
    const agencies = [...new Set(records.services.filter((s) => s.form !== undefined).map((s) => s.organisationId))].sort();
    const rows = await t.services.db.query<{ agency_id: string; role: string }>(
      "SELECT DISTINCT agency_id, role FROM staff_roles WHERE revoked_at IS NULL AND role IN ('clerk', 'decision-maker', 'supervisor')",
    );
    for (const agency of agencies) {
      expect(rows.filter((r) => r.agency_id === agency).map((r) => r.role).sort(), agency).toEqual(['clerk', 'decision-maker', 'supervisor']);
    }
  });

  it.each(euServices.map((s) => [`${s.euBasicService} ${s.id}`, s] as const))('%s', async (_, service) => {
    const applicant = service.audience.includes('individual') ? citizen : company;
    let c = await apply(t.services, applicant, service);
    expect(c.organisationId).toBe(service.organisationId);
    if (c.state === 'awaiting-payment') {
      expect(c.feeAmount).toBeGreaterThan(0);
      await pay(applicant, c);
      c = await stored(t.services, c.id);
      expect([c.state, c.feeStatus]).toEqual(['submitted', 'paid']);
    }
    const decided = await decide(c);
    expect(decided.outcome).toBe('granted');

    // The supervisor of the agency sees the decision; it is sealed with the agency's key and verifies.
    const view = await t.services.backOffice.view(supervisor, c.id);
    expect(view?.documents.map((d) => [d.kind, d.status])).toEqual([['decision-granted', 'valid']]);
    const verified = await t.services.receipts.verifyDocument(view?.documents[0]?.id ?? '');
    expect(verified?.facts.organisationId).toBe(service.organisationId);
    expect(verified?.check).toMatchObject({ valid: true });
  });

  it('took the fee of every service that charges one online through the payment provider', async () => {
    const charging = euServices.filter((s) => s.costs.some((c) => c.channel === undefined || c.channel === 'online')).map((s) => s.id).sort();
    expect(charging.length).toBeGreaterThan(0);
    const paid = await t.services.db.query<{ service_id: string }>("SELECT service_id FROM cases WHERE fee_status = 'paid' ORDER BY service_id");
    expect(paid.map((r) => r.service_id)).toEqual(charging);
  });
});
