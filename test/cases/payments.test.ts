import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PENDING_PAYMENT_MINUTES } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { formatUah, SIGNATURE_HEADER, signatureHeaderValue } from '../../src/modules/payments/index.ts';
import { type SimulatedCallback } from '../../src/dev/index.ts';
import { CALLBACK_SECRET, type CasesApp, casesApp, draftOf, kyivMorning, stored, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn;
let supervisor: SignedIn;
const RETURN_URL = 'http://portal.test/uk/cabinet/cases/return';

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  olena = await t.person('olena-koval');
  supervisor = await t.person('petro-boiko', 'staff');
});
afterAll(async () => t.close());

/** A passport case awaiting its 732.00 UAH fee. */
async function passportCase() {
  t.clock.set('2026-09-01');
  const c = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'));
  expect([c.state, c.feeAmount]).toEqual(['awaiting-payment', 73200]);
  return c;
}

/** Starts a payment and pays on the simulator's page; answers the payment id and the callback the simulator sent. */
async function pay(caseId: string, outcome: 'paid' | 'declined' = 'paid'): Promise<{ paymentId: string; callback: SimulatedCallback }> {
  const started = await t.services.payments.start(olena, caseId, RETURN_URL);
  if (!started.ok) {
    throw new Error(`payment refused: ${started.error.code}`);
  }
  const redirectUrl = started.value.redirectUrl;
  expect(redirectUrl.startsWith(`${t.simulator.url}/pay/sim_`)).toBe(true);
  const page = await fetch(redirectUrl);
  expect(await page.text()).toContain(formatUah(73200, 'uk')); // 732,00 грн
  const before = new Set(t.simulator.callbacks().map((c) => c.eventId));
  const chosen = await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ outcome }), redirect: 'manual' });
  expect(chosen.status).toBe(303);
  const location = new URL(chosen.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(RETURN_URL);
  expect(location.searchParams.get('status')).toBe(outcome);
  await t.simulator.idle();
  const callback = t.simulator.callbacks().find((c) => !before.has(c.eventId));
  if (!callback) {
    throw new Error('the simulator sent no callback');
  }
  return { paymentId: location.searchParams.get('payment') ?? '', callback };
}

const headersOf = (signature: string) => ({ 'content-type': 'application/json', [SIGNATURE_HEADER.toLowerCase()]: signature });
const deliver = (cb: Pick<SimulatedCallback, 'body' | 'signature'>) => t.services.payments.callback(headersOf(cb.signature), cb.body);
const payEvents = async (caseId: string) => (await t.services.cases.forApplicant(olena, caseId))?.events.filter((e) => e.event === 'pay') ?? [];
const range = { from: new Date('2026-08-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') };

describe('paying the fee through the provider', () => {
  it('starts a payment only for a case awaiting one', async () => {
    t.clock.set('2026-09-01');
    const free = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
    expect(await t.services.payments.start(olena, free.id, RETURN_URL)).toMatchObject({ ok: false, error: { code: 'cases.nothing_to_pay' } });
    const c = await passportCase();
    const andrii = await t.person('andrii-shevchenko');
    expect(await t.services.payments.start(andrii, c.id, RETURN_URL)).toMatchObject({ ok: false, error: { code: 'cases.not_found' } });
  });

  it('a signed "paid" callback moves the case to submitted and starts the term on the day of payment; a repeat changes nothing', async () => {
    const c = await passportCase();
    const { paymentId, callback } = await pay(c.id);
    expect(callback.callback).toMatchObject({ paymentId, status: 'paid', amount: 73200, currency: 'UAH' });
    expect((await t.services.payments.paymentsOf(c.id)).map((p) => [p.id, p.status, p.amount])).toEqual([[paymentId, 'pending', 73200]]);

    // The callback arrives the next day (Wed 2 Sep): the 20 working days run from then.
    t.clock.set('2026-09-02');
    expect(await t.services.payments.callback(headersOf('sha256=' + '0'.repeat(64)), callback.body)).toBe('rejected');
    expect(await t.services.payments.callback({ 'content-type': 'application/json' }, callback.body)).toBe('rejected');
    expect((await stored(t.services, c.id)).state).toBe('awaiting-payment');

    expect(await deliver(callback)).toBe('applied');
    const after = await stored(t.services, c.id);
    expect([after.state, after.feeStatus, after.termStartedOn, after.dueOn]).toEqual(['submitted', 'paid', '2026-09-02', '2026-09-30']);
    expect((await t.services.payments.paymentsOf(c.id)).map((p) => p.status)).toEqual(['paid']);
    expect((await payEvents(c.id)).map((e) => [e.from, e.to, e.actorRole, e.at])).toEqual([['awaiting-payment', 'submitted', 'system', kyivMorning('2026-09-02')]]);

    expect(await deliver(callback)).toBe('duplicate');
    const resent = await t.simulator.resend(callback.eventId); // the provider repeating itself (it reaches no portal here)
    expect(resent.status).toBeNull();
    expect(await deliver(callback)).toBe('duplicate');
    expect(await payEvents(c.id)).toHaveLength(1);
    expect(await stored(t.services, c.id)).toEqual(after);
    expect((await t.services.payments.reconcile(supervisor, range)).filter((m) => 'local' in m && m.local.paymentId === paymentId)).toEqual([]);
  });

  it('a "declined" callback settles the payment and leaves the case awaiting payment; a new payment can then be made', async () => {
    const c = await passportCase();
    const declined = await pay(c.id, 'declined');
    expect(await deliver(declined.callback)).toBe('applied');
    expect([(await stored(t.services, c.id)).state, (await t.services.payments.paymentsOf(c.id)).map((p) => p.status)]).toEqual(['awaiting-payment', ['declined']]);
    const paid = await pay(c.id);
    expect(await deliver(paid.callback)).toBe('applied');
    expect((await stored(t.services, c.id)).state).toBe('submitted');
  });

  it('a correctly signed callback with another amount is recorded, not applied, and reconciliation lists the payment', async () => {
    const c = await passportCase();
    const { paymentId, callback } = await pay(c.id);
    const forged = JSON.stringify({ ...callback.callback, eventId: randomUUID(), amount: 100 });
    expect(await deliver({ body: forged, signature: signatureHeaderValue(CALLBACK_SECRET, forged) })).toBe('recorded');
    expect([(await stored(t.services, c.id)).state, (await t.services.payments.paymentsOf(c.id))[0]?.status]).toEqual(['awaiting-payment', 'pending']);
    const recorded = await t.services.db.query('SELECT amount, outcome FROM payment_callbacks WHERE payment_id = $1', [paymentId]);
    expect(recorded).toEqual([{ amount: 100, outcome: 'mismatch' }]);

    // The provider's list says paid, 732.00; the portal still says pending, 732.00: the amounts agree, the statuses do not.
    const mismatches = (await t.services.payments.reconcile(supervisor, range)).filter((m) => 'local' in m && m.local.paymentId === paymentId);
    const remote = t.simulator.transactions().find((x) => x.paymentId === paymentId);
    expect(remote).toMatchObject({ status: 'paid', amount: 73200 });
    expect(mismatches).toEqual([{
      kind: 'status-differs',
      local: { paymentId, caseNumber: c.number, status: 'pending', amount: 73200 },
      remote: { providerRef: remote?.providerRef, paymentId, status: 'paid', amount: 73200, currency: 'UAH', updatedAt: remote?.updatedAt },
    }]);

    expect(await deliver(callback)).toBe('applied'); // the genuine event still applies
    expect((await t.services.payments.reconcile(supervisor, range)).filter((m) => 'local' in m && m.local.paymentId === paymentId)).toEqual([]);
  });

  it('a payment the provider lost the callback of shows as status-differs; one the portal never started shows as missing', async () => {
    const c = await passportCase();
    const { paymentId } = await pay(c.id); // its callback never reaches the portal
    const mismatches = await t.services.payments.reconcile(supervisor, range);
    expect(mismatches.filter((m) => 'local' in m && m.local.paymentId === paymentId).map((m) => m.kind)).toEqual(['status-differs']);
    expect(mismatches.filter((m) => m.kind === 'missing-locally' || m.kind === 'missing-at-provider')).toEqual([]);
  });

  it('a second payment of an already paid fee is recorded for a refund, not answered with an error', async () => {
    const c = await passportCase();
    // The first payment's callback is late; after the waiting time the applicant may pay again, and pays both.
    const first = await pay(c.id);
    t.clock.set(new Date(t.clock.now().getTime() + (PENDING_PAYMENT_MINUTES + 1) * 60_000));
    const second = await pay(c.id);
    expect(await deliver(first.callback)).toBe('applied');
    const outcome = await deliver(second.callback).catch((e: unknown) => `threw: ${String(e)}`);
    expect(outcome).toBe('recorded');
    expect(await payEvents(c.id)).toHaveLength(1);
  });
});

describe('one payment at a time', () => {
  const start = (caseId: string) => t.services.payments.start(olena, caseId, RETURN_URL);
  const minutesLater = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

  it('refuses a second payment while one is pending, until its callback comes or it is pending too long', async () => {
    const c = await passportCase();
    const startedAt = t.clock.now();
    const first = await start(c.id);
    expect(first.ok).toBe(true);
    expect(await start(c.id)).toMatchObject({ ok: false, error: { code: 'cases.payment_pending' } });
    t.clock.set(minutesLater(startedAt, PENDING_PAYMENT_MINUTES - 1));
    expect(await start(c.id)).toMatchObject({ ok: false, error: { code: 'cases.payment_pending' } });
    expect((await t.services.payments.feeOf(c.id)).standing.kind).toBe('confirming');
    expect((await t.services.payments.paymentsOf(c.id)).map((p) => p.status)).toEqual(['pending']);
    const refusals = await t.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'payment.start' AND outcome = 'refused' AND subject = $1", [`case:${c.number}`]);
    expect(refusals[0]?.n).toBe(2);

    // A payer who closed the provider's page is not stuck: after the waiting time a new attempt may start.
    t.clock.set(minutesLater(startedAt, PENDING_PAYMENT_MINUTES + 1));
    expect((await t.services.payments.feeOf(c.id)).standing.kind).toBe('open');
    expect((await start(c.id)).ok).toBe(true);
    expect(await start(c.id)).toMatchObject({ ok: false, error: { code: 'cases.payment_pending' } });
    expect((await t.services.payments.paymentsOf(c.id)).map((p) => p.status)).toEqual(['pending', 'pending']);
  });

  it('refuses once paid; a declined payment allows a new one at once', async () => {
    const c = await passportCase();
    const declined = await pay(c.id, 'declined');
    expect(await start(c.id)).toMatchObject({ ok: false, error: { code: 'cases.payment_pending' } }); // its callback has not come yet
    expect(await deliver(declined.callback)).toBe('applied');
    const paid = await pay(c.id);
    expect(await deliver(paid.callback)).toBe('applied');
    expect(await start(c.id)).toMatchObject({ ok: false, error: { code: 'cases.nothing_to_pay' } });
    expect((await t.services.payments.feeOf(c.id)).standing.kind).toBe('paid');
  });

  it('two payments started at the same moment: one starts, the other is refused', async () => {
    const c = await passportCase();
    const results = await Promise.all([start(c.id), start(c.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'cases.payment_pending' } }]);
    expect(await t.services.payments.paymentsOf(c.id)).toHaveLength(1);
  });
});

describe('the case page while a payment is confirmed', () => {
  const cookieOf = (token: string) => `portico_session=${token}`;

  it('shows "confirming" and no Pay button while the payment is pending, tells the truth on return, and refuses a second payment', async () => {
    const me = await t.person('olena-koval');
    const cookie = cookieOf(me.token);
    const c = await passportCase();
    const page = (query = '') => t.app.inject({ url: `/en/cabinet/cases/${c.id}${query}`, headers: { cookie } });
    const payForm = `action="/en/cabinet/cases/${c.id}/pay"`;
    const postPay = () => t.app.inject({ method: 'POST', url: `/en/cabinet/cases/${c.id}/pay`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(me.session.csrfToken)}` });

    const before = await page();
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(payForm);
    expect(before.body).not.toContain('We are confirming your payment');
    expect(before.body).toContain('<strong class="govuk-tag govuk-tag--orange">Awaiting payment</strong>');

    const started = await postPay();
    expect(started.statusCode).toBe(303);
    const redirect = started.headers.location ?? '';
    expect(redirect.startsWith(`${t.simulator.url}/pay/sim_`)).toBe(true);
    const chosen = await fetch(redirect, { method: 'POST', body: new URLSearchParams({ outcome: 'paid' }), redirect: 'manual' });
    const back = new URL(chosen.headers.get('location') ?? '');
    expect(back.searchParams.get('status')).toBe('paid');

    // Back from the provider, before its callback: the page says "confirming", not "received", and offers no second payment.
    const returned = await page(back.search);
    expect(returned.statusCode).toBe(200);
    expect(returned.body).toContain('We are confirming your payment');
    expect(returned.body).not.toContain('Payment received');
    expect(returned.body).not.toContain(payForm);
    expect(returned.body).toContain('<strong class="govuk-tag govuk-tag--blue">Confirming your payment</strong>');
    const later = await page();
    expect(later.body).toContain('We are confirming your payment');
    expect(later.body).not.toContain(payForm);
    const uk = await t.app.inject({ url: `/uk/cabinet/cases/${c.id}`, headers: { cookie } });
    expect(uk.body).toContain('Ми підтверджуємо вашу оплату');

    const again = await postPay();
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('A payment on this case is already under way');
    expect(again.body).not.toContain(payForm);

    await t.simulator.idle();
    const callback = t.simulator.callbacks().find((x) => x.callback.paymentId === back.searchParams.get('payment'));
    expect(callback).toBeDefined();
    expect(await deliver(callback!)).toBe('applied');
    const received = await page(back.search);
    expect(received.body).toContain('Payment received');
    expect(received.body).not.toContain('We are confirming your payment');
    expect(received.body).not.toContain(payForm);
  });
});
