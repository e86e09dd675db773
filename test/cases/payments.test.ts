import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { formatUah, SIGNATURE_HEADER, signatureHeaderValue, type SimulatedCallback } from '../../src/modules/payments/index.ts';
import { CALLBACK_SECRET, type CasesApp, casesApp, draftOf, kyivMorning, stored, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn;
const RETURN_URL = 'http://portal.test/uk/cabinet/cases/return';

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  olena = await t.person('olena-koval');
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
    throw new Error(`payment refused: ${started.error.problem}`);
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
    expect(await t.services.payments.start(olena, free.id, RETURN_URL)).toMatchObject({ ok: false, error: { problem: 'nothing-to-pay' } });
    const c = await passportCase();
    const andrii = await t.person('andrii-shevchenko');
    expect(await t.services.payments.start(andrii, c.id, RETURN_URL)).toMatchObject({ ok: false, error: { problem: 'not-found' } });
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
    expect((await t.services.payments.reconcile(range)).filter((m) => 'local' in m && m.local.paymentId === paymentId)).toEqual([]);
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
    const mismatches = (await t.services.payments.reconcile(range)).filter((m) => 'local' in m && m.local.paymentId === paymentId);
    const remote = t.simulator.transactions().find((x) => x.paymentId === paymentId);
    expect(remote).toMatchObject({ status: 'paid', amount: 73200 });
    expect(mismatches).toEqual([{
      kind: 'status-differs',
      local: { paymentId, caseNumber: c.number, status: 'pending', amount: 73200 },
      remote: { providerRef: remote?.providerRef, paymentId, status: 'paid', amount: 73200, currency: 'UAH', updatedAt: remote?.updatedAt },
    }]);

    expect(await deliver(callback)).toBe('applied'); // the genuine event still applies
    expect((await t.services.payments.reconcile(range)).filter((m) => 'local' in m && m.local.paymentId === paymentId)).toEqual([]);
  });

  it('a payment the provider lost the callback of shows as status-differs; one the portal never started shows as missing', async () => {
    const c = await passportCase();
    const { paymentId } = await pay(c.id); // its callback never reaches the portal
    const mismatches = await t.services.payments.reconcile(range);
    expect(mismatches.filter((m) => 'local' in m && m.local.paymentId === paymentId).map((m) => m.kind)).toEqual(['status-differs']);
    expect(mismatches.filter((m) => m.kind === 'missing-locally' || m.kind === 'missing-at-provider')).toEqual([]);
  });

  it('a second payment of an already paid fee is recorded for a refund, not answered with an error', async () => {
    const c = await passportCase();
    // Two tabs: the applicant starts two payments and pays both on the provider's pages.
    const first = await pay(c.id);
    const second = await pay(c.id);
    expect(await deliver(first.callback)).toBe('applied');
    const outcome = await deliver(second.callback).catch((e: unknown) => `threw: ${String(e)}`);
    expect(outcome).toBe('recorded');
    expect(await payEvents(c.id)).toHaveLength(1);
  });
});
