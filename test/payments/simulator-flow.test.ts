import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createHttpPaymentProvider, formatUah, type PaymentProvider, PaymentProviderError, reconcile, SIGNATURE_HEADER, signatureHeaderValue, type StartOutcome, type StartPayment } from '../../src/modules/payments/index.ts';
import { type PaymentSimulator, startPaymentSimulator } from '../../src/dev/index.ts';
import { type Receiver, startReceiver } from './receiver.ts';

const API_KEY = 'sim-api-key';
const SECRET = 'sim-callback-secret';
let sim: PaymentSimulator;
let portal: Receiver;
let provider: PaymentProvider;

beforeAll(async () => {
  portal = await startReceiver();
  sim = await startPaymentSimulator({ host: '127.0.0.1', port: 0, apiKey: API_KEY, callbackSecret: SECRET, callbackBackoffMs: 20 });
  provider = createHttpPaymentProvider({ id: 'simulator', baseUrl: sim.url, apiKey: API_KEY, callbackSecret: SECRET });
});
afterAll(async () => {
  await sim.close();
  await portal.close();
});
beforeEach(() => portal.clear());

const payment = (overrides: Partial<StartPayment> = {}): StartPayment => ({
  paymentId: randomUUID(),
  amount: 123_450,
  currency: 'UAH',
  description: 'Адміністративний збір: закордонний паспорт',
  returnUrl: 'https://portal.example/uk/payments/return?case=2025-000123',
  callbackUrl: `${portal.url}/payments/callback`,
  lang: 'uk',
  ...overrides,
});

async function started(p: StartPayment): Promise<{ url: string; providerRef: string }> {
  const outcome = await provider.start(p);
  if (outcome.kind !== 'redirect') {
    throw new Error(`start failed: ${outcome.reason}`);
  }
  return outcome;
}

const choose = (url: string, outcome: string) =>
  fetch(url, { method: 'POST', body: new URLSearchParams({ outcome }), redirect: 'manual' });

/** `retryable: <reason>`, `final: <reason>` or `redirect: <url>`. */
const failure = (o: StartOutcome) => (o.kind === 'failed' ? `${o.retryable ? 'retryable' : 'final'}: ${o.reason}` : `redirect: ${o.url}`);

const headersOf = (r: { headers: Record<string, string | string[] | undefined> }) => r.headers;

describe('the redirect and callback flow, real adapter against the simulator', () => {
  it('starts, shows the page, pays, redirects back and sends a signed callback the adapter accepts', async () => {
    const p = payment();
    const { url, providerRef } = await started(p);
    expect(url).toBe(`${sim.url}/pay/${providerRef}?lang=uk`);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(formatUah(123_450, 'uk'));
    expect(html).toContain('1\u00a0234,50\u00a0грн');
    expect(html).toContain(p.description);

    const answer = await choose(url, 'paid');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${p.returnUrl}&payment=${p.paymentId}&status=paid`);

    const [received] = await portal.waitFor(1);
    expect(received).toMatchObject({ method: 'POST', url: '/payments/callback' });
    expect(received!.headers[SIGNATURE_HEADER.toLowerCase()]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const check = provider.checkCallback(headersOf(received!), received!.body);
    if (!check.ok) {
      throw new Error(check.reason);
    }
    const { eventId, at, ...rest } = check.callback;
    expect(rest).toEqual({ paymentId: p.paymentId, providerRef, status: 'paid', amount: 123_450, currency: 'UAH' });
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(10_000);
    expect(sim.transactions().find((t) => t.providerRef === providerRef)).toMatchObject({ status: 'paid', paymentId: p.paymentId });
    await sim.idle();
    expect(sim.callbacks().find((c) => c.callback.providerRef === providerRef)).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
  });

  it('refuses a tampered body, a wrong secret, a missing signature; a signed bad body is malformed', async () => {
    const p = payment();
    await choose((await started(p)).url, 'paid');
    const [received] = await portal.waitFor(1);
    const headers = headersOf(received!);

    const tampered = received!.body.replace('"amount":123450', '"amount":1');
    expect(tampered).not.toBe(received!.body);
    expect(provider.checkCallback(headers, tampered)).toEqual({ ok: false, reason: 'bad-signature' });
    const other = createHttpPaymentProvider({ id: 'other', baseUrl: sim.url, apiKey: API_KEY, callbackSecret: 'another-secret' });
    expect(other.checkCallback(headers, received!.body)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(provider.checkCallback({}, received!.body)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(provider.checkCallback({ [SIGNATURE_HEADER]: 'sha256=' }, received!.body)).toEqual({ ok: false, reason: 'bad-signature' });

    for (const body of ['{"eventId":', '[]', JSON.stringify({ ...JSON.parse(received!.body), amount: -1 })]) {
      const signed = { [SIGNATURE_HEADER]: signatureHeaderValue(SECRET, body) };
      expect(provider.checkCallback(signed, body)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('answers a repeated start with the same providerRef; a repeat with other details fails for good', async () => {
    const p = payment();
    const first = await started(p);
    expect(await provider.start(p)).toEqual({ kind: 'redirect', ...first });
    expect(sim.transactions().filter((t) => t.paymentId === p.paymentId)).toHaveLength(1);
    const conflicting = await provider.start({ ...p, amount: 1 });
    expect(failure(conflicting)).toMatch(/^final: HTTP 409/);
  });

  it('shows a page and sends no second callback when a decided payment is chosen again', async () => {
    const p = payment({ lang: 'en', returnUrl: 'https://portal.example/en/payments/return' });
    const { url } = await started(p);
    expect((await choose(url, 'paid')).status).toBe(303);
    const again = await choose(url, 'declined');
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('This payment is already finished');
    expect(html).toContain(`href="https://portal.example/en/payments/return?payment=${p.paymentId}&amp;status=paid"`);
    await sim.idle();
    expect(portal.received).toHaveLength(1);
    expect(sim.transactions().find((t) => t.paymentId === p.paymentId)?.status).toBe('paid');
  });

  it.each(['declined', 'abandoned'] as const)('%s: redirects with the status and calls back', async (status) => {
    const p = payment({ returnUrl: 'https://portal.example/uk/payments/return' });
    const answer = await choose((await started(p)).url, status);
    expect(answer.headers.get('location')).toBe(`${p.returnUrl}?payment=${p.paymentId}&status=${status}`);
    const [received] = await portal.waitFor(1);
    expect(provider.checkCallback(headersOf(received!), received!.body)).toMatchObject({ ok: true, callback: { status, paymentId: p.paymentId } });
  });

  it('retries the callback when the portal first answers 500, with the same event', async () => {
    portal.answerNext(500);
    const p = payment();
    await choose((await started(p)).url, 'paid');
    const [first, second] = await portal.waitFor(2);
    expect([first!.answered, second!.answered]).toEqual([500, 200]);
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['x-portico-event-id']).toBe(first!.headers['x-portico-event-id']);
    await sim.idle();
    const event = sim.callbacks().find((c) => c.callback.paymentId === p.paymentId);
    expect(event).toMatchObject({ state: 'delivered', attempts: [{ status: 500 }, { status: 200 }] });
  });

  it('a lost callback shows in reconciliation; resend delivers the very same event', async () => {
    sim.failCallbacksNext(5);
    const p = payment();
    const { providerRef } = await started(p);
    await choose(`${sim.url}/pay/${providerRef}`, 'paid');
    await sim.idle();
    expect(portal.received).toEqual([]);
    const event = sim.callbacks().find((c) => c.callback.paymentId === p.paymentId)!;
    expect(event.state).toBe('failed');

    const remote = await provider.transactions({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
    const local = [{ paymentId: p.paymentId, caseNumber: '2025-000123', status: 'pending' as const, amount: p.amount }];
    const mismatches = reconcile(local, remote.filter((t) => t.paymentId === p.paymentId));
    expect(mismatches).toMatchObject([{ kind: 'status-differs', local: { status: 'pending' }, remote: { status: 'paid', providerRef } }]);

    expect(await sim.resend(event.eventId)).toMatchObject({ status: 200 });
    expect(await sim.resend(event.eventId)).toMatchObject({ status: 200 });
    const [one, two] = await portal.waitFor(2);
    expect(two!.body).toBe(one!.body);
    expect(two!.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(event.signature);
    expect(provider.checkCallback(headersOf(one!), one!.body)).toMatchObject({ ok: true, callback: { eventId: event.eventId } });
    await expect(sim.resend('no-such-event')).rejects.toThrow(/no callback event/);
  });
});

describe('transactions through the adapter', () => {
  it('lists the transactions started in the range, in their current state', async () => {
    const p = payment();
    const { providerRef } = await started(p);
    const around = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) };
    const listed = (await provider.transactions(around)).find((t) => t.paymentId === p.paymentId);
    const created = sim.transactions().find((t) => t.paymentId === p.paymentId)?.createdAt;
    expect(listed).toEqual({ providerRef, paymentId: p.paymentId, status: 'pending', amount: p.amount, currency: 'UAH', updatedAt: created });
    const later = { from: new Date(Date.now() + 60_000), to: new Date(Date.now() + 120_000) };
    expect(await provider.transactions(later)).toEqual([]);
    await expect(provider.transactions({ from: later.to, to: later.from })).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it('a wrong API key is a permanent failure for both calls', async () => {
    const wrong = createHttpPaymentProvider({ id: 'simulator', baseUrl: sim.url, apiKey: 'wrong', callbackSecret: SECRET });
    expect(failure(await wrong.start(payment()))).toMatch(/^final: HTTP 401/);
    const error: unknown = await wrong.transactions({ from: new Date(0), to: new Date() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error).toMatchObject({ retryable: false, code: 'payments.provider_failed' });
  });
});

describe('the simulator API', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}/payments`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', ...headers }, body });

  it('answers 401 JSON for a bad token and 400 JSON for a bad body or a missing Idempotency-Key', async () => {
    const p = payment();
    const unauthorised = await post(JSON.stringify(p), { authorization: 'Bearer nope', 'idempotency-key': p.paymentId });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toEqual({ error: 'unauthorized' });
    for (const body of ['not json', JSON.stringify({ ...p, amount: 12.5 }), JSON.stringify({ ...p, currency: 'USD' })]) {
      const bad = await post(body, { 'idempotency-key': p.paymentId });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toBe('application/json');
    }
    expect((await post(JSON.stringify(p))).status).toBe(400);
    const range = await fetch(`${sim.url}/transactions?from=yesterday`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(range.status).toBe(400);
    expect(sim.transactions().some((t) => t.paymentId === p.paymentId)).toBe(false);
  });

  it('close() does not wait for a callback retry far in the future', async () => {
    const slow = await startPaymentSimulator({ host: '127.0.0.1', port: 0, apiKey: API_KEY, callbackSecret: SECRET, callbackBackoffMs: 60_000 });
    const adapter = createHttpPaymentProvider({ id: 'slow', baseUrl: slow.url, apiKey: API_KEY, callbackSecret: SECRET });
    portal.answerAlways(503);
    const outcome = await adapter.start(payment());
    expect(outcome.kind).toBe('redirect');
    await choose(outcome.kind === 'redirect' ? outcome.url : '', 'paid');
    await portal.waitFor(1);
    const before = Date.now();
    await slow.close();
    expect(Date.now() - before).toBeLessThan(2_000);
    expect(slow.callbacks()[0]?.state).toBe('failed');
  });
});
