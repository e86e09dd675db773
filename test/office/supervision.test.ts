/**
 * What supervisors do beyond cases: revoke an issued document (the public verification page then says
 * so) and reconcile the portal's payments with the payment service's list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { csrfOf } from '../support/identity.ts';
import { appWithPersonas, signIn } from '../support/personas.ts';

let t: TestApp;
let supervisor: string;
let clerk: string;
let documentId: string;
let caseId: string;

const tokenOf = (cookie: string) => cookie.split('=')[1] ?? '';
const form = (fields: Array<[string, string]>) => ({ 'content-type': 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() });

async function resolve(cookie: string): Promise<SignedIn> {
  const signedIn = await t.services.sessions.resolve(tokenOf(cookie), 'uk');
  if (signedIn === null) {
    throw new Error('no session');
  }
  return signedIn;
}

beforeAll(async () => {
  t = await appWithPersonas();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  const citizen = await resolve(await signIn(t.app, 'olena-koval'));
  supervisor = await signIn(t.app, 'petro-boiko', 'staff');
  clerk = await signIn(t.app, 'mykola-tkachenko', 'staff');
  const draft = await t.services.drafts.start(citizen, 'international-passport');
  if (!draft.ok) {
    throw new Error(draft.error.code);
  }
  for (const [page, body] of [
    ['about-you', { givenName: 'Олена', familyName: 'Коваль', birthDate: '1990-04-12', nationalId: '9000000011' }],
    ['contact', { email: 'olena@example.org' }], ['reason', { purpose: 'first' }], ['collection', { collectionCentre: 'zorehrad-migration-office' }],
  ] as const) {
    await t.services.drafts.savePage(citizen, draft.value.id, page, body);
  }
  await t.services.drafts.upload(citizen, draft.value.id, { field: 'identityDocument', filename: 'id.pdf', bytes: Buffer.from('%PDF-1.4 x') });
  const submitted = await t.services.drafts.submit(citizen, draft.value.id, { idempotencyKey: 'supervision', declared: true, channel: 'web', lang: 'uk' });
  if (!submitted.ok) {
    throw new Error(submitted.error.code);
  }
  caseId = submitted.value.id;
  // Stands in for payment and registration, tested on their own.
  await t.services.db.query("UPDATE cases SET state = 'in-review', fee_status = 'paid' WHERE id = $1", [caseId]);
  const granted = await t.services.backOffice.act(await resolve(supervisor), caseId, { event: 'grant' });
  expect(granted.ok).toBe(true);
  documentId = (await t.services.cases.forApplicant(citizen, caseId))?.documents[0]?.id ?? '';
});
afterAll(async () => t.close());

describe('revoking a document', () => {
  it('is refused to a clerk, needs a reason, and then the verification page says revoked', async () => {
    expect((await t.app.inject(`/uk/verify/${documentId}`)).body).toContain('Документ справжній і чинний.');
    const byClerk = await t.app.inject({ method: 'POST', url: `/uk/office/documents/${documentId}/revoke`, headers: { cookie: clerk, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams([['_csrf', await csrfOf(t.app, clerk, '/uk/office/cases')], ['reason', 'no']]).toString() });
    expect(byClerk.statusCode).toBe(403);
    const csrf = await csrfOf(t.app, supervisor, `/uk/office/cases/${caseId}`);
    expect((await t.app.inject({ url: `/uk/office/cases/${caseId}`, headers: { cookie: supervisor } })).body).toContain(`/uk/office/documents/${documentId}/revoke`);
    const { payload, ...headers } = form([['_csrf', csrf], ['reason', '  ']]);
    const noReason = await t.app.inject({ method: 'POST', url: `/uk/office/documents/${documentId}/revoke`, headers: { ...headers, cookie: supervisor }, payload });
    expect(noReason.statusCode).toBe(400);
    const revoke = form([['_csrf', csrf], ['reason', 'Issued in error: wrong centre.']]);
    const done = await t.app.inject({ method: 'POST', url: `/uk/office/documents/${documentId}/revoke`, headers: { 'content-type': revoke['content-type'], cookie: supervisor }, payload: revoke.payload });
    expect(done.statusCode).toBe(303);
    const verify = await t.app.inject(`/uk/verify/${documentId}`);
    expect(verify.body).toContain('Документ справжній, але відкликаний');
    const again = await t.app.inject({ method: 'POST', url: `/uk/office/documents/${documentId}/revoke`, headers: { 'content-type': revoke['content-type'], cookie: supervisor }, payload: revoke.payload });
    expect(again.statusCode).toBe(400);
    const view = await t.app.inject({ url: `/uk/office/cases/${caseId}`, headers: { cookie: supervisor } });
    expect(view.body).toContain('Issued in error: wrong centre.');
  });
});

describe('payment reconciliation', () => {
  it('lists a payment the portal has and the payment service does not', async () => {
    const empty = await t.app.inject({ url: '/uk/office/payments', headers: { cookie: supervisor } });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Розбіжностей немає');
    await t.services.db.query(
      `INSERT INTO payments (id, case_id, provider, amount, currency, status, created_at, updated_at)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, 'simulator', 73200, 'UAH', 'paid', now(), now())`,
      [caseId],
    );
    const listed = await t.app.inject({ url: '/uk/office/payments', headers: { cookie: supervisor } });
    expect(listed.body).toContain('Платіж є лише на порталі');
    expect(listed.body).toMatch(/\d{4}-\d{6}/);
    // In a region that scrolls on a narrow screen, the status in words, the period as local dates.
    expect(listed.body).toMatch(/<div class="app-table-scroll" role="region" aria-label="Розбіжності" tabindex="0"><table class="govuk-table">/);
    expect(listed.body).toContain('сплачено, ');
    expect(listed.body).toMatch(/Розбіжності: з \d{1,2} [а-яіїє]+\.? \d{4} р\. до/);
    expect(listed.body).not.toMatch(/>[^<]*\d{4}-\d{2}-\d{2}[^<]*</); // no ISO date shown as text
    expect((await t.app.inject({ url: '/uk/office/payments?from=2026-02-30&to=x', headers: { cookie: clerk } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/uk/office/payments', headers: { cookie: clerk } })).statusCode).toBe(403);
  });
});

describe('the reconciliation period', () => {
  it('asks for day, month and year, and answers a date that cannot be read with an error summary and the field’s message, never a 500', async () => {
    const page = await t.app.inject({ url: '/en/office/payments', headers: { cookie: supervisor } });
    expect(page.body).toMatch(/<input class="govuk-input govuk-date-input__input govuk-input--width-2" id="filter-from" name="from-day" type="text" inputmode="numeric"/);
    expect(page.body).toContain('name="to-year"');

    const bad = await t.app.inject({ url: '/en/office/payments?from-day=30&from-month=2&from-year=2026&to-day=1&to-month=&to-year=2026', headers: { cookie: supervisor } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="govuk-error-summary"');
    expect(bad.body).toContain('<a href="#filter-from">From: Enter a real date, for example 27 3 2007</a>');
    expect(bad.body).toContain('<a href="#filter-to">To (not included): The date must include: month</a>');
    expect(bad.body).toMatch(/<p class="govuk-error-message" id="filter-from-error">/);
    expect(bad.body).toMatch(/id="filter-to-month" name="to-month"/);
    expect(bad.body).toContain('value="30"'); // what was typed is shown back
    expect(bad.body).not.toContain('Mismatches:');

    const backwards = await t.app.inject({ url: '/uk/office/payments?from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026', headers: { cookie: supervisor } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('<a href="#filter-to">Друга дата має бути пізнішою за першу</a>');

    const twice = await t.app.inject({ url: '/en/office/payments?from-day=1&from-day=2&from-month=3&from-year=2026', headers: { cookie: supervisor } });
    expect(twice.statusCode).toBe(400);

    const chosen = await t.app.inject({ url: '/en/office/payments?from-day=1&from-month=1&from-year=2020&to-day=2&to-month=1&to-year=2020', headers: { cookie: supervisor } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.body).toContain('from 1 Jan 2020 to 2 Jan 2020 (not included)');
  });
});

describe('payment reconciliation by agency', () => {
  it('shows a supervisor the mismatches of the agencies they supervise, never another agency’s', async () => {
    // Галина Кравець supervises the Ministry of Justice only; the case of this file is the State Migration Service's.
    await t.services.db.query(
      `INSERT INTO staff_roles (id, national_id, role, agency_id, granted_at) VALUES ('00000000-0000-4000-8000-0000000000a1', '9000000099', 'supervisor', 'ministry-of-justice', now())`,
    );
    await t.services.db.query(
      `INSERT INTO payments (id, case_id, provider, amount, currency, status, created_at, updated_at)
       VALUES ('00000000-0000-4000-8000-000000000002', $1, 'simulator', 73200, 'UAH', 'declined', now(), now())`,
      [caseId],
    );
    const number = (await t.services.db.query<{ number: string }>('SELECT number FROM cases WHERE id = $1', [caseId]))[0]?.number ?? 'none';
    const otherAgency = await signIn(t.app, 'halyna-kravets', 'staff');

    const theirs = await t.app.inject({ url: '/uk/office/payments', headers: { cookie: otherAgency } });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain(number);
    expect(theirs.body).toContain('Розбіжностей немає');
    const own = await t.app.inject({ url: '/en/office/payments', headers: { cookie: supervisor } });
    expect(own.body).toContain(number);

    const range = { from: new Date(t.services.clock.now().getTime() - 86_400_000), to: new Date(t.services.clock.now().getTime() + 86_400_000) };
    expect(await t.services.payments?.reconcile(await resolve(otherAgency), range)).toEqual([]);
    const mine = await t.services.payments?.reconcile(await resolve(supervisor), range);
    expect(mine?.filter((m) => 'local' in m).map((m) => 'local' in m && m.local.paymentId).sort()).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
  });
});
