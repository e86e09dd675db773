/**
 * Notification delivery benchmark on PostgreSQL: a burst of N notice deliveries (`notice.email` and
 * `notice.sms` in turn, as case notices fan out to them) committed to the outbox in transactions of
 * 1,000, delivered by 1 and then 2 outbox worker processes (`createOutboxWorker`, handlers that post
 * each notice with its idempotency key to a local stand-in for the SMTP relay and the SMS gateway).
 * Per message: commit time (after its transaction committed) and send time (when the stand-in got
 * it). Baseline, in the same run, on the same outbox, with the same number of processes: a bare loop
 * that claims a batch and marks every row done, sending nothing.
 *   npm run bench:notifications -- [--n 100000] [--batch 50] [--workers 1,2] [--modes bare,deliver] [--sink separate|process|inline] [--rate 0]
 * The stand-ins run in processes of their own by default (`--sink separate`: SMTP and gateway one each).
 * DATABASE_URL (or TEST_DATABASE_URL) names the server; the benchmark creates a database of its own,
 * migrates it and drops it at the end. Not a timed test: it prints numbers, it does not fail on them.
 */
import { loadavg } from 'node:os';


import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { percentile, type RemoteSink, scratchDatabase, seedBurst, startRemoteSink, startWorker, stopWorker, until, type WorkerProcess } from './setup.ts';
import { startSink } from './sink.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const n = Number(arg('--n', '100000'));
const batch = arg('--batch', '50');
const concurrency = arg('--concurrency', '4');
const smtpConnections = arg('--smtp-connections', '5');
const processCounts = arg('--workers', '1,2').split(',').map(Number);
/** Where the stand-ins run: `separate` (SMTP and gateway in a process each, the default), `process` (both in one other process), `inline` (in the benchmark's own). */
const sinkMode = arg('--sink', 'separate');
/** `--rate r` commits the burst at r messages a second (chunks of 1,000 on their turn); 0, the default, as fast as the server takes them. */
const rate = Number(arg('--rate', '0'));
/** `bare` alone measures the outbox without sends (for a large N, where the sends would take an hour). */
const modes = arg('--modes', 'bare,deliver').split(',').filter((m): m is 'bare' | 'deliver' => m === 'bare' || m === 'deliver');
const serverUrl = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
if (!serverUrl) {
  console.error('bench:notifications needs PostgreSQL: set DATABASE_URL (or TEST_DATABASE_URL), e.g. postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}
const WITHIN_MS = 10_000;

interface Measured {
  readonly label: string;
  readonly workers: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Commit to send (deliver) or to done_at (bare), in ms, sorted. */
  readonly latencies: number[];
  readonly duplicates: number;
  readonly dead: number;
}

const scratch = await scratchDatabase(serverUrl, 'bench_notifications');
const dbUrl = scratch.url;
const db = await openDatabase({ url: dbUrl, dataDir: null, poolSize: 4 });

async function scenario(mode: 'bare' | 'deliver', workers: number): Promise<Measured> {
  await db.exec('TRUNCATE outbox, sms_messages CASCADE');
  const sink: RemoteSink = sinkMode === 'inline'
    ? await startSink().then((local) => ({ ...local, receipts: () => Promise.resolve(local.receipts) }))
    : await startRemoteSink(sinkMode === 'separate');
  const procs: WorkerProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) {
      procs.push(await startWorker(dbUrl, sink, ['--mode', mode, '--batch', batch, '--concurrency', concurrency, '--smtp-connections', smtpConnections]));
    }
    const committed = await seedBurst(db, { run: `${mode}${workers}`, from: 1, count: n, perSecond: rate });
    // Drained: no pending row. An EXISTS every 250 ms (a count of the backlog every 50 ms cost the
    // server as much as a worker's own claims at N=100,000, and competed with what is measured).
    const drained = async () => (await db.query<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM outbox WHERE done_at IS NULL AND dead_at IS NULL) AS pending'))[0]?.pending === false;
    await until(drained, 3_600_000, `${mode} with ${workers} workers: the outbox drained`, 250);
    const [span] = await db.query<{ seconds: number; dead: number }>(
      'SELECT extract(epoch FROM max(done_at) - min(created_at))::float8 AS seconds, count(dead_at)::int AS dead FROM outbox',
    );
    const seconds = span?.seconds ?? NaN;
    let latencies: number[];
    let duplicates = 0;
    if (mode === 'deliver') {
      // Every send of every key, first send per key for latency; a repeated key is a duplicate.
      const first = new Map<string, number>();
      const receipts = await sink.receipts();
      for (const r of receipts) {
        if (first.has(r.key)) {
          duplicates++;
        } else {
          first.set(r.key, r.at);
        }
      }
      const keysPerMessage = new Map<string, Set<string>>();
      for (const r of receipts) {
        keysPerMessage.set(r.message, (keysPerMessage.get(r.message) ?? new Set()).add(r.key));
      }
      duplicates += [...keysPerMessage.values()].reduce((sum, keys) => sum + keys.size - 1, 0);
      const missing = [...committed.keys()].filter((k) => !first.has(k)).length;
      if (missing > 0) {
        throw new Error(`${missing} messages marked done were never sent`);
      }
      latencies = [...committed].map(([key, at]) => (first.get(key) ?? NaN) - at);
    } else {
      const rows = await db.query<{ ms: number }>('SELECT (extract(epoch FROM done_at - created_at) * 1000)::float8 AS ms FROM outbox');
      latencies = rows.map((r) => r.ms);
    }
    latencies.sort((a, b) => a - b);
    return { label: mode === 'bare' ? 'bare claim-and-mark, no-op' : 'outbox worker → stand-in', workers, seconds, perSecond: n / seconds, latencies, duplicates, dead: span?.dead ?? -1 };
  } finally {
    await Promise.all(procs.map(stopWorker));
    await sink.close();
  }
}

try {
  await migrate(db, MIGRATIONS_DIR);
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`# Notification delivery benchmark: ${n} notice deliveries (email and SMS in turn), batches of ${batch}, ${concurrency} in flight per process, ${smtpConnections} SMTP connections per process, stand-ins: ${sinkMode}, committed ${rate > 0 ? `at ${rate} a second` : 'as fast as the server takes them'}, PostgreSQL`);
  console.log(`load average at start: ${load()}`);
  const rows: string[] = [];
  for (const workers of processCounts) {
    const bare = await scenario('bare', workers);
    const measured = modes.includes('deliver') ? [bare, await scenario('deliver', workers)] : [bare];
    for (const m of measured) {
      const within = m.latencies.filter((ms) => ms <= WITHIN_MS).length / m.latencies.length;
      rows.push(`| ${m.label} | ${m.workers} | ${n} | ${m.seconds.toFixed(2)} | ${m.perSecond.toFixed(0)} | ${(within * 100).toFixed(1)}% | ${percentile(m.latencies, 50).toFixed(0)} | ${percentile(m.latencies, 95).toFixed(0)} | ${percentile(m.latencies, 99).toFixed(0)} | ${m.duplicates} | ${m.dead} | ${((m.perSecond / bare.perSecond) * 100).toFixed(1)}% |`);
    }
    console.log(`   ${workers} worker process${workers > 1 ? 'es' : ''}: done\n${rows.slice(-measured.length).join('\n')}`);
  }
  console.log([
    '',
    '| measured | processes | messages | seconds | per second | within 10 s | p50 ms | p95 ms | p99 ms | duplicates | dead | ÷ bare |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'seconds: first commit to last done_at. Latency: commit to send (worker), commit to done_at (bare).',
    'duplicates: sends of a key already sent, plus extra keys for one message.',
    `load average at end: ${load()}`,
  ].join('\n'));
} finally {
  await db.close();
  await scratch.drop();
}
