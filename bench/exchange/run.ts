/**
 * Exchange benchmark: population registry queries through the embedded exchange — signed by the portal's
 * member, the signature and every signed value checked by the registry's side, the request id claimed,
 * the message logged on both sides before the answer is used — against the same query made directly in
 * the same run: the same registry data, the same body, over the same HTTP client, to a plain route of a
 * server without the exchange in front (no signature, no checks, no log). Throughput and p99 of each,
 * and their ratio. On PostgreSQL (DATABASE_URL, a fresh schema dropped afterwards) and on PGlite (a data
 * directory of its own on disk, removed afterwards), one after the other.
 *   npm run bench:exchange -- [--queries 3000] [--concurrency 16] [--warmup 300] [--rounds 6] [--db postgres,pglite] [--pool 10] [--registry process]
 * With `--registry process` (PostgreSQL only) the registry's side and the direct route run in a process of
 * their own (bench/exchange/registry-process.ts), as the registry is another system in a deployment: this
 * process is then the portal's side alone, and the registry process's CPU is reported beside it.
 * Not a timed test: it prints numbers, it does not fail on them.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import Fastify from 'fastify';
import { request as httpRequest } from 'undici';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { registriesDirectory, startRegistries } from '../../src/dev/index.ts';
import { readDemo } from '../../src/dev/registries/demo-data.ts';
import { populationRegister } from '../../src/dev/registries/population.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { createExchangeClient, DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, memberKey, verifyExchangeLog, sealExchangeLog } from '../../src/platform/exchange/index.ts';
import { freshSchema, percentile, pool } from '../submission/setup.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const queries = Number(arg('--queries', '3000'));
const concurrency = Number(arg('--concurrency', '16'));
const warmup = Number(arg('--warmup', '300'));
const poolSize = Number(arg('--pool', '10'));
const rounds = Number(arg('--rounds', '6'));
const databases = arg('--db', 'postgres,pglite').split(',');
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const registryMode = arg('--registry', 'in-process');

/** CPU milliseconds a process has used so far (Linux /proc, in clock ticks of 10 ms). */
async function processCpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The registry's side and the direct route in a process of their own; their addresses and the process. */
async function registryProcess(url: string): Promise<{ registry: string; direct: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...(process.env['BENCH_PROFILE_DIR'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['BENCH_PROFILE_DIR']] : []), '--import', 'tsx', 'bench/exchange/registry-process.ts'], { env: { ...process.env, DATABASE_URL: url, POOL_SIZE: String(poolSize) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        resolve(out.split('\n')[0] ?? '');
      }
    });
    child.once('exit', (code) => reject(new Error(`the registry process exited with ${String(code)}`)));
  });
  const { registry, direct } = JSON.parse(line) as { registry: string; direct: string };
  return {
    registry, direct, pid: child.pid ?? 0,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

interface Measured {
  /** This process's CPU time per query (the client, the registry and, on PGlite, the database). */
  readonly cpuMs: number;
  /** The registry process's CPU time per query, when it runs in a process of its own. */
  readonly otherCpuMs: number | null;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Measures both paths in alternating rounds (direct, exchange, direct, …), so that a change in the machine's load falls on both alike. */
async function measure(ids: readonly string[], paths: Record<'direct' | 'exchange', (nationalId: string) => Promise<void>>, other: number | null): Promise<Record<'direct' | 'exchange', Measured>> {
  const totals = { direct: { latencies: [] as number[], seconds: 0, cpu: 0, other: 0 }, exchange: { latencies: [] as number[], seconds: 0, cpu: 0, other: 0 } };
  for (const name of ['direct', 'exchange'] as const) {
    await pool(ids.slice(0, warmup), concurrency, paths[name]);
  }
  const size = Math.ceil(ids.length / rounds);
  for (let r = 0; r < rounds; r++) {
    const slice = ids.slice(r * size, (r + 1) * size);
    for (const name of ['direct', 'exchange'] as const) {
      const cpu = process.cpuUsage();
      const otherBefore = other === null ? 0 : await processCpuMs(other);
      const started = performance.now();
      totals[name].latencies.push(...await pool(slice, concurrency, paths[name]));
      totals[name].seconds += (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      totals[name].cpu += (used.user + used.system) / 1000;
      totals[name].other += other === null ? 0 : (await processCpuMs(other)) - otherBefore;
    }
  }
  const of = (t: (typeof totals)['direct']): Measured => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return { cpuMs: t.cpu / sorted.length, otherCpuMs: other === null ? null : t.other / sorted.length, perSecond: sorted.length / t.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  return { direct: of(totals.direct), exchange: of(totals.exchange) };
}

async function run(name: string, db: Database, url: string | null): Promise<void> {
  await migrate(db, MIGRATIONS_DIR);
  const lookup = await populationRegister();
  const register = await readDemo<{ people: Array<{ nationalId: string }>; children: Array<{ childNationalId: string }> }>('population-registry.json');
  const known = [...register.people.map((p) => p.nationalId), ...register.children.map((c) => c.childNationalId)];
  // Every query asks for a person the register has (found: the whole record travels back).
  const ids = Array.from({ length: queries }, (_, i) => known[i % known.length]!);
  const separate = registryMode === 'process' && url !== null ? await registryProcess(url) : null;
  const registry = separate === null
    ? await startRegistries({ host: '127.0.0.1', port: 0, db, clock: systemClock, directory: registriesDirectory(DEVELOPMENT_EXCHANGE_SECRET), maxAgeSeconds: 60 })
    : { url: separate.registry, close: separate.stop };
  const exchange = createExchangeClient({
    db, clock: systemClock, baseUrl: registry.url, client: DEVELOPMENT_EXCHANGE.portal, key: memberKey('PORTICO-DEV/GOV/00000001', DEVELOPMENT_EXCHANGE_SECRET), timeoutMs: 10_000,
  });
  // The same lookup with nothing in front: the baseline.
  const direct = Fastify({ logger: false });
  direct.post('/person', async (request, reply) => {
    const nationalId = (request.body as { nationalId?: unknown } | null)?.nationalId;
    const record = typeof nationalId === 'string' ? lookup(nationalId) : undefined;
    return record === undefined ? reply.code(404).send({ problem: 'not-found' }) : reply.send(record);
  });
  const directUrl = separate === null ? await direct.listen({ host: '127.0.0.1', port: 0 }) : separate.direct;
  try {
    const before = (await db.query('SELECT 1 FROM exchange_messages')).length;
    const { direct: baseline, exchange: through } = await measure(ids, {
      async direct(nationalId) {
        // The exchange client's HTTP client (undici's request, platform/exchange/client.ts), with its timeout.
        const response = await httpRequest(`${directUrl}/person`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nationalId }), signal: AbortSignal.timeout(10_000) });
        if (response.statusCode !== 200) {
          throw new Error(`direct: ${response.statusCode}`);
        }
        JSON.parse(await response.body.text());
      },
      async exchange(nationalId) {
        const answer = await exchange.call({ service: DEVELOPMENT_EXCHANGE.personService, body: { nationalId }, userId: 'bench', issue: 'bench' });
        if (!answer.ok || answer.value.status !== 200) {
          throw new Error(`exchange: ${JSON.stringify(answer)}`);
        }
      },
    }, separate?.pid ?? null);
    const logged = (await db.query('SELECT 1 FROM exchange_messages')).length - before;
    await sealExchangeLog(db, () => new Date(), 120);
    const verdict = await verifyExchangeLog(db);
    const [load1, load5] = loadavg();
    const where = separate === null ? 'client and registry in this process' : 'the registry in a process of its own';
    console.log(`\n${name}: ${queries} queries on each path in ${rounds} alternating rounds after ${warmup} warm-up, ${concurrency} at a time${name === 'PostgreSQL' ? `, pool ${poolSize}` : ''}, ${where}; load average ${load1?.toFixed(1)} / ${load5?.toFixed(1)} (1 / 5 min)`);
    const otherCol = (m: Measured) => (m.otherCpuMs === null ? '' : ` ${m.otherCpuMs.toFixed(3)} |`);
    console.log(`| path | queries/s | p50 ms | p99 ms | CPU ms a query |${separate === null ? '' : ' registry process CPU ms a query |'}\n|---|---:|---:|---:|---:|${separate === null ? '' : '---:|'}`);
    console.log(`| direct (no exchange) | ${baseline.perSecond.toFixed(0)} | ${baseline.p50.toFixed(2)} | ${baseline.p99.toFixed(2)} | ${baseline.cpuMs.toFixed(3)} |${otherCol(baseline)}`);
    console.log(`| through the exchange | ${through.perSecond.toFixed(0)} | ${through.p50.toFixed(2)} | ${through.p99.toFixed(2)} | ${through.cpuMs.toFixed(3)} |${otherCol(through)}`);
    console.log(`| ratio exchange / direct | ${(through.perSecond / baseline.perSecond).toFixed(2)}× | ${(through.p50 / baseline.p50).toFixed(1)}× | ${(through.p99 / baseline.p99).toFixed(1)}× | ${(through.cpuMs / baseline.cpuMs).toFixed(2)}× |${separate === null || baseline.otherCpuMs === null || through.otherCpuMs === null ? '' : ` ${(through.otherCpuMs / baseline.otherCpuMs).toFixed(2)}× |`}`);
    console.log(`messages logged: ${logged} (${(logged / (ids.length + warmup)).toFixed(2)} a query, both sides); the log verifies: ${verdict.ok ? `yes, ${verdict.messages} messages in ${verdict.batches} batches` : JSON.stringify(verdict)}`);
  } finally {
    await direct.close();
    await registry.close();
  }
}

for (const name of databases) {
  if (name === 'postgres') {
    const schema = await freshSchema(serverUrl);
    const db = await openDatabase({ url: schema.url, dataDir: null, poolSize });
    try {
      await run('PostgreSQL', db, schema.url);
    } finally {
      await db.close();
      await schema.drop();
    }
  } else if (name === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'bench-exchange-'));
    const db = await openDatabase({ url: null, dataDir: dir, poolSize: 1 });
    try {
      await run('PGlite', db, null);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  } else {
    throw new Error(`--db: postgres or pglite, not ${name}`);
  }
}
