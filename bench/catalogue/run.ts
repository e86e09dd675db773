/**
 * Catalogue read benchmark: service and search pages on a catalogue of N services, against two
 * baselines measured in the same run and the same process — a trivial JSON route (/healthz) and a
 * static page rendered through the same layout and middleware (/:lang/accessibility).
 *   npm run bench:catalogue -- [--services 10000] [--seconds 10] [--connections 20] [--targets pglite,postgres]
 * Not a timed test: it prints ratios, it does not fail on them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type LoadResult, load } from './load.ts';
import { freshPostgresSchema, seedTarget, type Target } from './prepare.ts';
import { startServer } from './server.ts';
import { pathSets } from './paths.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

const count = Number(arg('--services', '10000'));
const seconds = Number(arg('--seconds', '10'));
const connections = Number(arg('--connections', '20'));
const targets = arg('--targets', 'pglite,postgres').split(',');
const pgUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const workDir = resolve('.tmp/bench');

async function target(name: string): Promise<Target> {
  if (name === 'pglite') {
    const dir = join(workDir, 'pglite');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    return { name: 'pglite', env: { DATA_DIR: dir } };
  }
  return { name: 'postgres', env: { DATABASE_URL: await freshPostgresSchema(pgUrl, 'bench_catalogue') } };
}

async function runTarget(name: string, port: number) {
  const t = await target(name);
  console.log(`\n## ${t.name}: seeding ${count} synthetic services…`);
  const seeded = await seedTarget(t, count);
  console.log(`   ${seeded.services} services in ${seeded.seconds.toFixed(1)} s\n   search plan:\n${seeded.plan.replace(/^/gm, '     ')}`);
  const server = await startServer(t.env, port);
  try {
    const sets = await pathSets(server.url);
    const results: LoadResult[] = [];
    for (const [label, paths] of sets) {
      await load(server.url, label, paths, { connections, seconds: 2 }); // warm-up
      const r = await load(server.url, label, paths, { connections, seconds });
      console.log(`   ${label.padEnd(34)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`);
      results.push(r);
    }
    return { target: t.name, services: seeded.services, indexBacked: /Bitmap Index Scan on services_search/.test(seeded.plan), results };
  } finally {
    await server.stop();
  }
}

function table(runs: Awaited<ReturnType<typeof runTarget>>[]): string {
  const lines = ['| database | route | req/s | p50 ms | p99 ms | ÷ JSON route | ÷ static page |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const run of runs) {
    const json = run.results.find((r) => r.name === 'baseline: JSON route')?.rps ?? NaN;
    const page = run.results.find((r) => r.name === 'baseline: static page')?.rps ?? NaN;
    for (const r of run.results) {
      lines.push(`| ${run.target} | ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${(r.rps / json * 100).toFixed(0)}% | ${(r.rps / page * 100).toFixed(0)}% |`);
    }
  }
  return lines.join('\n');
}

const runs = [];
let port = 3900;
for (const name of targets) {
  runs.push(await runTarget(name, port++));
}
const markdown = table(runs);
console.log(`\n${markdown}\n`);
for (const run of runs) {
  console.log(`${run.target}: search index-backed at ${run.services} services: ${run.indexBacked ? 'yes' : 'NO'}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(join('bench/results', `catalogue-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ count, seconds, connections, runs }, null, 2));
