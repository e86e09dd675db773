/**
 * What a relay of the outbox to NATS JetStream would cost on this machine, before any send: the
 * figure for ADR 0017. Not part of the portal.
 *   DATABASE_URL=postgres://… NATS_URL=nats://127.0.0.1:4222 npm run bench:notifications:nats -- [--n 100000] [--batch 50] [--concurrency 4]
 * In one run, on a database of its own (created, migrated, dropped), two loops over the same burst of
 * N notice deliveries as `bench:notifications` commits (`seedBurst`, transactions of 1,000):
 * - **bare**: the outbox worker (`createOutboxWorker`, this process) claims and marks done, sends nothing;
 * - **relay**: the same worker, whose handler for every topic publishes the batch's messages to a
 *   JetStream stream with the idempotency key as `Nats-Msg-Id` (the stream drops a repeat within its
 *   duplicate window) and counts a message delivered on the stream's acknowledgement; a durable pull
 *   consumer with explicit acks, in this process too, acknowledges each message without sending it.
 * Latency: commit to done_at (bare), commit to the consumer's receipt (relay). Duplicates: keys the
 * consumer received twice.
 */
import { loadavg } from 'node:os';

import { AckPolicy, connect, type JetStreamClient } from 'nats';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { batchHandler, createOutboxWorker, delivered, type DeliveryOutcome, type OutboxItem, retryLater } from '../../src/platform/outbox/index.ts';
import { percentile, scratchDatabase, seedBurst, until } from './setup.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const n = Number(arg('--n', '100000'));
const batchSize = Number(arg('--batch', '50'));
const concurrency = Number(arg('--concurrency', '4'));
const serverUrl = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
if (!serverUrl) {
  console.error('bench:notifications:nats needs PostgreSQL: set DATABASE_URL (or TEST_DATABASE_URL)');
  process.exit(2);
}
const STREAM = `BENCH_OUTBOX_${process.pid}`;
const SUBJECT = `bench.outbox.${process.pid}`;

const scratch = await scratchDatabase(serverUrl, 'bench_nats');
const dbUrl = scratch.url;
const db = await openDatabase({ url: dbUrl, dataDir: null, poolSize: concurrency + 2 });
const nc = await connect({ servers: natsUrl });
const jsm = await nc.jetstreamManager();

/** Publishes each item with its key as Nats-Msg-Id; delivered once the stream has stored it. */
function publisher(js: JetStreamClient, topic: string) {
  const one = async (payload: unknown, key: string): Promise<DeliveryOutcome> => {
    try {
      await js.publish(`${SUBJECT}.${topic}`, JSON.stringify({ key, payload }), { msgID: key });
      return delivered();
    } catch (error) {
      return retryLater(`publish failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return batchHandler((payload, ctx) => one(payload, ctx.idempotencyKey), (items: readonly OutboxItem[]) => Promise.all(items.map((i) => one(i.payload, i.ctx.idempotencyKey))));
}

async function run(mode: 'bare' | 'relay'): Promise<{ seconds: number; latencies: number[]; duplicates: number }> {
  await db.exec('TRUNCATE outbox CASCADE');
  const received = new Map<string, number>();
  let duplicates = 0;
  let consumed: Promise<void> = Promise.resolve();
  let stopConsumer = () => undefined as unknown;
  let handlers;
  if (mode === 'relay') {
    await jsm.streams.add({ name: STREAM, subjects: [`${SUBJECT}.>`], duplicate_window: 120 * 1e9 });
    await jsm.consumers.add(STREAM, { durable_name: 'senders', ack_policy: AckPolicy.Explicit, max_ack_pending: 20_000 });
    const js = nc.jetstream();
    const consumer = await js.consumers.get(STREAM, 'senders');
    const messages = await consumer.consume({ max_messages: 1000 });
    stopConsumer = () => messages.stop();
    consumed = (async () => {
      for await (const m of messages) {
        const { key } = m.json<{ key: string }>();
        if (received.has(key)) {
          duplicates++;
        } else {
          received.set(key, Date.now());
        }
        m.ack();
      }
    })();
    handlers = { 'notice.email': publisher(js, 'notice.email'), 'notice.sms': publisher(js, 'notice.sms') };
  } else {
    const none = batchHandler(() => Promise.resolve(delivered()), (items) => Promise.resolve(items.map(() => delivered())));
    handlers = { 'notice.email': none, 'notice.sms': none };
  }
  const worker = createOutboxWorker({ db, clock: systemClock, workerId: `bench:${mode}`, batchSize, concurrency, pollMs: 100, handlers });
  worker.start();
  const committed = await seedBurst(db, { run: mode, from: 1, count: n });
  const drained = async () => (await db.query<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM outbox WHERE done_at IS NULL AND dead_at IS NULL) AS pending'))[0]?.pending === false;
  await until(drained, 3_600_000, `${mode}: the outbox drained`, 250);
  await worker.stop();
  let latencies: number[];
  let seconds: number;
  if (mode === 'relay') {
    await until(() => received.size >= n, 600_000, 'relay: every message consumed', 100);
    stopConsumer();
    await consumed;
    const first = Math.min(...committed.values());
    seconds = (Math.max(...received.values()) - first) / 1000;
    latencies = [...committed].map(([key, at]) => (received.get(key) ?? NaN) - at);
    await jsm.streams.delete(STREAM);
  } else {
    const [span] = await db.query<{ seconds: number }>('SELECT extract(epoch FROM max(done_at) - min(created_at))::float8 AS seconds FROM outbox');
    seconds = span?.seconds ?? NaN;
    latencies = (await db.query<{ ms: number }>('SELECT (extract(epoch FROM done_at - created_at) * 1000)::float8 AS ms FROM outbox')).map((r) => r.ms);
  }
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, duplicates };
}

try {
  await migrate(db, MIGRATIONS_DIR);
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`# Outbox relay to NATS JetStream, no sends: ${n} notice deliveries, batches of ${batchSize}, ${concurrency} in flight, one process`);
  console.log(`load average at start: ${load()}`);
  const rows: string[] = [];
  let bareRate = NaN;
  for (const mode of ['bare', 'relay'] as const) {
    const m = await run(mode);
    const rate = n / m.seconds;
    if (mode === 'bare') {
      bareRate = rate;
    }
    const within = m.latencies.filter((ms) => ms <= 10_000).length / m.latencies.length;
    rows.push(`| ${mode === 'bare' ? 'bare claim-and-mark, no-op' : 'relay: claim, publish to JetStream, mark; consumer acks, no-op'} | ${n} | ${m.seconds.toFixed(2)} | ${rate.toFixed(0)} | ${(within * 100).toFixed(1)}% | ${percentile(m.latencies, 50).toFixed(0)} | ${percentile(m.latencies, 95).toFixed(0)} | ${percentile(m.latencies, 99).toFixed(0)} | ${m.duplicates} | ${((rate / bareRate) * 100).toFixed(1)}% |`);
    console.log(rows.at(-1));
  }
  console.log(['', '| measured | messages | seconds | per second | within 10 s | p50 ms | p95 ms | p99 ms | duplicates | ÷ bare |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|', ...rows, '', `load average at end: ${load()}`].join('\n'));
} finally {
  await nc.drain();
  await db.close();
  await scratch.drop();
}
