import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import {
  createOutboxWorker,
  delivered,
  type OutboxHandler,
  outboxRepository as outbox,
  rejected,
  retryLater,
} from '../../src/platform/outbox/index.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let url: string | null;
let drop: () => Promise<void>;
let now: Date;
const clock = { now: () => now };
const T0 = new Date('2026-11-27T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  ({ db, url, drop } = await testDatabase());
  await migrate(db, MIGRATIONS_DIR);
});
afterAll(async () => drop());
beforeEach(async () => {
  now = T0;
  await db.query('DELETE FROM outbox');
});

const enqueue = (key: string, topic = 'test.topic', payload: unknown = { key }) =>
  db.transaction((tx) => outbox.enqueue(tx, { topic, payload, idempotencyKey: key, availableAt: clock.now() }));

async function row(key: string) {
  const [r] = await db.query<{ attempts: number; done_at: Date | null; dead_at: Date | null; last_error: string | null; available_at: Date; locked_by: string | null }>(
    'SELECT attempts, done_at, dead_at, last_error, available_at, locked_by FROM outbox WHERE idempotency_key = $1',
    [key],
  );
  return r;
}

describe('enqueue', () => {
  it('writes nothing when the transaction rolls back, and the row when it commits', async () => {
    await expect(
      db.transaction(async (tx) => {
        await outbox.enqueue(tx, { topic: 'test.topic', payload: { n: 1 }, idempotencyKey: 'rolled-back', availableAt: now });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.query('SELECT id FROM outbox')).toEqual([]);

    expect(await enqueue('committed', 'test.topic', { text: 'Заяву прийнято' })).toBe(true);
    const [stored] = await db.query<{ topic: string; payload: unknown; attempts: number }>('SELECT topic, payload, attempts FROM outbox');
    expect(stored).toEqual({ topic: 'test.topic', payload: { text: 'Заяву прийнято' }, attempts: 0 });
  });

  it('treats a repeated idempotency key as the same message', async () => {
    expect(await enqueue('same-key')).toBe(true);
    expect(await enqueue('same-key', 'test.topic', { different: true })).toBe(false);
    expect(
      await db.transaction(async (tx) => {
        const first = await outbox.enqueue(tx, { topic: 'test.topic', payload: {}, idempotencyKey: 'in-one-tx', availableAt: now });
        const second = await outbox.enqueue(tx, { topic: 'test.topic', payload: {}, idempotencyKey: 'in-one-tx', availableAt: now });
        return [first, second];
      }),
    ).toEqual([true, false]);
    const rows = await db.query<{ idempotency_key: string; payload: unknown }>('SELECT idempotency_key, payload FROM outbox ORDER BY id');
    expect(rows).toEqual([
      { idempotency_key: 'same-key', payload: { key: 'same-key' } },
      { idempotency_key: 'in-one-tx', payload: {} },
    ]);
  });
});

describe('the worker', () => {
  const worker = (handlers: Record<string, OutboxHandler>, extra: { maxAttempts?: number } = {}) =>
    createOutboxWorker({ db, clock, workerId: 'w1', handlers, backoff: (n) => 1000 * 2 ** (n - 1), ...extra });

  it('delivers, passing the payload and the idempotency key', async () => {
    const seen: unknown[] = [];
    await enqueue('k1', 'test.topic', { to: '+380501234567' });
    const w = worker({ 'test.topic': async (payload, ctx) => (seen.push({ payload, ctx }), delivered()) });
    expect(await w.runOnce()).toBe(1);
    expect(seen).toEqual([{ payload: { to: '+380501234567' }, ctx: { idempotencyKey: 'k1', attempt: 1 } }]);
    expect(await row('k1')).toMatchObject({ attempts: 1, done_at: T0, dead_at: null, locked_by: null });
    expect(await w.runOnce()).toBe(0);
  });

  it('retries after the backoff and not before (available_at, controlled clock)', async () => {
    let answer = retryLater('gateway busy');
    await enqueue('k1');
    const w = worker({ 'test.topic': async () => answer });

    expect(await w.runOnce()).toBe(1);
    expect(await row('k1')).toMatchObject({ attempts: 1, done_at: null, last_error: 'gateway busy', available_at: later(1000), locked_by: null });
    expect(await w.runOnce()).toBe(0);
    now = later(999);
    expect(await w.runOnce()).toBe(0);
    now = later(1000);
    expect(await w.runOnce()).toBe(1);
    expect(await row('k1')).toMatchObject({ attempts: 2, available_at: later(1000 + 2000) });
    now = later(2999);
    expect(await w.runOnce()).toBe(0);
    now = later(3000);
    answer = delivered();
    expect(await w.runOnce()).toBe(1);
    expect(await row('k1')).toMatchObject({ attempts: 3, done_at: later(3000) });
  });

  it('counts a thrown handler as a retry', async () => {
    await enqueue('k1');
    const w = worker({ 'test.topic': async () => { throw new Error('socket hang up'); } });
    expect(await w.runOnce()).toBe(1);
    expect(await row('k1')).toMatchObject({ done_at: null, dead_at: null, last_error: 'handler threw: socket hang up', available_at: later(1000) });
  });

  it('dead-letters after the last attempt; an operator can requeue', async () => {
    await enqueue('k1');
    const w = worker({ 'test.topic': async () => retryLater('mailbox unavailable') }, { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      now = later(60_000 * i);
      expect(await w.runOnce()).toBe(1);
    }
    now = later(3_600_000);
    expect(await w.runOnce()).toBe(0);
    expect(await row('k1')).toMatchObject({ attempts: 3, dead_at: later(120_000), last_error: 'gave up after 3 attempts: mailbox unavailable' });
    const [dead] = await outbox.deadLetters(db);
    expect(dead).toMatchObject({ idempotencyKey: 'k1', topic: 'test.topic', attempts: 3, lastError: 'gave up after 3 attempts: mailbox unavailable' });

    expect(await outbox.requeue(db, { id: dead!.id, now })).toBe(true);
    expect(await outbox.requeue(db, { id: dead!.id, now })).toBe(false);
    const fixed = worker({ 'test.topic': async () => delivered() });
    expect(await fixed.runOnce()).toBe(1);
    expect(await row('k1')).toMatchObject({ attempts: 1, dead_at: null, done_at: now });
    expect(await outbox.deadLetters(db)).toEqual([]);
  });

  it('dead-letters a rejection at once, and a topic nobody handles', async () => {
    await enqueue('k1', 'test.topic');
    await enqueue('k2', 'test.nobody');
    const w = worker({ 'test.topic': async () => rejected('550 no such mailbox') });
    expect(await w.runOnce()).toBe(2);
    expect(await row('k1')).toMatchObject({ attempts: 1, dead_at: T0, last_error: '550 no such mailbox' });
    expect(await row('k2')).toMatchObject({ attempts: 1, dead_at: T0, last_error: 'no handler for topic "test.nobody"' });
    expect((await outbox.deadLetters(db, { topic: 'test.nobody' })).map((d) => d.idempotencyKey)).toEqual(['k2']);
  });

  it('claims a row again once its lease has expired; the first holder can no longer record it', async () => {
    await enqueue('k1');
    const [held] = await outbox.claim(db, { workerId: 'crashed', limit: 10, leaseMs: 30_000, now });
    expect(held).toMatchObject({ idempotencyKey: 'k1', attempts: 1 });
    const w = worker({ 'test.topic': async () => delivered() });
    now = later(30_000);
    expect(await w.runOnce()).toBe(0);
    now = later(30_001);
    expect(await w.runOnce()).toBe(1);
    expect(await row('k1')).toMatchObject({ attempts: 2, done_at: later(30_001) });
    expect(await outbox.complete(db, { id: held!.id, workerId: 'crashed', now })).toBe(false);
    expect(await outbox.bury(db, { id: held!.id, workerId: 'crashed', error: 'late', now })).toBe(false);
    expect(await row('k1')).toMatchObject({ dead_at: null, last_error: null });
  });

  it('marks a batch delivered in one statement, only the rows the worker still holds', async () => {
    for (const k of ['k1', 'k2', 'k3']) {
      await enqueue(k);
    }
    const mine = await outbox.claim(db, { workerId: 'w1', limit: 2, leaseMs: 30_000, now });
    const [other] = await outbox.claim(db, { workerId: 'w2', limit: 1, leaseMs: 30_000, now });
    expect(mine.map((m) => m.idempotencyKey)).toEqual(['k1', 'k2']);
    now = later(1000);
    const ids = [...mine.map((m) => m.id), other!.id];
    expect((await outbox.completeMany(db, { ids, workerId: 'w1', now })).sort((a, b) => a - b)).toEqual(mine.map((m) => m.id));
    expect(await row('k1')).toMatchObject({ done_at: later(1000), locked_by: null });
    expect(await row('k3')).toMatchObject({ done_at: null, locked_by: 'w2' });
    expect(await outbox.completeMany(db, { ids, workerId: 'w1', now })).toEqual([]);
    expect(await outbox.completeMany(db, { ids: [], workerId: 'w1', now })).toEqual([]);
  });

  it('records a batch of mixed outcomes: the delivered together, the others one by one', async () => {
    for (const k of ['ok1', 'retry', 'ok2', 'reject']) {
      await enqueue(k, 'test.topic', { k });
    }
    const w = worker({
      'test.topic': async (payload) => {
        const { k } = payload as { k: string };
        return k === 'retry' ? retryLater('busy') : k === 'reject' ? rejected('550') : delivered();
      },
    });
    expect(await w.runOnce()).toBe(4);
    expect(await row('ok1')).toMatchObject({ done_at: T0, locked_by: null });
    expect(await row('ok2')).toMatchObject({ done_at: T0, locked_by: null });
    expect(await row('retry')).toMatchObject({ done_at: null, dead_at: null, last_error: 'busy', locked_by: null });
    expect(await row('reject')).toMatchObject({ done_at: null, dead_at: T0, last_error: '550' });
  });

  it('dead-letters without running the handler a row whose leases keep expiring', async () => {
    await enqueue('k1');
    for (let i = 0; i < 2; i++) {
      now = later(60_000 * i);
      expect(await outbox.claim(db, { workerId: 'dies', limit: 1, leaseMs: 30_000, now })).toHaveLength(1);
    }
    let ran = false;
    now = later(120_000);
    const w = worker({ 'test.topic': async () => ((ran = true), delivered()) }, { maxAttempts: 2 });
    expect(await w.runOnce()).toBe(1);
    expect(ran).toBe(false);
    expect(await row('k1')).toMatchObject({ attempts: 3, dead_at: now, last_error: expect.stringContaining('claimed 3 times, more than 2') as unknown });
  });

  it('stop() waits for the batch in hand', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    await enqueue('k1');
    const w = createOutboxWorker({ db, clock, workerId: 'loop', pollMs: 10, handlers: {
      'test.topic': async () => { started(); await gate; return delivered(); },
    } });
    w.start();
    await running;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await row('k1')).toMatchObject({ done_at: T0 });
  });
  it('with concurrency n keeps n batches in flight (here 3 of 2: six different rows at once), and stop() waits for all', async () => {
    for (let n = 1; n <= 6; n++) {
      await enqueue(`c${n}`);
    }
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight: string[] = [];
    const w = createOutboxWorker({ db, clock, workerId: 'many', batchSize: 2, concurrency: 3, pollMs: 10, handlers: {
      'test.topic': async (_payload, ctx) => { inFlight.push(ctx.idempotencyKey); await gate; return delivered(); },
    } });
    w.start();
    for (let i = 0; i < 500 && inFlight.length < 6; i++) {
      await sleep(10);
    }
    expect([...inFlight].sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    const [state] = await db.query<{ done: number; attempts: number }>('SELECT count(*) FILTER (WHERE done_at IS NOT NULL)::int AS done, sum(attempts)::int AS attempts FROM outbox');
    expect(state).toEqual({ done: 6, attempts: 6 });
  });
});

describe('two workers', () => {
  it('never process the same row twice, and share the work', async () => {
    const total = 300;
    await db.transaction(async (tx) => {
      for (let n = 1; n <= total; n++) {
        await outbox.enqueue(tx, { topic: 'test.count', payload: { n }, idempotencyKey: `count-${n}`, availableAt: now });
      }
    });
    // On PostgreSQL each worker has its own pool, as two processes would; PGlite has one connection.
    const other = url ? await openDatabase({ url, dataDir: null, poolSize: 2 }) : db;
    const handled = new Map<number, string[]>();
    const handler = (name: string): OutboxHandler => async (payload) => {
      const { n } = payload as { n: number };
      handled.set(n, [...(handled.get(n) ?? []), name]);
      await sleep(Math.random() * 3); // a little work, so that the workers' claims overlap
      return delivered();
    };
    const drain = async (name: string, database: Database) => {
      const w = createOutboxWorker({ db: database, clock, workerId: name, batchSize: 5, handlers: { 'test.count': handler(name) } });
      while ((await w.runOnce()) > 0) {
        // keep going until nothing is claimable
      }
    };
    try {
      await Promise.all([drain('a', db), drain('b', other)]);
    } finally {
      if (other !== db) {
        await other.close();
      }
    }

    const twice = [...handled].filter(([, by]) => by.length > 1);
    expect(twice).toEqual([]);
    expect(handled.size).toBe(total);
    const byWorker = (name: string) => [...handled.values()].filter((by) => by[0] === name).length;
    expect(byWorker('a')).toBeGreaterThan(0);
    expect(byWorker('b')).toBeGreaterThan(0);
    const [state] = await db.query<{ done: number; attempts: number }>(
      'SELECT count(*) FILTER (WHERE done_at IS NOT NULL) AS done, sum(attempts) AS attempts FROM outbox',
    );
    expect(state).toEqual({ done: total, attempts: total });
  });

  // PGlite has one connection, so a second session cannot hold a lock while the claim runs.
  it.skipIf(!process.env['TEST_DATABASE_URL'])('a claim skips rows another session has locked instead of waiting', async () => {
    for (const key of ['k1', 'k2', 'k3']) {
      await enqueue(key);
    }
    const other = await openDatabase({ url, dataDir: null, poolSize: 1 });
    try {
      const claimed = await db.transaction(async (tx) => {
        // Another worker in the middle of its claim holds the oldest row.
        await tx.query("SELECT id FROM outbox WHERE idempotency_key = 'k1' FOR UPDATE");
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('the claim waited for the locked row')), 3000);
        });
        try {
          return await Promise.race([outbox.claim(other, { workerId: 'w2', limit: 10, leaseMs: 1000, now }), timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
      expect(claimed.map((m) => m.idempotencyKey)).toEqual(['k2', 'k3']);
    } finally {
      await other.close();
    }
  });
});
