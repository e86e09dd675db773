/**
 * Submission benchmark on PostgreSQL: N complete drafts of a free service submitted through
 * `drafts.submit` by C concurrent workers, against a baseline measured in the same run, on the same
 * pool, with the same concurrency — the same `cases` rows written by one bare `INSERT INTO cases`
 * each (new ids, numbers and keys). What a submission adds on top of its row (the draft's lock, the
 * checks, the hash, the case history, the audit chain, the outbox) is the ratio. The drafts are
 * made by --persons citizens in turn (draft i by citizen i mod persons), as submissions from many
 * people are; the baseline's rows are the same rows, so of the same people.
 *   npm run bench:submission -- [--drafts 2000] [--persons 250] [--concurrency 16] [--pool <concurrency + 4>] [--seal-interval 1000] [--rounds 4]
 * The two are measured in --rounds alternating rounds (a share of the drafts submitted, then their
 * rows inserted again), and summed: what drifts during a run (autovacuum, a checkpoint, other work
 * on the machine) then weighs on both alike.
 * The audit sealer runs as in the portal (--seal-interval ms, 1000); the seal lag is the time from a
 * submission's commit to the commit of the first signed checkpoint that holds its audit entry.
 * BENCH_PROFILE_DIR=<dir> writes a CPU profile of this process during the submissions there.
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/test); the benchmark
 * works in a fresh schema and drops it. Not a timed test: it prints numbers, it does not fail on them.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';

import { cpuMeter, type CpuUse } from '../catalogue/cpu.ts';
import { profiled } from '../profile/phase.ts';
import { type Bench, benchServices, citizenOf, completeDraft, freshSchema, percentile, pool, SERVICE } from './setup.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const drafts = Number(arg('--drafts', '2000'));
const persons = Math.max(1, Math.min(drafts, Number(arg('--persons', '250'))));
const concurrency = Number(arg('--concurrency', '16'));
// Each submission holds a connection for its transaction and, inside it, may ask the pool for one
// more (a catalogue read): with no more connections than concurrent submissions the pool can starve.
const poolSize = Number(arg('--pool', String(concurrency + 4)));
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const STALL_MS = 15_000;
/** The benchmark's connections name themselves, so the CPU of their PostgreSQL backends can be measured. */
const APPLICATION_NAME = 'bench_submission';
/** How often the audit sealer runs during the submissions (AUDIT_SEAL_INTERVAL_MS, the portal's default). */
const sealIntervalMs = Number(arg('--seal-interval', '1000'));
const rounds = Math.max(1, Math.min(drafts, Number(arg('--rounds', '4'))));

interface Measured {
  readonly name: string;
  readonly count: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU milliseconds a row: this process (the services, the pool, the sealer) and its PostgreSQL backends. */
  readonly cpu: CpuUse;
}

type Meter = Awaited<ReturnType<typeof cpuMeter>>;

/** What rounds of one kind of work add up to. */
interface Tally {
  latencies: number[];
  seconds: number;
  cpu: CpuUse;
}
const emptyTally = (): Tally => ({ latencies: [], seconds: 0, cpu: { portal: 0, database: 0 } });
function add(t: Tally, latencies: readonly number[], seconds: number, cpu: CpuUse): void {
  t.latencies.push(...latencies);
  t.seconds += seconds;
  t.cpu = { portal: t.cpu.portal + cpu.portal, database: t.cpu.database + cpu.database };
}

function measured(name: string, t: Tally): Measured {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  const each = (s: number) => (s * 1000) / t.latencies.length;
  return { name, count: t.latencies.length, seconds: t.seconds, perSecond: t.latencies.length / t.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpu: { portal: each(t.cpu.portal), database: each(t.cpu.database) } };
}

/** Runs the work and fails loudly when nothing finishes for STALL_MS (a starved pool never recovers). */
async function watched<T>(label: string, work: (progress: () => void) => Promise<T>): Promise<T> {
  let done = 0;
  let seen = -1;
  const timer = setInterval(() => {
    if (done === seen) {
      console.error(`\n${label}: no progress for ${STALL_MS / 1000} s after ${done} done, with ${concurrency} workers on a pool of ${poolSize}: stalled.`);
      console.error('Each submission holds a pooled connection for its transaction and waits inside it for another (the catalogue read): rerun with --pool above --concurrency.');
      console.error('The schema is left in place (its transactions still hold locks): drop it by hand.');
      process.exit(2);
    }
    seen = done;
  }, STALL_MS);
  try {
    return await work(() => done++);
  } finally {
    clearInterval(timer);
  }
}

/**
 * The audit sealer as the portal runs it, every `sealIntervalMs`, noting when each of its runs
 * committed and the tree size it signed: a submission's entry is in a signed checkpoint from the first
 * run whose checkpoint covers its leaf.
 */
function runSealer(b: Bench): { stop: () => Promise<Array<{ at: number; treeSize: number }>> } {
  const signed: Array<{ at: number; treeSize: number }> = [];
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= b.services.auditLog.seal().then((r) => {
      if (r.checkpoint !== null) {
        signed.push({ at: performance.now(), treeSize: r.checkpoint.treeSize });
      }
    }).finally(() => { running = null; });
  };
  const timer = setInterval(tick, sealIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      const r = await b.services.auditLog.seal(); // whatever the last interval left
      if (r.checkpoint !== null) {
        signed.push({ at: performance.now(), treeSize: r.checkpoint.treeSize });
      }
      return signed;
    },
  };
}

/** One round of submissions, the sealer running as in the portal; the seal lag of each is added to `sealLag`. */
async function submitRound(b: Bench, meter: Meter, ids: readonly string[], offset: number, tally: Tally, sealLag: number[]): Promise<{ statements: number; caseIds: string[] }> {
  const committed = new Map<string, number>();
  const caseIds: string[] = [];
  const sealer = runSealer(b);
  const before = b.db.statements();
  const cpuBefore = await meter.read();
  const started = performance.now();
  const latencies = await watched('drafts.submit', (progress) =>
    pool(ids, concurrency, async (id, j) => {
      const i = offset + j;
      const r = await b.services.drafts.submit(citizenOf(b, i), id, { idempotencyKey: `bench-${i}`, declared: true, channel: 'web', lang: 'uk' });
      if (!r.ok) {
        throw new Error(`submission ${i} refused: ${r.error.code}`);
      }
      committed.set(id, performance.now());
      caseIds.push(r.value.id);
      progress();
    }));
  add(tally, latencies, (performance.now() - started) / 1000, meter.since(cpuBefore, await meter.read()));
  const statements = b.db.statements() - before;
  const signed = await sealer.stop();
  const leaves = await b.db.query<{ draft: string; leaf: number | null }>(
    "SELECT detail->>'draftId' AS draft, leaf_index::int AS leaf FROM audit_events WHERE action = 'application.submit' AND detail->>'draftId' = ANY($1::text[])", [ids]);
  for (const l of leaves) {
    const at = signed.find((s) => l.leaf !== null && s.treeSize > l.leaf)?.at;
    const commit = committed.get(l.draft);
    if (at === undefined || commit === undefined) {
      throw new Error(`the submission of draft ${l.draft} is in no signed checkpoint`);
    }
    sealLag.push(Math.max(0, at - commit));
  }
  return { statements, caseIds };
}

const COLUMNS = [
  'id', 'number', 'service_id', 'service_version', 'organisation_id', 'state', 'clock_paused', 'outcome', 'channel', 'applicant_person_id',
  'applicant_name', 'party_kind', 'party_id', 'party_name', 'lang', 'answers', 'answers_sha256', 'fee_cost_id', 'fee_amount', 'fee_status',
  'documents_complete', 'term_days', 'term_unit', 'silent_consent', 'submitted_at', 'term_started_on', 'due_on', 'idempotency_key', 'updated_at', 'version',
] as const;
const INSERT = `INSERT INTO cases (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c, i) => `$${i + 1}${c === 'answers' ? '::jsonb' : ''}`).join(', ')})`;

/** The rows a round of submissions wrote, inserted again (new id, number and key), one statement each. */
async function insertRound(b: Bench, meter: Meter, caseIds: readonly string[], offset: number, tally: Tally): Promise<void> {
  const rows = await b.db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS.map((c) => (c === 'term_started_on' || c === 'due_on' ? `${c}::text AS ${c}` : c)).join(', ')} FROM cases WHERE id = ANY($1::uuid[]) ORDER BY number`, [caseIds],
  );
  const cpuBefore = await meter.read();
  const started = performance.now();
  const latencies = await watched('INSERT INTO cases', (progress) =>
    pool(rows, concurrency, async (row, j) => {
      const i = offset + j;
      const copy: Record<string, unknown> = { ...row, id: randomUUID(), number: `${String(row['number']).slice(0, 4)}-9${String(i).padStart(6, '0')}`, idempotency_key: `raw-${i}` };
      await b.db.query(INSERT, COLUMNS.map((c) => (c === 'answers' ? JSON.stringify(copy[c]) : copy[c])));
      progress();
    }));
  add(tally, latencies, (performance.now() - started) / 1000, meter.since(cpuBefore, await meter.read()));
}

const schema = await freshSchema(serverUrl);
const url = new URL(schema.url);
url.searchParams.set('application_name', APPLICATION_NAME);
const meter = await cpuMeter(process.pid, url.toString(), APPLICATION_NAME);
let bench: Bench | null = null;
try {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`# Submission benchmark: ${drafts} drafts of ${SERVICE} by ${persons} citizens, ${concurrency} workers, pool of ${poolSize}, audit sealer every ${sealIntervalMs} ms, ${rounds} rounds, PostgreSQL`);
  console.log(`   load average at start: ${load()}`);
  bench = await benchServices(url.toString(), poolSize, persons);
  const b = bench;
  const prepared = performance.now();
  const ids = new Array<string>(drafts);
  await pool(Array.from({ length: drafts }, (_, i) => i), concurrency, async (i) => {
    ids[i] = await completeDraft(b, citizenOf(b, i));
  });
  console.log(`   ${drafts} complete drafts prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s (start and two pages each, through the services)`);

  const submissions = emptyTally();
  const inserts = emptyTally();
  const sealLag: number[] = [];
  let statementsSent = 0;
  const perRound = Math.ceil(drafts / rounds);
  for (let r = 0; r * perRound < drafts; r++) {
    const offset = r * perRound;
    const share = ids.slice(offset, offset + perRound);
    const { statements, caseIds } = await profiled(`submissions-${r + 1}`, () => submitRound(b, meter, share, offset, submissions, sealLag));
    statementsSent += statements;
    await insertRound(b, meter, caseIds, offset, inserts);
  }
  const statements = statementsSent / drafts;
  const [cases] = await b.db.query<{ n: number; keys: number }>("SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys FROM cases WHERE idempotency_key LIKE 'bench-%'");
  if (cases?.n !== drafts || cases.keys !== drafts) {
    throw new Error(`expected ${drafts} cases under ${drafts} keys, found ${cases?.n} under ${cases?.keys}`);
  }
  const baseline = measured('baseline: INSERT INTO cases', inserts);
  const submitted = measured('drafts.submit (the service)', submissions);
  const table = [
    '| measured | rows | seconds | per second | p50 ms | p99 ms | ÷ INSERT | CPU ms a row: this process + its PostgreSQL backends |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...[baseline, submitted].map((m) =>
      `| ${m.name} | ${m.count} | ${m.seconds.toFixed(2)} | ${m.perSecond.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${((m.perSecond / baseline.perSecond) * 100).toFixed(1)}% | ${m.cpu.portal.toFixed(2)} + ${m.cpu.database.toFixed(2)} |`),
  ];
  console.log(`\n${table.join('\n')}\n`);
  console.log(`A submission costs ${(baseline.perSecond / submitted.perSecond).toFixed(1)} bare inserts of its row; ${statements.toFixed(1)} statements each (the INSERT: 1).`);
  const lag = [...sealLag].sort((x, y) => x - y);
  console.log(`Seal lag (commit → in a signed checkpoint), ${lag.length} submissions: p50 ${percentile(lag, 50).toFixed(0)} ms, p99 ${percentile(lag, 99).toFixed(0)} ms, max ${(lag.at(-1) ?? NaN).toFixed(0)} ms.`);
  console.log(`   load average at end: ${load()}`);
} finally {
  await bench?.close();
  await meter.close();
  await schema.drop();
}
