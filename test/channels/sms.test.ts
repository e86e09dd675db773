import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createHttpSmsGateway, type DeliveryOutcome } from '../../src/modules/channels/sms/index.ts';
import { createSmsSimulator, type SmsGatewaySimulator, startSmsGatewaySimulator } from '../../src/dev/index.ts';

const TOKEN = 'dev-token-123';
let gateway: SmsGatewaySimulator;

beforeAll(async () => {
  gateway = await startSmsGatewaySimulator({ host: '127.0.0.1', port: 0, token: TOKEN });
});
afterAll(async () => gateway.close());
beforeEach(() => gateway.clear());

const summary = (o: DeliveryOutcome) => (o.kind === 'delivered' ? o.kind : `${o.kind}: ${o.reason}`);
const text = 'Ваш код підтвердження: 482913. Нікому його не повідомляйте.';

describe('the HTTP gateway adapter against the gateway simulator', () => {
  it('delivers, with the idempotency key as the reference, once per key', async () => {
    const sms = createHttpSmsGateway({ url: gateway.url, token: TOKEN, sender: 'Portico' });
    expect(await sms.send({ to: '+380501234567', text }, 'otp:1')).toEqual({ kind: 'delivered' });
    expect(await sms.send({ to: '+380501234567', text }, 'otp:1')).toEqual({ kind: 'delivered' });
    expect(gateway.messages()).toMatchObject([{ to: '+380501234567', text, reference: 'otp:1', sender: 'Portico' }]);
    expect(gateway.last('+380501234567')?.text).toBe(text);
  });

  it('a wrong token is a rejection', async () => {
    const sms = createHttpSmsGateway({ url: gateway.url, token: 'wrong', sender: 'Portico' });
    expect(summary(await sms.send({ to: '+380501234567', text }, 'otp:2'))).toMatch(/^rejected: HTTP 401/);
    expect(gateway.messages()).toEqual([]);
  });

  it('a gateway answering 503 or 429 is a retry, and the next attempt delivers', async () => {
    const sms = createHttpSmsGateway({ url: gateway.url, token: TOKEN, sender: 'Portico' });
    gateway.failNext(1, 503);
    expect(summary(await sms.send({ to: '+380501234567', text }, 'otp:3'))).toMatch(/^retry: HTTP 503/);
    gateway.failNext(1, 429);
    expect(summary(await sms.send({ to: '+380501234567', text }, 'otp:3'))).toMatch(/^retry: HTTP 429/);
    expect(await sms.send({ to: '+380501234567', text }, 'otp:3')).toEqual({ kind: 'delivered' });
    expect(gateway.messages()).toHaveLength(1);
  });

  it('an invalid number is rejected without a request; a 400 from the gateway is a rejection', async () => {
    const sms = createHttpSmsGateway({ url: gateway.url, token: TOKEN, sender: 'Portico' });
    expect(summary(await sms.send({ to: '0501234567', text }, 'otp:4'))).toMatch(/^rejected: .*E\.164/);
    expect(summary(await sms.send({ to: '+380501234567', text: '' }, 'otp:5'))).toMatch(/^rejected: HTTP 400/);
    expect(gateway.messages()).toEqual([]);
  });

  it('sends several messages in one request, each with its own outcome and reference, once per reference', async () => {
    const sms = createHttpSmsGateway({ url: gateway.url, token: TOKEN, sender: 'Portico' });
    const outcomes = await sms.sendMany([
      { message: { to: '+380501234567', text }, idempotencyKey: 'b:1' },
      { message: { to: '0501234567', text }, idempotencyKey: 'b:2' },
      { message: { to: '+380501234568', text: '' }, idempotencyKey: 'b:3' },
      { message: { to: '+380501234569', text: 'Друге' }, idempotencyKey: 'b:4' },
      { message: { to: '+380501234567', text }, idempotencyKey: 'b:1' },
    ]);
    expect(outcomes.map(summary)).toEqual(['delivered', expect.stringMatching(/^rejected: .*E\.164/), expect.stringMatching(/^rejected: HTTP 400/), 'delivered', 'delivered']);
    expect(gateway.messages()).toMatchObject([
      { to: '+380501234567', text, reference: 'b:1', sender: 'Portico' },
      { to: '+380501234569', text: 'Друге', reference: 'b:4', sender: 'Portico' },
    ]);
    gateway.failNext(1, 503);
    const retried = await sms.sendMany([{ message: { to: '+380501234570', text }, idempotencyKey: 'b:5' }, { message: { to: '+380501234571', text }, idempotencyKey: 'b:6' }]);
    expect(retried.map(summary)).toEqual([expect.stringMatching(/^retry: HTTP 503/), expect.stringMatching(/^retry: HTTP 503/)]);
    expect(gateway.messages()).toHaveLength(2); // one failed request: neither was sent
    const wrong = createHttpSmsGateway({ url: gateway.url, token: 'wrong', sender: 'Portico' });
    expect((await wrong.sendMany([{ message: { to: '+380501234570', text }, idempotencyKey: 'b:5' }, { message: { to: '+380501234571', text }, idempotencyKey: 'b:6' }])).map(summary))
      .toEqual([expect.stringMatching(/^rejected: HTTP 401/), expect.stringMatching(/^rejected: HTTP 401/)]);
  });

  it('with a batch size of 1, sendMany posts each message on its own; a bigger list goes in requests of the batch size', async () => {
    const posts: string[] = [];
    const proxy = createServer((req, res) => {
      posts.push(req.url ?? '');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages?: Array<{ reference: string }> };
        const status = req.url?.endsWith('/batch') ? 200 : 202;
        // Names only the first message of a batch: the others get a retry.
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ results: (body.messages ?? []).slice(0, 1).map((m) => ({ reference: m.reference, status: 202 })) }));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as { port: number };
    try {
      const items = [1, 2, 3].map((i) => ({ message: { to: `+38050123456${i}`, text }, idempotencyKey: `c:${i}` }));
      const one = createHttpSmsGateway({ url: `http://127.0.0.1:${port}/messages`, token: TOKEN, sender: 'Portico', batchSize: 1 });
      expect((await one.sendMany(items)).map(summary)).toEqual(['delivered', 'delivered', 'delivered']);
      expect(posts).toEqual(['/messages', '/messages', '/messages']);
      posts.length = 0;
      const two = createHttpSmsGateway({ url: `http://127.0.0.1:${port}/messages`, token: TOKEN, sender: 'Portico', batchSize: 2 });
      expect((await two.sendMany(items)).map(summary)).toEqual(['delivered', 'retry: the gateway answered the batch without this message', 'delivered']);
      expect(posts.sort()).toEqual(['/messages', '/messages/batch']); // a batch of two, and the one left alone
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('a closed port and a gateway that does not answer in time are retries', async () => {
    const closed = await startSmsGatewaySimulator({ host: '127.0.0.1', port: 0, token: TOKEN });
    await closed.close();
    const refused = createHttpSmsGateway({ url: closed.url, token: TOKEN, sender: 'Portico' });
    expect(summary(await refused.send({ to: '+380501234567', text }, 'otp:6'))).toMatch(/^retry: .*network error/);

    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const slow = createHttpSmsGateway({ url: `http://127.0.0.1:${port}/messages`, token: TOKEN, sender: 'Portico', timeoutMs: 200 });
      expect(await slow.send({ to: '+380501234567', text }, 'otp:7')).toEqual({ kind: 'retry', reason: 'no answer within 200 ms' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('the in-memory simulator', () => {
  it('dedupes by idempotency key and records the latest message per number', async () => {
    const sms = createSmsSimulator();
    expect(await sms.send({ to: '+380501234567', text: 'Код 111111' }, 'otp:a')).toEqual({ kind: 'delivered' });
    expect(await sms.send({ to: '+380501234567', text: 'Код 111111' }, 'otp:a')).toEqual({ kind: 'delivered' });
    expect(await sms.send({ to: '+380501234567', text: 'Код 222222' }, 'otp:b')).toEqual({ kind: 'delivered' });
    expect(sms.messages().map((m) => m.text)).toEqual(['Код 111111', 'Код 222222']);
    expect(sms.last('+380501234567')?.text).toBe('Код 222222');
    expect(sms.last('+380931112233')).toBeUndefined();
  });

  it('fails the next N sends with retry, then delivers', async () => {
    const sms = createSmsSimulator();
    sms.failNext(2, 'gateway down');
    const send = () => sms.send({ to: '+380501234567', text: 'Привіт' }, 'k');
    expect(await send()).toEqual({ kind: 'retry', reason: 'gateway down' });
    expect(await send()).toEqual({ kind: 'retry', reason: 'gateway down' });
    expect(await send()).toEqual({ kind: 'delivered' });
    expect(sms.messages()).toHaveLength(1);
    expect(await sms.send({ to: 'not a number', text: 'x' }, 'k2')).toMatchObject({ kind: 'rejected' });
  });
});
