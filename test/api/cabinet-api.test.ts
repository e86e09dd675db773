/**
 * The open API's side of the cabinet (ADR 0026), over HTTP: a person's app answers an information
 * request with text and a file, sees the fee and starts paying it, reads the inbox, and books and
 * cancels a visit; a partner under a mandate answers and pays too, but opens neither the inbox nor
 * appointments. The refusals: a missing scope, another person's case or appointment (404), bad input
 * (a problem document with the field's pointer); each through the same services as the web pages.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { notificationLinks } from '../../src/app/links.ts';
import { createSmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { createSmsSimulator } from '../../src/dev/index.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { createOutboxWorker } from '../../src/platform/outbox/index.ts';
import { act, type CasesApp, casesApp, draftOf, grantAgencyRoles, PDF_BYTES, submit } from '../cases/support.ts';

const REDIRECT = 'https://app.example/callback';
const BANK_CODE = '40009999';
const OLENA = '9000000011';
const ALL = 'applications cases payments inbox appointments';

let t: CasesApp;
let olena: SignedIn;
let andrii: SignedIn;
let clerk: SignedIn;
let bankSecret = '';

const json = <T = Record<string, unknown>>(r: LightMyRequestResponse) => r.json<T>();
const problemOf = (r: LightMyRequestResponse) => ({ status: r.statusCode, type: String(r.headers['content-type']).split(';')[0], code: json(r)['code'] });
const pointers = (r: LightMyRequestResponse) => (json(r)['errors'] as Array<{ pointer: string }> | undefined)?.map((e) => e.pointer) ?? [];

/** A person's token for the app: their consent (the service the consent page calls) and the code exchanged with PKCE over HTTP. */
async function personToken(who: SignedIn, scope: string): Promise<string> {
  const verifier = randomBytes(48).toString('base64url');
  const checked = await t.services.apiAccess.authorization.check({
    response_type: 'code', client_id: 'mobile-app', redirect_uri: REDIRECT, scope, state: 's', code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  });
  if (!checked.ok) {
    throw new Error('authorization request refused');
  }
  const code = await t.services.apiAccess.authorization.consent(who, checked.value);
  const issued = await t.app.inject({
    method: 'POST', url: '/api/v1/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'mobile-app', code, redirect_uri: REDIRECT, code_verifier: verifier }).toString(),
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return json(issued)['access_token'] as string;
}

async function bankToken(scope?: string): Promise<string> {
  const issued = await t.app.inject({
    method: 'POST', url: '/api/v1/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`bank-a:${bankSecret}`).toString('base64')}` },
    payload: new URLSearchParams({ grant_type: 'client_credentials', ...(scope === undefined ? {} : { scope }) }).toString(),
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return json(issued)['access_token'] as string;
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
const asBank = (token: string) => bearer(token, { 'x-portico-on-behalf-of': OLENA });

function multipart(parts: ReadonlyArray<{ name: string; value: string } | { name: string; filename: string; bytes: Uint8Array }>) {
  const boundary = `----portico${randomBytes(8).toString('hex')}`;
  const chunks = parts.flatMap((p) => ('value' in p
    ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`)]
    : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/pdf\r\n\r\n`), Buffer.from(p.bytes), Buffer.from('\r\n')]));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]) };
}

/** A criminal-record case of Olena's with the police's open question. */
async function askedCase(): Promise<CaseRecord> {
  const c = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, c.id, 'register');
  await act(t.services, clerk, c.id, 'start-review');
  return act(t.services, clerk, c.id, 'request-information', 'Send a certified translation of your birth certificate');
}

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  olena = await t.person('olena-koval');
  andrii = await t.person('andrii-shevchenko');
  await grantAgencyRoles(t, 'national-police');
  clerk = await t.person('mykola-tkachenko', 'staff');
  await t.services.apiAccess.register({ id: 'mobile-app', name: 'Portico mobile', kind: 'public', scopes: [...ALL.split(' ')] as never, redirectUris: [REDIRECT] });
  await t.services.db.query("INSERT INTO business_registry (registry_code, name_uk, name_en, legal_form) VALUES ($1, 'АТ «Банк А»', 'Bank A JSC', 'jsc') ON CONFLICT DO NOTHING", [BANK_CODE]);
  bankSecret = (await t.services.apiAccess.register({ id: 'bank-a', name: 'Bank A', kind: 'partner', organisationCode: BANK_CODE, scopes: [...ALL.split(' ')] as never })).secret ?? '';
  const granted = await t.services.mandates.grant(olena, {
    representativeNationalId: BANK_CODE, representativeKind: 'business', scope: { kind: 'services', serviceIds: ['criminal-record-certificate', 'international-passport'] }, validFrom: '2026-01-01', validUntil: '2099-12-31',
  });
  expect(granted.ok).toBe(true);
}, 120_000);
afterAll(async () => t.close());

describe('information requests', () => {
  it('the person answers with text and a file; the case moves on, recorded as through the API', async () => {
    const c = await askedCase();
    const token = await personToken(olena, 'cases applications');
    const detail = await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: bearer(token) });
    expect(json<{ informationRequests: Array<{ question: string; answeredAt: null }> }>(detail).informationRequests).toMatchObject([{ question: 'Send a certified translation of your birth certificate', answeredAt: null }]);
    const body = multipart([{ name: 'answer', value: 'The translation is attached' }, { name: 'files', filename: 'translation.pdf', bytes: PDF_BYTES }]);
    const answered = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: { ...bearer(token), ...body.headers }, payload: body.payload });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(json(answered)['state']).toBe('in-review');
    const files = await t.services.drafts.attachmentsOfCase(c.id);
    expect(files.filter((f) => f.filename === 'translation.pdf')).toHaveLength(1);
    const [event] = await t.services.db.query<{ channel: string }>("SELECT channel FROM case_events WHERE case_id = $1 AND event = 'answer-information'", [c.id]);
    expect(event?.channel).toBe('api');
    // No open request now: the same service's refusal.
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: bearer(token), payload: { answer: 'again' } })))
      .toEqual({ status: 409, type: 'application/problem+json', code: 'cases.no_open_request' });
  });

  it('a partner answers under the mandate (JSON); another person\'s case is not found; an empty answer names its field; a missing scope is refused', async () => {
    const c = await askedCase();
    const bank = await bankToken();
    const empty = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: asBank(bank), payload: { answer: '   ' } });
    expect([problemOf(empty), pointers(empty)]).toEqual([{ status: 422, type: 'application/problem+json', code: 'cases.answer_required' }, ['/answer']]);
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: asBank(bank), payload: { text: 'wrong name' } });
    expect([problemOf(missing).status, pointers(missing)]).toEqual([422, ['/answer']]);
    const andriiToken = await personToken(andrii, 'applications');
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: bearer(andriiToken), payload: { answer: 'not mine' } })))
      .toEqual({ status: 404, type: 'application/problem+json', code: 'cases.not_found' });
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: asBank(await bankToken('cases')), payload: { answer: 'x' } })))
      .toMatchObject({ status: 403, code: 'api.scope_missing' });
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/information-request/answer`, headers: asBank(bank), payload: { answer: 'Answered by the bank for Olena' } });
    expect([done.statusCode, json(done)['state']]).toEqual([200, 'in-review']);
  });
});

describe('payments', () => {
  it('lists the fee due and starts a payment at the provider; a second start is refused while the first is in flight', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'));
    const token = await personToken(olena, 'payments');
    const fee = await t.app.inject({ url: `/api/v1/cases/${c.id}/payments`, headers: bearer(token) });
    expect(fee.statusCode, fee.body).toBe(200);
    expect(json(fee)).toMatchObject({ caseId: c.id, amountKopecks: 73200, currency: 'UAH', standing: 'open', payments: [] });
    const started = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/payments`, headers: bearer(token), payload: { lang: 'en' } });
    expect(started.statusCode, started.body).toBe(201);
    expect(String(json(started)['redirectUrl']).startsWith(`${t.simulator.url}/pay/`)).toBe(true);
    const after = json<{ standing: string; payments: Array<{ status: string; amountKopecks: number }> }>(await t.app.inject({ url: `/api/v1/cases/${c.id}/payments`, headers: bearer(token) }));
    expect([after.standing, after.payments]).toEqual(['confirming', [expect.objectContaining({ status: 'pending', amountKopecks: 73200 })]]);
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/payments`, headers: bearer(token), payload: {} })))
      .toEqual({ status: 409, type: 'application/problem+json', code: 'cases.payment_pending' });
  });

  it('refuses another person\'s case, a missing scope and a bad language; a partner pays under the mandate', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'));
    const andriiToken = await personToken(andrii, 'payments');
    expect(problemOf(await t.app.inject({ url: `/api/v1/cases/${c.id}/payments`, headers: bearer(andriiToken) }))).toMatchObject({ status: 404, code: 'api.case_not_found' });
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/payments`, headers: bearer(andriiToken), payload: {} }))).toMatchObject({ status: 404, code: 'cases.not_found' });
    expect(problemOf(await t.app.inject({ url: `/api/v1/cases/${c.id}/payments`, headers: bearer(await personToken(olena, 'cases')) }))).toMatchObject({ status: 403, code: 'api.scope_missing' });
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/payments`, headers: bearer(await personToken(olena, 'payments')), payload: { lang: 'fr' } });
    expect([problemOf(bad).status, problemOf(bad).type, pointers(bad).some((p) => p.startsWith('/lang'))]).toEqual([400, 'application/problem+json', true]);
    const byBank = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/payments`, headers: asBank(await bankToken('payments')), payload: {} });
    expect(byBank.statusCode, byBank.body).toBe(201);
  });
});

describe('the inbox', () => {
  it('lists the person\'s messages with the unread count; reading one marks it read; another\'s message is not found; a partner is refused', async () => {
    const worker = createOutboxWorker({
      db: t.services.db, clock: t.services.clock, workerId: 'cabinet-api-test',
      handlers: notificationHandlers({
        email: createSmtpEmailSender({ url: 'smtp://127.0.0.1:9', from: 'Portico <no-reply@portal.test>' }), sms: createSmsSimulator(), contactsOf: (id) => t.services.contacts.details(id),
        verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices,
      }),
    });
    await askedCase();
    while ((await worker.runOnce()) > 0) {
      // until the case notices are in the inbox
    }
    const token = await personToken(olena, 'inbox');
    const count = json<{ unread: number }>(await t.app.inject({ url: '/api/v1/inbox/unread-count', headers: bearer(token) })).unread;
    expect(count).toBeGreaterThan(0);
    const list = await t.app.inject({ url: '/api/v1/inbox', headers: bearer(token) });
    expect(list.statusCode, list.body).toBe(200);
    const { unread, items } = json<{ unread: number; items: Array<{ id: string; readAt: string | null; subject: string }> }>(list);
    expect(unread).toBe(count);
    const first = items.find((m) => m.readAt === null);
    expect(first).toBeDefined();
    const opened = await t.app.inject({ url: `/api/v1/inbox/${first?.id ?? ''}`, headers: bearer(token) });
    expect([opened.statusCode, json(opened)['subject'], json(opened)['readAt'] !== null]).toEqual([200, first?.subject, true]);
    expect(json<{ unread: number }>(await t.app.inject({ url: '/api/v1/inbox/unread-count', headers: bearer(token) })).unread).toBe(count - 1);
    expect(problemOf(await t.app.inject({ url: `/api/v1/inbox/${first?.id ?? ''}`, headers: bearer(await personToken(andrii, 'inbox')) }))).toMatchObject({ status: 404, code: 'api.message_not_found' });
    expect(problemOf(await t.app.inject({ url: '/api/v1/inbox', headers: asBank(await bankToken()) }))).toEqual({ status: 403, type: 'application/problem+json', code: 'api.person_only' });
    expect(problemOf(await t.app.inject({ url: '/api/v1/inbox', headers: bearer(await personToken(olena, 'cases')) }))).toMatchObject({ status: 403, code: 'api.scope_missing' });
    const bad = await t.app.inject({ url: '/api/v1/inbox/not-an-id', headers: bearer(token) });
    expect([problemOf(bad).status, pointers(bad)]).toEqual([400, ['/id']]);
  });
});

describe('appointments', () => {
  it('finds free slots, books, lists and cancels a visit, recorded as through the API; another person cannot see or cancel it', async () => {
    const token = await personToken(olena, 'appointments');
    const offers = json<{ items: Array<{ centreId: string; serviceId: string }> }>(await t.app.inject({ url: '/api/v1/appointments/offers', headers: bearer(token) })).items;
    const offer = offers[0];
    expect(offer).toBeDefined();
    const q = `centreId=${offer?.centreId ?? ''}&serviceId=${offer?.serviceId ?? ''}`;
    const days = json<{ days: Array<{ day: string; free: number }> }>(await t.app.inject({ url: `/api/v1/appointments/slots?${q}`, headers: bearer(token) })).days;
    const day = days[0]?.day ?? '';
    const slots = json<{ slots: Array<{ startsAt: string; free: number }> }>(await t.app.inject({ url: `/api/v1/appointments/slots?${q}&day=${day}`, headers: bearer(token) })).slots;
    const slot = slots.find((s) => s.free > 0);
    expect(slot).toBeDefined();
    const booked = await t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: bearer(token), payload: { centreId: offer?.centreId, serviceId: offer?.serviceId, startsAt: slot?.startsAt } });
    expect(booked.statusCode, booked.body).toBe(201);
    const a = json<{ id: string; status: string; bookedChannel: string; startsAt: string }>(booked);
    expect([a.status, a.bookedChannel, a.startsAt]).toEqual(['booked', 'api', slot?.startsAt]);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: bearer(token), payload: { centreId: offer?.centreId, serviceId: offer?.serviceId, startsAt: slot?.startsAt } });
    expect([problemOf(again), pointers(again)]).toEqual([{ status: 409, type: 'application/problem+json', code: 'appointments.clash' }, ['/startsAt']]);
    expect(json<{ items: Array<{ id: string }> }>(await t.app.inject({ url: '/api/v1/appointments', headers: bearer(token) })).items.map((i) => i.id)).toContain(a.id);

    const andriiToken = await personToken(andrii, 'appointments');
    expect(problemOf(await t.app.inject({ url: `/api/v1/appointments/${a.id}`, headers: bearer(andriiToken) }))).toMatchObject({ status: 404, code: 'api.appointment_not_found' });
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${a.id}/cancel`, headers: bearer(andriiToken) }))).toMatchObject({ status: 404, code: 'appointments.not_found' });
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${a.id}/cancel`, headers: bearer(token) });
    expect([cancelled.statusCode, json(cancelled)['status']]).toEqual([200, 'cancelled']);
    const [row] = await t.services.db.query<{ cancelled_channel: string }>('SELECT cancelled_channel FROM appointments WHERE id = $1', [a.id]);
    expect(row?.cancelled_channel).toBe('api');
    expect(problemOf(await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${a.id}/cancel`, headers: bearer(token) }))).toMatchObject({ status: 409, code: 'appointments.closed' });
    const audited = await t.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action IN ('appointment.book', 'appointment.cancel') AND subject = $1", [`appointment:${a.id}`]);
    expect(audited[0]?.n).toBe(2);
  });

  it('refuses bad input with its field, an unknown offer, a time that is no slot, a partner and a missing scope', async () => {
    const token = await personToken(olena, 'appointments');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: bearer(token), payload: { centreId: 'Not A Slug', serviceId: 'x', startsAt: 'tomorrow' } });
    expect([problemOf(bad).status, problemOf(bad).type, pointers(bad).sort()]).toEqual([400, 'application/problem+json', ['/centreId', '/startsAt']]);
    expect(problemOf(await t.app.inject({ url: '/api/v1/appointments/slots?centreId=nowhere&serviceId=nothing', headers: bearer(token) }))).toMatchObject({ status: 404, code: 'api.offer_not_found' });
    const offer = json<{ items: Array<{ centreId: string; serviceId: string }> }>(await t.app.inject({ url: '/api/v1/appointments/offers', headers: bearer(token) })).items[0];
    const odd = await t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: bearer(token), payload: { centreId: offer?.centreId, serviceId: offer?.serviceId, startsAt: '2026-09-03T03:17:00Z' } });
    expect([problemOf(odd), pointers(odd)]).toEqual([{ status: 422, type: 'application/problem+json', code: 'appointments.slot_invalid' }, ['/startsAt']]);
    expect(problemOf(await t.app.inject({ url: '/api/v1/appointments', headers: asBank(await bankToken()) }))).toMatchObject({ status: 403, code: 'api.person_only' });
    expect(problemOf(await t.app.inject({ url: '/api/v1/appointments', headers: bearer(await personToken(olena, 'inbox')) }))).toMatchObject({ status: 403, code: 'api.scope_missing' });
  });
});
