/**
 * Case reads at scale on PostgreSQL: for each size, a scratch database migrated and seeded with
 * `seed:scale` (persons a tenth of the cases, businesses a hundredth, as the national figures), then
 * each read of reads.ts (the officers' queue and its filters, a deep queue page, the applicant's
 * lists and cabinet, the case page, the verification page) run many times; p50 and p95 per read,
 * the ratio of its p95 to the baseline's (a primary-key lookup of a case, in the same run), and
 * each statement's plan (EXPLAIN (ANALYZE, BUFFERS): the scans it used and its time).
 *   npm run bench:scale-reads -- [--sizes 100000,1000000] [--runs 300] [--keep] [--reuse URL]
 * DATABASE_URL (or TEST_DATABASE_URL) names the server. `--keep` leaves the scratch databases for
 * a later `--reuse` (one URL, one size); without it they are dropped at the end.
 * Not a timed test: it prints numbers, it does not fail on them.
 */
import { loadavg } from 'node:os';

import { seedScaleCommand } from '../../src/cli/seed-scale.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { percentile, scratchDatabase } from '../notifications/setup.ts';
import { pickSamples, plansOf, reads } from './reads.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const server = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const sizes = arg('--sizes', '100000,1000000').split(',').map(Number);
const runs = Number(arg('--runs', '300'));
const keep = process.argv.includes('--keep');
const reuse = arg('--reuse', '');

type Figures = { p50: number; p95: number };
const results = new Map<string, Map<number, Figures>>();

/** The lines of a plan worth printing: its scans (which index, how many rows) and its time. */
const summary = (plan: string): string =>
  plan.split('\n').filter((l) => /Scan on|Scan using|Execution Time/.test(l)).map((l) => `      ${l.trim()}`).join('\n');

async function measure(url: string, size: number): Promise<void> {
  const db = await openDatabase({ url, dataDir: null, poolSize: 2 });
  try {
    const samples = await pickSamples(db);
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    process.stdout.write(`\n## ${n} cases (load average ${loadavg()[0]?.toFixed(1)})\n\n`);
    const all = reads(samples);
    for (const read of all) {
      for (let i = 0; i < 20; i += 1) {
        await read.run(db, i); // warm the caches and the pool
      }
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const t0 = process.hrtime.bigint();
        await read.run(db, i);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((a, b) => a - b);
      const figures = { p50: percentile(times, 50), p95: percentile(times, 95) };
      results.set(read.name, (results.get(read.name) ?? new Map<number, Figures>()).set(size, figures));
    }
    const base = results.get(all[0]?.name ?? '')?.get(size)?.p95 ?? NaN;
    process.stdout.write('| read | p50 ms | p95 ms | p95 / baseline p95 |\n|---|---:|---:|---:|\n');
    for (const read of all) {
      const f = results.get(read.name)?.get(size);
      process.stdout.write(`| ${read.name} | ${f?.p50.toFixed(2)} | ${f?.p95.toFixed(2)} | ${((f?.p95 ?? NaN) / base).toFixed(1)} |\n`);
    }
    process.stdout.write('\nPlans (EXPLAIN (ANALYZE, BUFFERS), abridged):\n');
    for (const read of all) {
      process.stdout.write(`  ${read.name}\n`);
      for (const plan of await plansOf(db, read)) {
        process.stdout.write(`${summary(plan)}\n`);
      }
    }
  } finally {
    await db.close();
  }
}

if (reuse !== '') {
  await measure(reuse, 0);
} else {
  for (const size of sizes) {
    const scratch = await scratchDatabase(server, `scale_reads_${size}`);
    try {
      const started = Date.now();
      const code = await seedScaleCommand(['--persons', String(Math.max(1000, size / 10)), '--organisations', String(size / 100), '--cases', String(size)], {
        env: { ...process.env, DATABASE_URL: scratch.url, DATA_DIR: undefined },
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
      });
      if (code !== 0) {
        throw new Error(`seed:scale exited ${code}`);
      }
      process.stdout.write(`seeded ${size} cases in ${Math.round((Date.now() - started) / 1000)} s (${scratch.name})\n`);
      await measure(scratch.url, size);
    } finally {
      if (keep) {
        process.stdout.write(`kept ${scratch.url}\n`);
      } else {
        await scratch.drop();
      }
    }
  }
  if (sizes.length > 1) {
    process.stdout.write(`\n## p95 across sizes (ms)\n\n| read | ${sizes.join(' | ')} | largest / smallest |\n|---|${sizes.map(() => '---:').join('|')}|---:|\n`);
    for (const [name, bySize] of results) {
      const p95s = sizes.map((s) => bySize.get(s)?.p95 ?? NaN);
      process.stdout.write(`| ${name} | ${p95s.map((p) => p.toFixed(2)).join(' | ')} | ${((p95s[p95s.length - 1] ?? NaN) / (p95s[0] ?? NaN)).toFixed(2)} |\n`);
    }
  }
}
