import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { batchHandler, createOutboxWorker, delivered, type OutboxHandler, outboxRepository as outbox } from '../../src/platform/outbox/index.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let now: Date;
const clock = { now: () => now };
const T0 = new Date('2026-11-27T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  ({ db, drop } = await testDatabase());
  await migrate(db, MIGRATIONS_DIR);
});
afterAll(async () => drop());
beforeEach(async () => {
  now = T0;
  await db.query('DELETE FROM outbox');
});

const enqueue = (key: string) =>
  db.transaction((tx) => outbox.enqueue(tx, { topic: 'test.topic', payload: { key }, idempotencyKey: key, availableAt: clock.now() }));

describe('the claim in one statement', () => {
  it('is the function outbox_claim, whose own settings pin the plan to the index scan in id order, and it leases from the floor', async () => {
    const [fn] = await db.query<{ proconfig: string[] | null }>("SELECT proconfig FROM pg_proc WHERE proname = 'outbox_claim'");
    expect(fn?.proconfig?.slice().sort()).toEqual(['enable_bitmapscan=off', 'enable_sort=off']);
    for (const key of ['p1', 'p2', 'p3']) {
      await enqueue(key);
    }
    const all = await outbox.claim(db, { workerId: 'one', limit: 1, leaseMs: 60_000, now });
    const second = await outbox.claim(db, { workerId: 'two', limit: 5, leaseMs: 60_000, now, fromId: (all[0]?.id ?? 0) + 2 });
    expect([all.map((m) => m.idempotencyKey), second.map((m) => m.idempotencyKey)]).toEqual([['p1'], ['p3']]);
    // The settings hold only while the function runs.
    const [after] = await db.query<{ bitmap: string }>("SELECT current_setting('enable_bitmapscan') AS bitmap");
    expect(after?.bitmap).toBe('on');
  });
});

describe('claims from the lowest id of the last full batch', () => {
  it('claims above the lowest id of its last full batch, and rows below it once that runs dry or a rescan is due', async () => {
    // `early` has the lowest id but is not due yet: the first full batch sets the floor above it.
    await db.transaction((tx) => outbox.enqueue(tx, { topic: 'test.topic', payload: {}, idempotencyKey: 'early', availableAt: later(60_000) }));
    for (const key of ['f1', 'f2', 'f3', 'f4', 'f5']) {
      await enqueue(key);
    }
    const order: string[][] = [];
    const handlers = { 'test.topic': batchOf(order) };
    const w = createOutboxWorker({ db, clock, workerId: 'floor', batchSize: 2, rescanMs: 3_600_000, handlers });
    expect(await w.runOnce()).toBe(2);
    now = later(60_000); // `early` is due now, below the floor
    expect(await w.runOnce()).toBe(2);
    // Above the floor only f5 is left: the rest of the batch comes from the start.
    expect(await w.runOnce()).toBe(2);
    expect(order).toEqual([['f1', 'f2'], ['f3', 'f4'], ['f5', 'early']]);

    // With rescans due at every claim, a row below the floor comes first again.
    await db.query('DELETE FROM outbox');
    order.length = 0;
    await db.transaction((tx) => outbox.enqueue(tx, { topic: 'test.topic', payload: {}, idempotencyKey: 'early', availableAt: later(120_000) }));
    for (const key of ['g1', 'g2', 'g3', 'g4', 'g5']) {
      await enqueue(key);
    }
    const eager = createOutboxWorker({ db, clock, workerId: 'rescan', batchSize: 2, rescanMs: 0, handlers });
    expect(await eager.runOnce()).toBe(2);
    now = later(120_000);
    expect(await eager.runOnce()).toBe(2);
    expect(order).toEqual([['g1', 'g2'], ['early', 'g3']]);
  });
});

/** A handler that records, per batch, the keys it was handed in id order. */
function batchOf(order: string[][]): OutboxHandler {
  return batchHandler(
    (_payload, ctx) => {
      order.push([ctx.idempotencyKey]);
      return Promise.resolve(delivered());
    },
    (items) => {
      order.push(items.map((i) => i.ctx.idempotencyKey));
      return Promise.resolve(items.map(() => delivered()));
    },
  );
}

