/**
 * A worker that stops without waiting for its batch in hand (the portal's shutdown at the end of its
 * grace period) lets go of the rows it holds: another worker claims them at once, not when the lease ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/platform/db/database.ts';
import { createOutboxWorker, delivered, outboxRepository as outbox } from '../../src/platform/outbox/index.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
const now = new Date('2026-11-27T09:00:00Z');
const clock = { now: () => now };

beforeAll(async () => {
  ({ db, drop } = await testDatabase());
});
afterAll(async () => drop());

const enqueue = (key: string) =>
  db.transaction((tx) => outbox.enqueue(tx, { topic: 'test.topic', payload: { key }, idempotencyKey: key, availableAt: now }));

async function row(key: string) {
  const [r] = await db.query<{ attempts: number; done_at: Date | null; locked_by: string | null }>('SELECT attempts, done_at, locked_by FROM outbox WHERE idempotency_key = $1', [key]);
  return r;
}

describe('release', () => {
  it('lets go of the rows a stopping worker holds: another claims them at once, and the late outcome is ignored', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    for (const k of ['k1', 'k2', 'k3']) {
      await enqueue(k);
    }
    await outbox.claim(db, { workerId: 'other', limit: 1, leaseMs: 300_000, now }); // k1, held by another worker
    const w = createOutboxWorker({ db, clock, workerId: 'leaving', batchSize: 2, pollMs: 10, leaseMs: 300_000, handlers: {
      'test.topic': async () => { started(); await gate; return delivered(); },
    } });
    w.start();
    await running;
    expect([await row('k2'), await row('k3')]).toMatchObject([{ locked_by: 'leaving', attempts: 1 }, { locked_by: 'leaving', attempts: 1 }]);
    const stopping = w.stop();
    const released = await w.release();
    expect(released).toHaveLength(2);
    expect([await row('k2'), await row('k3')]).toMatchObject([{ locked_by: null, done_at: null }, { locked_by: null, done_at: null }]);
    expect(await row('k1')).toMatchObject({ locked_by: 'other' });
    // Claimable at once (long before the 5-minute lease would have ended), the attempt still counted.
    const next = await outbox.claim(db, { workerId: 'successor', limit: 10, leaseMs: 300_000, now });
    expect(next.map((m) => [m.idempotencyKey, m.attempts])).toEqual([['k2', 2], ['k3', 2]]);
    // The first worker's handlers end after all: their outcome no longer counts.
    finish();
    await stopping;
    expect([await row('k2'), await row('k3')]).toMatchObject([{ locked_by: 'successor', done_at: null }, { locked_by: 'successor', done_at: null }]);
    expect(await w.release()).toEqual([]);
  });
});
