/**
 * Two versions of the portal side by side, for a change whose effect is smaller than the machine's
 * drift: this checkout (A) and another (B, `--base`, with its own node_modules) run at once on one
 * seeded PostgreSQL schema, and each round loads A then B (B then A in the next round) with the
 * static page and the distinct searches, a few seconds each. A slow minute then slows both, and
 * the medians of the rounds compare what each version spends.
 *   npm run bench:catalogue:pair -- --base <checkout> [--services 10000] [--rounds 8] [--seconds 4]
 *     [--connections 20] [--schema bench_catalogue_pair] [--port 3950]
 * Both run the schema this checkout migrates: compare versions whose migrations agree. Each gets
 * its own half of the distinct searches, so neither finds the other's in the database's caches of
 * pages or plans. Not a timed test: it prints medians, it does not fail on them.
 */
import { cpuMeter } from './cpu.ts';
import { load } from './load.ts';
import { pathSets } from './paths.ts';
import { freshPostgresSchema, seedTarget } from './prepare.ts';
import { startServer } from './server.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const base = arg('--base', '');
if (base === '') {
  console.error('usage: bench:catalogue:pair -- --base <another checkout> [--services 10000] [--rounds 8] [--seconds 4]');
  process.exit(2);
}
const count = Number(arg('--services', '10000'));
const rounds = Number(arg('--rounds', '8'));
const seconds = Number(arg('--seconds', '4'));
const connections = Number(arg('--connections', '20'));
const port = Number(arg('--port', '3950'));
const pgUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const schemaUrl = await freshPostgresSchema(pgUrl, arg('--schema', 'bench_catalogue_pair'));
console.log(`seeding ${count} synthetic services…`);
await seedTarget({ name: 'postgres', env: { DATABASE_URL: schemaUrl } }, count);

/** A portal from `dir`, its connections named so the CPU of its backends is measured apart. */
async function portal(name: 'A' | 'B', dir: string, at: number) {
  const url = new URL(schemaUrl);
  url.searchParams.set('application_name', `bench_pair_${name}`);
  const server = await startServer({ DATABASE_URL: url.toString(), EXCHANGE_REGISTRY_PORT: String(at + 1), JOB_INTERVAL_SECONDS: '0' }, at, dir);
  return { name, server, meter: await cpuMeter(server.pid, pgUrl, `bench_pair_${name}`) };
}
const portals = [await portal('A', process.cwd(), port), await portal('B', base, port + 10)];
const sets = new Map(await pathSets(portals[0]?.server.url ?? ''));
const statics = sets.get('baseline: static page') ?? [];
const distinct = sets.get('search page (distinct queries)') ?? [];
// Alternate blocks of 16 paths: the list cycles through the languages (2) and the words (8), so each
// half asks for every word in both languages, with numbers of its own.
const halves = [0, 1].map((half) => distinct.filter((_, i) => Math.floor(i / 16) % 2 === half));

const measured = new Map<string, number[]>();
const note = (key: string, value: number) => measured.set(key, [...(measured.get(key) ?? []), value]);
for (const [i, p] of portals.entries()) {
  await load(p.server.url, 'warm-up', halves[i] ?? [], { connections, seconds: 3 });
  await load(p.server.url, 'warm-up', statics, { connections, seconds: 2 });
}
for (let round = 1; round <= rounds; round += 1) {
  const order = round % 2 === 1 ? [0, 1] : [1, 0];
  for (const i of order) {
    const p = portals[i];
    if (p === undefined) {
      continue;
    }
    const rates: Record<string, number> = {};
    for (const [route, paths] of [['static', statics], ['distinct', halves[i] ?? []]] as const) {
      const before = await p.meter.read();
      const r = await load(p.server.url, route, paths, { connections, seconds });
      const cpu = p.meter.since(before, await p.meter.read());
      rates[route] = r.rps;
      note(`${p.name} ${route} req/s`, r.rps);
      note(`${p.name} ${route} CPU µs portal`, Math.round((cpu.portal * 1e6) / Math.max(r.requests, 1)));
      note(`${p.name} ${route} CPU µs database`, Math.round((cpu.database * 1e6) / Math.max(r.requests, 1)));
    }
    note(`${p.name} distinct ÷ static %`, Math.round((100 * (rates['distinct'] ?? 0)) / Math.max(rates['static'] ?? 1, 1)));
  }
  console.log(`round ${round}/${rounds}: ${portals.map((p) => `${p.name} ${measured.get(`${p.name} distinct req/s`)?.at(-1)} searches/s`).join(', ')}`);
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(`\nA: ${process.cwd()}\nB: ${base}\n\n| measure | A (median) | B (median) | A ÷ B | A each round | B each round |\n|---|---:|---:|---:|---|---|`);
for (const key of [...measured.keys()].filter((k) => k.startsWith('A ')).map((k) => k.slice(2))) {
  const a = measured.get(`A ${key}`) ?? [];
  const b = measured.get(`B ${key}`) ?? [];
  console.log(`| ${key} | ${median(a)} | ${median(b)} | ${(median(a) / median(b)).toFixed(2)} | ${a.join(' ')} | ${b.join(' ')} |`);
}
for (const p of portals) {
  await p.meter.close();
  await p.server.stop();
}
