import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { batchHandler, createOutboxWorker, delivered, type OutboxHandler, outboxRepository as outbox, rejected, retryLater } from '../../src/platform/outbox/index.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
const T0 = new Date('2026-11-27T09:00:00Z');
const clock = { now: () => T0 };

beforeAll(async () => {
  ({ db, drop } = await testDatabase());
  await migrate(db, MIGRATIONS_DIR);
});
afterAll(async () => drop());
beforeEach(async () => {
  await db.query('DELETE FROM outbox');
});

const enqueue = (key: string, topic: string, payload: unknown) =>
  db.transaction((tx) => outbox.enqueue(tx, { topic, payload, idempotencyKey: key, availableAt: clock.now() }));

async function row(key: string) {
  const [r] = await db.query<{ done_at: Date | null; dead_at: Date | null; last_error: string | null; locked_by: string | null }>(
    'SELECT done_at, dead_at, last_error, locked_by FROM outbox WHERE idempotency_key = $1',
    [key],
  );
  return r;
}

const worker = (handlers: Record<string, OutboxHandler>) => createOutboxWorker({ db, clock, workerId: 'w1', handlers, backoff: () => 1000 });

describe('a handler with many: the messages of its topic in a batch together', () => {
  it('hands a topic\'s messages of a batch to the handler\'s `many` at once, and records each outcome on its own row', async () => {
    for (const k of ['b-ok1', 'b-retry', 'b-ok2', 'b-reject']) {
      await enqueue(k, 'test.batch', { k });
    }
    await enqueue('single', 'test.topic', { k: 'single' });
    const calls: string[][] = [];
    const one = async () => delivered();
    const w = worker({
      'test.batch': batchHandler(one, async (items) => {
        calls.push(items.map((i) => i.ctx.idempotencyKey));
        return items.map(({ payload }) => {
          const { k } = payload as { k: string };
          return k === 'b-retry' ? retryLater('busy') : k === 'b-reject' ? rejected('550') : delivered();
        });
      }),
      'test.topic': one,
    });
    expect(await w.runOnce()).toBe(5);
    expect(calls).toEqual([['b-ok1', 'b-retry', 'b-ok2', 'b-reject']]);
    expect(await row('b-ok1')).toMatchObject({ done_at: T0, locked_by: null });
    expect(await row('b-ok2')).toMatchObject({ done_at: T0, locked_by: null });
    expect(await row('b-retry')).toMatchObject({ done_at: null, dead_at: null, last_error: 'busy', locked_by: null });
    expect(await row('b-reject')).toMatchObject({ done_at: null, dead_at: T0, last_error: '550' });
    expect(await row('single')).toMatchObject({ done_at: T0 });
  });

  it('a `many` that throws, or answers fewer outcomes than messages, leaves those messages to be retried', async () => {
    for (const k of ['t1', 't2']) {
      await enqueue(k, 'test.throws', { k });
    }
    for (const k of ['s1', 's2']) {
      await enqueue(k, 'test.short', { k });
    }
    const w = worker({
      'test.throws': batchHandler(async () => delivered(), async () => {
        throw new Error('gateway exploded');
      }),
      'test.short': batchHandler(async () => delivered(), async () => [delivered()]),
    });
    expect(await w.runOnce()).toBe(4);
    expect(await row('t1')).toMatchObject({ done_at: null, dead_at: null, last_error: 'handler threw: gateway exploded', locked_by: null });
    expect(await row('t2')).toMatchObject({ done_at: null, last_error: 'handler threw: gateway exploded' });
    expect(await row('s1')).toMatchObject({ done_at: T0 });
    expect(await row('s2')).toMatchObject({ done_at: null, dead_at: null, last_error: 'the batch handler gave no outcome for this message' });
  });
});
