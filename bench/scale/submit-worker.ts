/**
 * One portal process of the scale benchmark (bench/scale/run.ts): the portal's services on the shared
 * database, submitting the drafts it is given, with the audit sealer running as in the portal; then
 * the outbox worker delivering whatever the outbox holds. Talks to its parent in JSON lines: it says
 * `ready`, waits for `submit`, answers `submitted` (count, seconds), waits for `deliver`, runs its
 * outbox worker until `stop`, and answers `delivered` with the ids of the rows its handlers ran.
 *   DATABASE_URL, SCALE_DRAFTS (a JSON file of draft ids), SCALE_CONCURRENCY, SCALE_POOL
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

import { delivered, createOutboxWorker, type OutboxHandler } from '../../src/platform/outbox/index.ts';
import { benchServices, citizenOf, pool } from '../submission/setup.ts';

const env = (name: string) => {
  const v = process.env[name];
  if (v === undefined || v === '') {
    throw new Error(`${name} is not set`);
  }
  return v;
};
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const expectLine = async (word: string) => {
  const next = await lines.next();
  if (next.done || next.value.trim() !== word) {
    throw new Error(`expected "${word}" from the parent, got ${next.done ? 'the end' : next.value}`);
  }
};

const ids = JSON.parse(readFileSync(env('SCALE_DRAFTS'), 'utf8')) as string[];
const concurrency = Number(env('SCALE_CONCURRENCY'));
const b = await benchServices(env('DATABASE_URL'), Number(env('SCALE_POOL')), 1);
send({ type: 'ready' });

await expectLine('submit');
let sealing: Promise<unknown> | null = null;
const sealer = setInterval(() => {
  sealing ??= b.services.auditLog.seal().finally(() => { sealing = null; });
}, 1000);
const started = performance.now();
const latencies = await pool(ids, concurrency, async (id, i) => {
  const r = await b.services.drafts.submit(citizenOf(b, 0), id, { idempotencyKey: `scale-${process.pid}-${i}`, declared: true, channel: 'web', lang: 'uk' });
  if (!r.ok) {
    throw new Error(`submission refused: ${r.error.code}`);
  }
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sealer);
await (sealing as Promise<unknown> | null);
send({ type: 'submitted', count: latencies.length, seconds, latencies });

await expectLine('deliver');
const ran: number[] = [];
// The rows by idempotency key: every topic's handler only notes which row it was given.
const rows = new Map<string, number>();
const topics = new Set<string>();
for (const row of await b.db.query<{ id: number; idempotency_key: string; topic: string }>('SELECT id, idempotency_key, topic FROM outbox')) {
  rows.set(row.idempotency_key, row.id);
  topics.add(row.topic);
}
const recording: OutboxHandler = async (_payload, ctx) => {
  ran.push(rows.get(ctx.idempotencyKey) ?? -1);
  return delivered();
};
const worker = createOutboxWorker({
  db: b.db, clock: b.services.clock, workerId: `scale:${process.pid}`, batchSize: 50, concurrency: 2,
  handlers: Object.fromEntries([...topics].map((topic) => [topic, recording])),
});
worker.start();
await expectLine('stop');
await worker.stop();
send({ type: 'delivered', ids: ran });
await b.close();
process.exit(0);
