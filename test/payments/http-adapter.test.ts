import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createHttpPaymentProvider, PaymentProviderError, type StartOutcome, type StartPayment } from '../../src/modules/payments/index.ts';
import { startPaymentSimulator } from '../../src/dev/index.ts';
import { type Receiver, startReceiver } from './receiver.ts';

/** The receiver stands in for the provider here: it records requests and answers as told. */
let stub: Receiver;
beforeAll(async () => {
  stub = await startReceiver();
});
afterAll(async () => stub.close());
beforeEach(() => stub.clear());

const p: StartPayment = {
  paymentId: '8f0c6a52-3b1e-4c39-9d55-0c1b5c1f2a10',
  amount: 8_500,
  currency: 'UAH',
  description: 'Державне мито',
  returnUrl: 'https://portal.example/uk/payments/return',
  callbackUrl: 'https://portal.example/payments/callback',
  lang: 'uk',
};
const adapter = (baseUrl = `${stub.url}/v1/`, timeoutMs?: number) =>
  createHttpPaymentProvider({ id: 'stub', baseUrl, apiKey: 'key-1', callbackSecret: 'secret-1', ...(timeoutMs ? { timeoutMs } : {}) });

/** `retryable: <reason>`, `final: <reason>` or `redirect: <url>`. */
const failure = (o: StartOutcome) => (o.kind === 'failed' ? `${o.retryable ? 'retryable' : 'final'}: ${o.reason}` : `redirect: ${o.url}`);

async function listError(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);
  return error as PaymentProviderError;
}

describe('the HTTP adapter speaks the protocol', () => {
  it('POSTs {baseUrl}/payments with the bearer key, the idempotency key and the JSON body', async () => {
    stub.answerAlways(201, JSON.stringify({ providerRef: 'ref-1', redirectUrl: 'https://pay.example/pay/ref-1' }));
    expect(await adapter().start(p)).toEqual({ kind: 'redirect', url: 'https://pay.example/pay/ref-1', providerRef: 'ref-1' });
    const [request] = stub.received;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/payments' });
    expect(request!.headers).toMatchObject({ authorization: 'Bearer key-1', 'idempotency-key': p.paymentId, 'content-type': 'application/json' });
    expect(JSON.parse(request!.body)).toEqual(p);
  });

  it('GETs {baseUrl}/transactions with the range as ISO instants and checks every transaction', async () => {
    const t = { providerRef: 'ref-1', paymentId: p.paymentId, status: 'paid', amount: 8_500, currency: 'UAH', updatedAt: '2025-03-01T10:00:00.000Z' };
    stub.answerAlways(200, JSON.stringify({ transactions: [t] }));
    const range = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-02T00:00:00Z') };
    expect(await adapter().transactions(range)).toEqual([t]);
    expect(stub.received[0]).toMatchObject({ method: 'GET', url: '/v1/transactions?from=2025-03-01T00%3A00%3A00.000Z&to=2025-03-02T00%3A00%3A00.000Z' });
    expect(stub.received[0]!.headers.authorization).toBe('Bearer key-1');

    stub.answerAlways(200, JSON.stringify({ transactions: [{ ...t, amount: '85.00' }] }));
    const unreadable = await listError(adapter().transactions(range));
    expect(unreadable.retryable).toBe(false);
    expect(unreadable.message).toMatch(/^payments: stub: unexpected transactions answer: /);
    stub.answerAlways(503, '{}');
    const unavailable = await listError(adapter().transactions(range));
    expect([unavailable.retryable, unavailable.message]).toEqual([true, 'payments: stub: HTTP 503: {}']);
  });

  it('checks the request before sending: a bad one fails for good and reaches nobody', async () => {
    for (const bad of [{ amount: 0 }, { amount: 12.5 }, { amount: -100 }, { returnUrl: '/relative' }, { callbackUrl: 'javascript:alert(1)' }, { paymentId: '' }]) {
      expect(failure(await adapter().start({ ...p, ...bad }))).toMatch(/^final: not sent: /);
    }
    expect(stub.received).toEqual([]);
  });
});

describe('the HTTP adapter classifies failures', () => {
  it('401 from the simulator is not retryable', async () => {
    const sim = await startPaymentSimulator({ host: '127.0.0.1', port: 0, apiKey: 'right', callbackSecret: 'secret-1' });
    try {
      const wrong = createHttpPaymentProvider({ id: 'sim', baseUrl: sim.url, apiKey: 'wrong', callbackSecret: 'secret-1' });
      expect(failure(await wrong.start(p))).toMatch(/^final: HTTP 401/);
    } finally {
      await sim.close();
    }
  });

  it.each([
    [503, true],
    [500, true],
    [429, true],
    [408, true],
    [400, false],
    [403, false],
    [409, false],
    [422, false],
  ])('HTTP %i → retryable %s', async (status, retryable) => {
    stub.answerAlways(status, '{"error":"x"}');
    expect(failure(await adapter().start(p))).toMatch(new RegExp(`^${retryable ? 'retryable' : 'final'}: HTTP ${status}`));
  });

  it('a 2xx it cannot read, or a redirect URL that is not http(s), fails for good', async () => {
    for (const body of ['<html>maintenance</html>', '{"providerRef":"r"}', '{"providerRef":"r","redirectUrl":"javascript:alert(1)"}']) {
      stub.answerAlways(201, body);
      expect(failure(await adapter().start(p))).toMatch(/^final: unexpected answer/);
    }
  });

  it('an unreachable port and a provider that does not answer in time are retryable', async () => {
    const closed = await startReceiver();
    await closed.close();
    expect(failure(await adapter(closed.url).start(p))).toMatch(/^retryable: network error/);
    expect(await listError(adapter(closed.url).transactions({ from: new Date(0), to: new Date() }))).toMatchObject({ retryable: true });

    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      expect(await adapter(`http://127.0.0.1:${port}`, 200).start(p)).toEqual({ kind: 'failed', retryable: true, reason: 'no answer within 200 ms' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('refuses to be built without a callback secret or an API key', () => {
    expect(() => createHttpPaymentProvider({ id: 'x', baseUrl: stub.url, apiKey: 'k', callbackSecret: '' })).toThrow(/callback secret/);
    expect(() => createHttpPaymentProvider({ id: 'x', baseUrl: stub.url, apiKey: '', callbackSecret: 's' })).toThrow(/API key/);
  });
});
