/**
 * One and two portal processes on one PostgreSQL: pages and submissions, with the answers checked.
 *   npm run bench:scale -- [--processes 1,2] [--seconds 8] [--connections 8] [--drafts 600] [--concurrency 8]
 * For each number of processes, on a fresh schema with the demo catalogue:
 * - pages: that many portals (`src/main.ts`), each loaded by its own autocannon with `--connections`
 *   for `--seconds`, on service pages and popular searches; every process must give the same bytes
 *   for the same public pages;
 * - submissions: that many processes of the portal's services (bench/scale/submit-worker.ts), the
 *   drafts split between them, the audit sealer running in each; then every process's outbox worker
 *   drains the outbox. Checked: every draft is one case, every audit entry has one leaf, every outbox
 *   row was handled by exactly one process.
 * Per process and in total; ratios against the one-process run of the same invocation.
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/test). Not a timed test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { freePort } from '../../test/support/portal-process.ts';
import { load } from '../catalogue/load.ts';
import { pathSets } from '../catalogue/paths.ts';
import { startServer } from '../catalogue/server.ts';
import { type Bench, benchServices, citizenOf, completeDraft, freshSchema, percentile, pool } from '../submission/setup.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const counts = arg('--processes', '1,2').split(',').map(Number);
const seconds = Number(arg('--seconds', '8'));
const connections = Number(arg('--connections', '8'));
const drafts = Number(arg('--drafts', '600'));
const concurrency = Number(arg('--concurrency', '8'));
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failures.push(what);
    console.error(`  CHECK FAILED: ${what}`);
  }
};
const sha = (body: string) => createHash('sha256').update(body).digest('hex');

interface PagesRun { readonly route: string; readonly perProcess: number[] }
interface SubmitRun { readonly perProcess: number[]; readonly total: number; readonly p99: number; readonly outboxRows: number; readonly handledBy: number[] }

async function pages(url: string, processes: number): Promise<PagesRun[]> {
  const servers = [];
  try {
    for (let i = 0; i < processes; i += 1) {
      servers.push(await startServer({ DATABASE_URL: url, DB_POOL_SIZE: '10', JOB_INTERVAL_SECONDS: '0', PAYMENT_SIMULATOR_PORT: String(await freePort()) }, await freePort()));
    }
    const sets = new Map(await pathSets(servers[0]?.url ?? ''));
    const routes: Array<[string, string[]]> = [['service page', sets.get('service page') ?? []], ['search page (popular queries)', sets.get('search page (popular queries)') ?? []]];
    // The same answers: every process gives the same bytes for the same public page.
    for (const [, paths] of routes) {
      for (const path of paths.slice(0, 10)) {
        const bodies = await Promise.all(servers.map(async (s) => sha(await (await fetch(`${s.url}${path}`)).text())));
        check(bodies.every((b) => b === bodies[0]), `every process answers ${path} alike`);
      }
    }
    for (const [route, paths] of routes) {
      check(paths.length > 0, `${route}: paths to load`);
    }
    const out: PagesRun[] = [];
    for (const [route, paths] of routes) {
      const results = await Promise.all(servers.map((s, i) => load(s.url, `${route} #${i + 1}`, paths, { connections, seconds })));
      for (const r of results) {
        check(r.non2xx === 0 && r.errors === 0, `${r.name}: no errors (${r.non2xx} non-2xx, ${r.errors} errors)`);
      }
      out.push({ route, perProcess: results.map((r) => r.rps) });
    }
    return out;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

interface Worker { readonly child: ChildProcess; next(): Promise<Record<string, unknown>>; say(word: string): void }

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/submit-worker.ts'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  return {
    child,
    next: async () => {
      const line = await lines.next();
      if (line.done) {
        throw new Error(`a worker ended early (exit ${child.exitCode})`);
      }
      return JSON.parse(line.value) as Record<string, unknown>;
    },
    say: (word) => child.stdin?.write(`${word}\n`),
  };
}

async function submissions(b: Bench, url: string, processes: number): Promise<SubmitRun> {
  const ids = new Array<string>(drafts);
  await pool(Array.from({ length: drafts }, (_, i) => i), concurrency, async (i) => {
    ids[i] = await completeDraft(b, citizenOf(b, 0));
  });
  const dir = mkdtempSync(join(tmpdir(), 'portico-scale-'));
  const workers = Array.from({ length: processes }, (_, p) => {
    const file = join(dir, `drafts-${p}.json`);
    writeFileSync(file, JSON.stringify(ids.filter((_, i) => i % processes === p)));
    return file;
  });
  const started = workers.map((file) => startWorker({ DATABASE_URL: url, SCALE_DRAFTS: file, SCALE_CONCURRENCY: String(concurrency), SCALE_POOL: String(concurrency + 4) }));
  for (const w of started) {
    check((await w.next())['type'] === 'ready', 'a worker is ready');
  }
  const wall = performance.now();
  started.forEach((w) => w.say('submit'));
  const submitted = await Promise.all(started.map((w) => w.next()));
  const wallSeconds = (performance.now() - wall) / 1000;
  const latencies = submitted.flatMap((s) => s['latencies'] as number[]).sort((a, c) => a - c);
  const [cases] = await b.db.query<{ n: number; numbers: number }>("SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbers FROM cases");
  check(cases?.n === drafts && cases.numbers === drafts, `every draft is one case (${cases?.n} cases, ${cases?.numbers} numbers, ${drafts} drafts)`);
  // Seal what is left, then every audit entry has exactly one leaf, with no gaps.
  while ((await b.services.auditLog.seal()).checkpoint !== null) { /* until nothing is left to seal */ }
  const [audit] = await b.db.query<{ n: number; sealed: number; top: number }>('SELECT count(*)::int AS n, count(leaf_index)::int AS sealed, COALESCE(max(leaf_index), -1)::int + 1 AS top FROM audit_events');
  check(audit?.n === audit?.sealed && audit?.sealed === audit?.top, `every audit entry has one leaf (${audit?.n} entries, ${audit?.sealed} sealed, leaves to ${audit?.top})`);
  started.forEach((w) => w.say('deliver'));
  const pending = async () => (await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL AND dead_at IS NULL'))[0]?.n ?? 0;
  for (let i = 0; i < 600 && (await pending()) > 0; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
  started.forEach((w) => w.say('stop'));
  const delivered = await Promise.all(started.map((w) => w.next()));
  const handled = delivered.map((d) => d['ids'] as number[]);
  const all = handled.flat();
  const [outbox] = await b.db.query<{ n: number; done: number }>('SELECT count(*)::int AS n, count(done_at)::int AS done FROM outbox');
  check(outbox?.done === outbox?.n, `every outbox row is done (${outbox?.done} of ${outbox?.n})`);
  check(all.length === new Set(all).size && all.length === outbox?.n, `each outbox row handled once (${all.length} handlings, ${new Set(all).size} rows, ${outbox?.n} in the outbox)`);
  return {
    perProcess: submitted.map((s) => Number(s['count']) / Number(s['seconds'])),
    total: drafts / wallSeconds,
    p99: percentile(latencies, 99),
    outboxRows: outbox?.n ?? 0,
    handledBy: handled.map((h) => h.length),
  };
}

const loadAtStart = loadavg()[0] ?? 0;
const results: Array<{ processes: number; pages: PagesRun[]; submit: SubmitRun }> = [];
for (const processes of counts) {
  const schema = await freshSchema(serverUrl);
  // The portal's services on it: migrated, the demo catalogue, one signed-in citizen.
  const b = await benchServices(schema.url, concurrency + 4, 1);
  try {
    console.log(`\n${processes} process(es): pages`);
    const p = await pages(schema.url, processes);
    console.log(`${processes} process(es): submissions`);
    const s = await submissions(b, schema.url, processes);
    results.push({ processes, pages: p, submit: s });
  } finally {
    await b.close();
    await schema.drop();
  }
}

const base = results[0];
const fmt = (n: number) => Math.round(n).toLocaleString('en');
console.log('\n| processes | what | per process (/s) | total (/s) | total vs the first row |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  for (const [i, page] of r.pages.entries()) {
    const total = page.perProcess.reduce((a, c) => a + c, 0);
    const first = base?.pages[i]?.perProcess.reduce((a, c) => a + c, 0) ?? total;
    console.log(`| ${r.processes} | ${page.route} | ${page.perProcess.map(fmt).join(', ')} | ${fmt(total)} | ${(total / first).toFixed(2)} |`);
  }
  console.log(`| ${r.processes} | submissions (p99 ${fmt(r.submit.p99)} ms) | ${r.submit.perProcess.map(fmt).join(', ')} | ${fmt(r.submit.total)} | ${(r.submit.total / (base?.submit.total ?? r.submit.total)).toFixed(2)} |`);
  console.log(`|   | outbox rows handled by each process | ${r.submit.handledBy.join(', ')} | ${r.submit.outboxRows} | |`);
}
console.log(`\nload average: ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end`);
console.log(failures.length === 0 ? '\nchecks: all passed' : `\nchecks: ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
