/**
 * The public performance figures at scale, on a PostgreSQL database seeded with `seed:scale`:
 *   DATABASE_URL=postgres://… npm run bench:performance -- [--events 1000,10000,100000] [--requests 400] [--concurrency 8] [--port 3990] [--parts refresh,pages]
 *
 * 1. The refresh job. First, if the aggregates' watermark is behind the case events (a fresh seed), the
 *    job's own refresh folds the whole history in large batches (timed: the first run on an existing
 *    database). Then, for each N of `--events`, N new case events are written (copies of the latest
 *    events, dated now) and one run of the job as it runs in the portal (`refresh()`) is timed, with the
 *    rows it read: the scans of `cases` and `case_events` it made (pg_stat_user_tables), and, on one
 *    more batch of N, the plan of every statement of the run (EXPLAIN (ANALYZE, BUFFERS), the writes in a
 *    savepoint rolled back).
 * 2. The pages. A portal process (as `npm start` starts it, jobs off) answers, with `--concurrency`
 *    clients, `--requests` requests of each: /healthz (the baseline), the national, an agency's and a
 *    service's performance page and the open data's CSV and JSON. Twice: as served between refreshes
 *    (the figures cached for the aggregates' generation), and with the generation moved before every
 *    request (each page recomputes from the aggregates' roll-ups, as the first request after a refresh
 *    does; each open-data file is read from the files the job stored, moved to the new generation).
 *    p50/p95/p99 per page and the ratio of its p95 to the baseline's.
 * 3. The plan of every statement a page reads on a cache miss (EXPLAIN (ANALYZE, BUFFERS)).
 * Not a timed test: it prints numbers and fails on none.
 */
import { loadavg } from 'node:os';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { createPerformanceService, type PerformanceService } from '../../src/modules/performance/index.ts';
import type { Database, Queryable, Row } from '../../src/platform/db/database.ts';
import { startServer } from '../catalogue/server.ts';
import { percentile } from '../notifications/setup.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const url = process.env['DATABASE_URL'];
if (url === undefined || url === '') {
  process.stderr.write('DATABASE_URL must name a PostgreSQL database seeded with `npm run seed:scale`.\n');
  process.exit(2);
}
const eventSizes = arg('--events', '1000,10000,100000').split(',').map(Number);
const requests = Number(arg('--requests', '400'));
const concurrency = Number(arg('--concurrency', '8'));
const port = Number(arg('--port', '3990'));
const parts = arg('--parts', 'refresh,pages').split(',');
const out = (text: string) => process.stdout.write(text);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Plans of every statement run through it: EXPLAIN (ANALYZE, BUFFERS) first (writes in a savepoint rolled back), then the statement itself. */
function explaining(q: Queryable, plans: string[]): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const reads = /^\s*SELECT/i.test(sql) && !/FOR UPDATE/i.test(sql);
      const writes = /^\s*(INSERT|UPDATE|DELETE)/i.test(sql);
      if (reads || writes) {
        if (writes) { await q.query('SAVEPOINT explain'); }
        const plan = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        if (writes) { await q.query('ROLLBACK TO SAVEPOINT explain'); }
        plans.push(`    ${sql.replace(/\s+/g, ' ').slice(0, 150)}…\n${plan.map((r) => `      ${r['QUERY PLAN']}`).join('\n')}`);
      }
      return q.query<T>(sql, params);
    },
  };
}

function explainingDatabase(db: Database, plans: string[]): Database {
  const q = explaining(db, plans);
  return {
    kind: db.kind,
    query: (sql, params) => q.query(sql, params),
    transaction: (work) => db.transaction((tx) => work(explaining(tx, plans))),
    exec: (sql) => db.exec(sql),
    withLock: (key, work) => db.withLock(key, work),
    close: () => db.close(),
  };
}

/** The scans of the two big tables so far (the statistics collector's counters). */
async function scans(db: Queryable): Promise<Map<string, { seq: number; seqRows: number; idx: number; idxRows: number }>> {
  await new Promise((r) => setTimeout(r, 1500)); // the backends report their counters when idle, within a second
  const rows = await db.query<{ relname: string; seq: string; seq_rows: string; idx: string; idx_rows: string }>(
    `SELECT relname, seq_scan::text AS seq, seq_tup_read::text AS seq_rows, coalesce(idx_scan, 0)::text AS idx, coalesce(idx_tup_fetch, 0)::text AS idx_rows
       FROM pg_stat_user_tables WHERE relname IN ('cases', 'case_events')`,
  );
  return new Map(rows.map((r) => [r.relname, { seq: Number(r.seq), seqRows: Number(r.seq_rows), idx: Number(r.idx), idxRows: Number(r.idx_rows) }]));
}

async function addEvents(db: Queryable, n: number): Promise<void> {
  await db.query(
    `INSERT INTO case_events (case_id, event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, at)
     SELECT case_id, event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, now()
       FROM (SELECT * FROM case_events ORDER BY id DESC LIMIT $1) latest ORDER BY id`,
    [n],
  );
}

const config = loadConfig({ ...process.env, DATABASE_URL: url, SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
const services = await buildServices(config);
const { db } = services;
const performanceWith = (d: Database, reads: Queryable = d): PerformanceService =>
  createPerformanceService({ db: d, reads, clock: systemClock, publicUrl: config.publicUrl, catalogueRecords: () => services.catalogue.exportRecords() });

try {
  const [counts] = await db.query<{ cases: string; events: string; last_id: string; max_id: string }>(
    `SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'cases')::text AS cases, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'case_events')::text AS events,
            (SELECT last_id FROM performance_refresh WHERE source = 'case-events')::text AS last_id, (SELECT coalesce(max(id), 0) FROM case_events)::text AS max_id`,
  );
  if (counts === undefined || Number(counts.cases) < 1) {
    throw new Error('no cases: seed the database first (npm run seed:scale)');
  }
  out(`# Public performance at scale\n\nabout ${Number(counts.cases).toLocaleString('en')} cases, ${Number(counts.events).toLocaleString('en')} case events (planner's estimates); load average ${load()}\n\n`);

  // 1. The refresh job.
  const performance = performanceWith(db);
  if (Number(counts.last_id) < Number(counts.max_id)) {
    const behind = Number(counts.max_id) - Number(counts.last_id);
    out(`## First fold of the seeded history (${behind.toLocaleString('en')} events behind the watermark)\n\n`);
    const t0 = process.hrtime.bigint();
    const summary = await performance.refresh({ batch: 50_000, maxBatches: 1_000_000 });
    const took = ms(t0) / 1000;
    out(`refresh({ batch: 50000 }): ${summary.caseEvents.toLocaleString('en')} events folded in ${took.toFixed(1)} s (${Math.round(summary.caseEvents / took).toLocaleString('en')} a second), snapshot written: ${summary.snapshot}; load average ${load()}\n\n`);
  }
  const [agg] = await db.query<{ days: string; durations: string; case_months: string; duration_months: string }>(
    `SELECT (SELECT count(*) FROM performance_case_days)::text AS days, (SELECT count(*) FROM performance_durations)::text AS durations,
            (SELECT count(*) FROM performance_case_months)::text AS case_months, (SELECT count(*) FROM performance_duration_months)::text AS duration_months`,
  );
  out(`aggregates: ${agg?.days} rows of performance_case_days, ${agg?.durations} of performance_durations; roll-ups: ${agg?.case_months} rows of performance_case_months, ${agg?.duration_months} of performance_duration_months\n\n`);
  {
    // The job's rendering of the open-data files for a new generation (once per generation, for every process).
    await db.query("UPDATE performance_refresh SET generation = generation + 1 WHERE source = 'recounts'");
    const t0 = process.hrtime.bigint();
    const summary = await performance.refresh();
    out(`one run of the job with nothing new to fold, rendering and storing the open-data files: ${ms(t0).toFixed(0)} ms (files written: ${summary.files}); load average ${load()}\n\n`);
  }

  if (parts.includes('refresh')) {
    out('## One run of the job after N new case events\n\n');
    out('| new events | refresh ms | events folded | seq scans of cases / case_events | rows read by index: cases / case_events | load average |\n|---:|---:|---:|---:|---:|---|\n');
    await performance.refresh(); // today's snapshot and recounts done, so each run below is the fold alone
    for (const n of eventSizes) {
      await addEvents(db, n);
      const before = await scans(db);
      const t0 = process.hrtime.bigint();
      const summary = await performance.refresh();
      const took = ms(t0);
      const after = await scans(db);
      const d = (t: string, k: 'seq' | 'idxRows') => (after.get(t)?.[k] ?? 0) - (before.get(t)?.[k] ?? 0);
      // a run folds at most 20 batches of 5,000: what is left waits for the next run
      out(`| ${n.toLocaleString('en')} | ${took.toFixed(0)} | ${summary.caseEvents.toLocaleString('en')} | ${d('cases', 'seq')} / ${d('case_events', 'seq')} | ${d('cases', 'idxRows').toLocaleString('en')} / ${d('case_events', 'idxRows').toLocaleString('en')} | ${load()} |\n`);
      while ((await performance.refresh()).caseEvents > 0) { /* the rest of a large N */ }
    }
    const refreshPlans: string[] = [];
    await addEvents(db, eventSizes[0] ?? 1000);
    await performanceWith(explainingDatabase(db, refreshPlans)).refresh();
    out(`\nPlans of one run after ${(eventSizes[0] ?? 1000).toLocaleString('en')} new events (EXPLAIN (ANALYZE, BUFFERS); the writes rolled back to a savepoint, then run):\n\n\`\`\`\n${refreshPlans.join('\n')}\n\`\`\`\n\n`);
  }
  if (!parts.includes('pages')) {
    process.exit(0);
  }

  // 2. The pages over HTTP.
  const [sample] = await db.query<{ agency: string; service: string }>(
    `SELECT (SELECT organisation_id FROM performance_case_days GROUP BY 1 ORDER BY sum(submitted) DESC LIMIT 1) AS agency,
            (SELECT service_id FROM performance_case_days GROUP BY 1 ORDER BY sum(submitted) DESC LIMIT 1) AS service`,
  );
  const pages: Array<[string, string]> = [
    ['baseline: /healthz', '/healthz'],
    ['national page', '/uk/performance'],
    [`agency page (${sample?.agency})`, `/uk/performance/agencies/${sample?.agency}`],
    [`service page (${sample?.service})`, `/uk/performance/services/${sample?.service}`],
    ['open data: decisions.csv', '/open-data/decisions.csv'],
    ['open data: decisions.json', '/open-data/decisions.json'],
    ['open data: applications.csv', '/open-data/applications.csv'],
  ];
  const server = await startServer({ DATABASE_URL: url, JOB_INTERVAL_SECONDS: '0', DB_POOL_SIZE: '10' }, port);
  try {
    for (const missed of [false, true]) {
      out(`## Pages over HTTP, ${missed ? 'the aggregates\' generation moved before every request (recomputed from the aggregates)' : 'as served between refreshes (figures cached for the generation)'}\n\n`);
      out(`${concurrency} clients, ${requests} requests a page after ${concurrency * 2} warm-up requests; load average ${load()}\n\n`);
      out('| page | bytes | p50 ms | p95 ms | p99 ms | p95 ÷ baseline p95 |\n|---|---:|---:|---:|---:|---:|\n');
      let base = NaN;
      for (const [name, path] of pages) {
        let bytes = 0;
        const hit = async (): Promise<number> => {
          if (missed) {
            // A new generation, as after a run of the job; the job's files moved to it as if it had rendered them.
            await db.transaction(async (tx) => {
              await tx.query("UPDATE performance_refresh SET generation = generation + 1 WHERE source = 'recounts'");
              await tx.query('LOCK TABLE open_data_files IN SHARE ROW EXCLUSIVE MODE'); // not while the portal stores one it rendered
              await tx.query('DELETE FROM open_data_files WHERE generation < (SELECT max(generation) FROM open_data_files)');
              await tx.query('UPDATE open_data_files SET generation = (SELECT sum(generation) FROM performance_refresh)');
            });
          }
          const t0 = process.hrtime.bigint();
          const res = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
          const body = await res.arrayBuffer();
          const took = ms(t0);
          if (res.status !== 200) {
            throw new Error(`${path} answered ${res.status}`);
          }
          bytes = body.byteLength;
          return took;
        };
        let left = concurrency * 2;
        await Promise.all(Array.from({ length: concurrency }, async () => { while (left-- > 0) { await hit(); } }));
        const times: number[] = [];
        left = requests;
        await Promise.all(Array.from({ length: concurrency }, async () => { while (left-- > 0) { times.push(await hit()); } }));
        times.sort((a, b) => a - b);
        const [p50, p95, p99] = [percentile(times, 50), percentile(times, 95), percentile(times, 99)];
        if (Number.isNaN(base)) { base = p95; }
        out(`| ${name} | ${bytes.toLocaleString('en')} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${p99.toFixed(1)} | ${(p95 / base).toFixed(1)} |\n`);
      }
      out(`\nload average ${load()}\n\n`);
    }
  } finally {
    await server.stop();
  }

  // 3. What a page reads when its figures are not cached.
  const pagePlans: string[] = [];
  const explained = performanceWith(db, explaining(db, pagePlans));
  await explained.figures({ kind: 'nation' });
  await explained.figures({ kind: 'agency', id: sample?.agency ?? '' });
  await explained.figures({ kind: 'service', id: sample?.service ?? '' });
  await explained.openDataFile('decisions.csv');
  out(`## Plans of the reads of the pages and of decisions.csv on a cache miss (EXPLAIN (ANALYZE, BUFFERS))\n\n\`\`\`\n${pagePlans.join('\n')}\n\`\`\`\n`);
} finally {
  await db.close();
}
