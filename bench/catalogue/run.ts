/**
 * Catalogue read benchmark: service and search pages on a catalogue of N services, against two
 * baselines measured in the same run and the same process — a trivial JSON route (/healthz) and a
 * static page rendered through the same layout and middleware (/:lang/accessibility).
 *   npm run bench:catalogue -- [--services 10000] [--seconds 10] [--connections 20] [--targets pglite,postgres]
 *     [--routes search] [--rounds 1] [--schema bench_catalogue] [--port 3900]
 * `--routes` keeps the routes whose name contains one of the given words (the two baselines always
 * run); `--schema` names the PostgreSQL schema it recreates, `--port` the first port; `--rounds` repeats the measurements in
 * turn and reports each route's median, so a machine shared with other work disturbs the ratios
 * less. The load average is printed with every round, and the CPU each request takes (the portal
 * and its PostgreSQL backends), which other work on the machine changes far less than throughput.
 * Not a timed test: it prints ratios, it does not fail on them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { cpuMeter } from './cpu.ts';
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
const routes = arg('--routes', '').split(',').filter((w) => w !== '');
const rounds = Number(arg('--rounds', '1'));
const schema = arg('--schema', 'bench_catalogue');
const pgUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const workDir = resolve('.tmp/bench');
/** The portal's connections name themselves, so the CPU of their PostgreSQL backends can be measured. */
const APPLICATION_NAME = 'bench_catalogue_portal';

/** A measurement with the CPU it took, in microseconds per request. */
interface Measured extends LoadResult {
  readonly portalUs: number;
  readonly databaseUs: number;
}

async function target(name: string): Promise<Target> {
  if (name === 'pglite') {
    const dir = join(workDir, 'pglite');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    return { name: 'pglite', env: { DATA_DIR: dir } };
  }
  const url = new URL(await freshPostgresSchema(pgUrl, schema));
  url.searchParams.set('application_name', APPLICATION_NAME);
  return { name: 'postgres', env: { DATABASE_URL: url.toString() } };
}

async function runTarget(name: string, port: number) {
  const t = await target(name);
  console.log(`\n## ${t.name}: seeding ${count} synthetic services…`);
  const seeded = await seedTarget(t, count);
  console.log(`   ${seeded.services} services in ${seeded.seconds.toFixed(1)} s\n   search plan:\n${seeded.plan.replace(/^/gm, '     ')}`);
  const server = await startServer(t.env, port);
  try {
    const sets = (await pathSets(server.url)).filter(([label]) => label.startsWith('baseline') || routes.length === 0 || routes.some((w) => label.includes(w)));
    const meter = await cpuMeter(server.pid, t.name === 'postgres' ? pgUrl : null, APPLICATION_NAME);
    const measured = new Map<string, Measured[]>();
    for (let round = 1; round <= rounds; round += 1) {
      console.log(`   round ${round}/${rounds}, load average ${loadAverage()}`);
      for (const [label, paths] of sets) {
        await load(server.url, label, paths, { connections, seconds: 2 }); // warm-up
        const before = await meter.read();
        const r = await load(server.url, label, paths, { connections, seconds });
        const cpu = meter.since(before, await meter.read());
        const perRequest = (s: number) => Math.round((s * 1e6) / Math.max(r.requests, 1));
        const m: Measured = { ...r, portalUs: perRequest(cpu.portal), databaseUs: perRequest(cpu.database) };
        console.log(`   ${label.padEnd(34)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU µs/req portal ${m.portalUs} database ${m.databaseUs}  non-2xx ${r.non2xx}  errors ${r.errors}`);
        measured.set(label, [...(measured.get(label) ?? []), m]);
      }
      const page = measured.get('baseline: static page')?.at(-1);
      const share = (m: Measured | undefined) => `${((m?.rps ?? NaN) / (page?.rps ?? NaN) * 100).toFixed(0)}% (CPU ${(cpuOf(page) / cpuOf(m) * 100).toFixed(0)}%)`;
      console.log(`   ÷ static page: ${[...measured].map(([label, ms]) => `${label} ${share(ms.at(-1))}`).join(', ')}`);
    }
    await meter.close();
    const results = [...measured.values()].map(median);
    return { target: t.name, services: seeded.services, indexBacked: /Bitmap Index Scan on services_search/.test(seeded.plan), loadAverage: loadAverage(), results };
  } finally {
    await server.stop();
  }
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const cpuOf = (m: Measured | undefined) => (m ? m.portalUs + m.databaseUs : NaN);

/** The round with the median rate. */
function median(ms: readonly Measured[]): Measured {
  return [...ms].sort((a, b) => a.rps - b.rps)[Math.floor(ms.length / 2)] as Measured;
}

/**
 * Throughput against the baselines, and the CPU a request takes (the portal process and its
 * PostgreSQL backends; not the load generator): "CPU ÷ static page" is the static page's CPU per
 * request over the route's, the share of the static page's throughput the route would reach if CPU
 * were all that limited both.
 */
function table(runs: Awaited<ReturnType<typeof runTarget>>[]): string {
  const lines = [
    '| database | route | req/s | p50 ms | p99 ms | ÷ JSON route | ÷ static page | CPU µs/req (portal + database) | CPU ÷ static page |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const run of runs) {
    const json = run.results.find((r) => r.name === 'baseline: JSON route')?.rps ?? NaN;
    const page = run.results.find((r) => r.name === 'baseline: static page');
    for (const r of run.results) {
      lines.push(
        `| ${run.target} | ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${(r.rps / json * 100).toFixed(0)}% | ${(r.rps / (page?.rps ?? NaN) * 100).toFixed(0)}% ` +
          `| ${r.portalUs} + ${r.databaseUs} | ${(cpuOf(page) / cpuOf(r) * 100).toFixed(0)}% |`,
      );
    }
  }
  return lines.join('\n');
}

const runs = [];
let port = Number(arg('--port', '3900'));
for (const name of targets) {
  runs.push(await runTarget(name, port++));
}
const markdown = table(runs);
console.log(`\n${markdown}\n`);
for (const run of runs) {
  console.log(`${run.target}: search index-backed at ${run.services} services: ${run.indexBacked ? 'yes' : 'NO'}; load average at the end ${run.loadAverage}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(join('bench/results', `catalogue-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ count, seconds, connections, rounds, runs }, null, 2));
