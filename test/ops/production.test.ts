/**
 * The production build and the life of a production process, as an operator runs them
 * (docs/operations.md): `npm run build` writes dist/; a deployment that holds only package.json,
 * dist/, migrations/, the demo data and node_modules — no src/, no TypeScript loader — runs
 * `node dist/main.js` with NODE_ENV=production; SIGTERM then stops it in order.
 *
 * The portal runs on a data directory of its own (embedded PGlite), or on a database of its own on
 * the server named by TEST_DATABASE_URL. CI runs this file on Node 20 with PGlite and on Node 24 with
 * PostgreSQL (.ci/run), so the build runs on both runtimes and with both drivers.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signatureHeaderValue } from '../../src/modules/payments/index.ts';
import type { Database, Row } from '../../src/platform/db/database.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { type TestDatabase, testDatabase, testDataDir } from '../support/database.ts';
import { exited, freePort } from '../support/portal-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = process.env['TEST_DATABASE_URL'];
const GRACE_MS = 2000;
/** The SMS gateway adapter's timeout: a delivery stuck on the silent gateway below ends after it. */
const GATEWAY_TIMEOUT_MS = 10_000;
const WEBHOOK_SECRET = 'a-test-sms-webhook-secret-of-32-characters-or-more';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let deployment = '';
let database: TestDatabase | null = null;
let dataDir: string | null = null;
let portal: ChildProcess | null = null;
let base = '';
const output: string[] = [];
/** An SMS gateway that takes requests and never answers: a delivery that reaches it hangs. */
let silentGateway: Server | null = null;
const gatewayRequests: IncomingMessage[] = [];

/** The embedded database's data directory, opened by the test once the portal has exited. */
let afterwards: Database | null = null;

/** A query on the portal's database: the test's pool on PostgreSQL; on PGlite the data directory, once the portal is gone. */
async function query<T extends Row>(sql: string, params: unknown[] = []): Promise<T[]> {
  if (database) {
    return database.db.query<T>(sql, params);
  }
  expect(portal?.exitCode ?? portal?.signalCode ?? null, 'one process at a time opens a data directory').not.toBeNull();
  afterwards ??= await openPglite(dataDir);
  return afterwards.query<T>(sql, params);
}

function build(): void {
  // Not type-checked here: the suite's `npm run typecheck` checks the same sources, and the files written are the same.
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--no-check'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
  // What the deployment holds (docs/operations.md), and nothing of the sources.
  deployment = mkdtempSync(join(tmpdir(), 'portico-deployment-'));
  for (const path of ['package.json', 'dist', 'migrations', 'catalogue/demo', 'registries/demo']) {
    cpSync(join(ROOT, path), join(deployment, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(deployment, 'node_modules'), 'dir');
}

async function startBuilt(env: Record<string, string>): Promise<ChildProcess> {
  const { NODE_OPTIONS: _loader, ...inherited } = process.env;
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: deployment, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  for (const deadline = Date.now() + 120_000; ;) {
    if (child.exitCode !== null) {
      throw new Error(`the built portal exited with ${child.exitCode}: ${output.join('').slice(-3000)}`);
    }
    if (await fetch(`${env['PUBLIC_URL']}/readyz`).then((r) => r.ok, () => false)) {
      return child;
    }
    if (Date.now() > deadline) {
      throw new Error(`the built portal was not ready within 120 s: ${output.join('').slice(-3000)}`);
    }
    await sleep(250);
  }
}

/** A POST whose body arrives in two parts; `rest()` sends the second and resolves with the answer. */
function slowPost(path: string, body: string, headers: Record<string, string>) {
  const bytes = Buffer.from(body, 'utf8');
  let answer: (value: { status: number; body: string }) => void;
  let fail: (error: Error) => void;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => ((answer = resolve), (fail = reject)));
  const req = request(`${base}${path}`, { method: 'POST', headers: { ...headers, 'content-length': String(bytes.length) } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => answer({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
  });
  req.on('error', (error) => fail(error));
  req.write(bytes.subarray(0, 20));
  return {
    rest: () => {
      req.end(bytes.subarray(20));
      return answered;
    },
  };
}

describe('the production build', () => {
  beforeAll(async () => {
    build();
    silentGateway = createServer((req) => void gatewayRequests.push(req));
    await new Promise<void>((resolve) => silentGateway?.listen(0, '127.0.0.1', resolve));
    const gatewayPort = (silentGateway.address() as { port: number }).port;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    if (SERVER) {
      database = await testDatabase();
    } else {
      dataDir = join(deployment, 'data');
      await testDataDir(dataDir);
    }
    portal = await startBuilt({
      NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: base, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: String(GRACE_MS),
      ...(database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir ?? '' }),
      SEED_DEMO: 'true', JOB_INTERVAL_SECONDS: '1', SEARCH_GAP_INTERVAL_MS: '600000',
      SMTP_URL: 'smtp://127.0.0.1:9', SMS_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/sms`, SMS_GATEWAY_TOKEN: 't', SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PAYMENT_PROVIDER_URL: 'http://127.0.0.1:9/pay', PAYMENT_API_KEY: 'k', PAYMENT_CALLBACK_SECRET: 'c',
      SEAL_SECRET: 'a-test-seal-secret-of-32-characters-or-more', CODE_SECRET: 'a-test-code-secret-of-32-characters-or-more',
      AUDIT_SIGNING_KEY: 'a-test-audit-signing-key-of-32-characters-or-more', API_TOKEN_SECRET: 'a-test-api-token-secret-of-32-characters-or-more',
    });
  }, 300_000);

  afterAll(async () => {
    if (portal?.pid !== undefined && portal.exitCode === null && portal.signalCode === null) {
      const gone = exited(portal);
      portal.kill('SIGKILL');
      await gone;
    }
    silentGateway?.closeAllConnections();
    await new Promise((resolve) => (silentGateway ? silentGateway.close(resolve) : resolve(undefined)));
    await database?.drop();
    await afterwards?.close();
    rmSync(deployment, { recursive: true, force: true });
  });

  it('runs with plain node and without the sources: a page, its stylesheet, the API and the health checks', async () => {
    const page = await fetch(`${base}/uk/`);
    const html = await page.text();
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const href = /<link rel="stylesheet" href="(\/assets\/portico\.[0-9a-f]{16}\.css)"/.exec(html)?.[1] ?? '';
    const css = await fetch(`${base}${href}`);
    expect([href !== '', css.status, css.headers.get('content-type'), (await css.text()).includes('.govuk-header')]).toEqual([true, 200, 'text/css; charset=utf-8', true]);
    // The demo catalogue was read from catalogue/demo/ beside dist/ and served by the API.
    const services = await fetch(`${base}/api/v1/services`);
    expect(services.status).toBe(200);
    expect(((await services.json()) as { total: number }).total).toBeGreaterThan(10);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(200);
  });

  it('on SIGTERM finishes the request in flight, lets go of its outbox claim, and exits 0', async () => {
    const child = portal as ChildProcess;
    const signed = (messageId: string) => {
      const body = JSON.stringify({ messageId, from: '+380501234567', text: 'HELP', at: new Date().toISOString() });
      return { body, headers: { 'content-type': 'application/json', 'x-portico-signature': signatureHeaderValue(WEBHOOK_SECRET, body) } };
    };
    // A message from a phone is answered through the outbox: the worker claims the answer, and its
    // delivery waits on the silent gateway.
    const first = signed('production-test-1');
    const answered = await fetch(`${base}/api/v1/sms/inbound`, { method: 'POST', headers: first.headers, body: first.body });
    expect([answered.status, await answered.json()]).toEqual([200, { outcome: 'answered' }]);
    for (let i = 0; i < 200 && gatewayRequests.length === 0; i++) {
      await sleep(50);
    }
    expect(gatewayRequests).toHaveLength(1);

    // Another, whose body is still on its way when the signal comes.
    const second = signed('production-test-2');
    const inFlight = slowPost('/api/v1/sms/inbound', second.body, second.headers);
    await sleep(300);
    // A search that found nothing just before the signal: its count waits in memory (ADR 0038; ten
    // minutes here, so only the stop can write it) and is written on the way out.
    expect((await fetch(`${base}/en/search?q=quetzal+licence`)).status).toBe(200);
    const gone = exited(child);
    const signalled = Date.now();
    child.kill('SIGTERM');
    await sleep(300);
    // No new connection is taken once the signal has come…
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(child.exitCode).toBeNull();
    // …and the request in flight is answered in full.
    expect(await inFlight.rest()).toEqual({ status: 200, body: JSON.stringify({ outcome: 'answered' }) });

    await gone;
    expect([child.exitCode, child.signalCode]).toEqual([0, null]);
    // It did not wait for the stuck delivery to time out: it released the row at the end of the grace period.
    expect(Date.now() - signalled).toBeLessThan(GATEWAY_TIMEOUT_MS - 1000);
    const stopped = output.join('').split('\n').filter((line) => line.includes('"msg":"stopped"')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(stopped).toMatchObject([{ http: 'drained', outbox: 'cut', background: 'stopped', released: [expect.any(Number)] }]);

    // No row stays locked. The first answer is claimable at once, with no outcome recorded for the cut
    // attempt; the second was never claimed (the worker took no batch after the signal).
    expect(await query('SELECT id, topic FROM outbox WHERE locked_by IS NOT NULL OR locked_until IS NOT NULL')).toEqual([]);
    const answers = await query<{ reply_to: string; attempts: number; done_at: Date | null; dead_at: Date | null; last_error: string | null; due: boolean }>(
      `SELECT i.gateway_message_id AS reply_to, o.attempts, o.done_at, o.dead_at, o.last_error, o.available_at <= now() AS due
       FROM sms_messages i JOIN sms_messages a ON a.reply_to = i.id JOIN outbox o ON o.topic = 'sms.send' AND o.payload->>'messageId' = a.id::text
       ORDER BY i.gateway_message_id`,
    );
    expect(answers).toEqual([
      { reply_to: 'production-test-1', attempts: 1, done_at: null, dead_at: null, last_error: null, due: true },
      { reply_to: 'production-test-2', attempts: 0, done_at: null, dead_at: null, last_error: null, due: true },
    ]);
    expect((await query<{ searches: number }>("SELECT searches FROM search_gaps WHERE lang = 'en' AND query = 'quetzal licence'")).map((r) => Number(r.searches))).toEqual([1]);
  });
});
