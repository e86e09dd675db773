/**
 * The portal as a child process (`node --import tsx src/main.ts`), as test/cases/kill.test.ts runs it,
 * and a cookie-keeping browser that signs in through the embedded eID and fills a draft to its check page.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { expect } from 'vitest';

import { EidAgent, parseForms } from './eid-agent.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    srv.on('error', reject);
  });
}

/** The environment of a portal on free ports, on the PostgreSQL database at `databaseUrl`. */
export async function portalEnv(databaseUrl: string, extra: Record<string, string> = {}): Promise<Record<string, string> & { PUBLIC_URL: string }> {
  const [port, statePort, bankPort, paymentPort, registryPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  return {
    PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, EID_STATE_PORT: String(statePort), EID_BANK_PORT: String(bankPort),
    PAYMENT_SIMULATOR_PORT: String(paymentPort), EXCHANGE_REGISTRY_PORT: String(registryPort), DATABASE_URL: databaseUrl, JOB_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development',
    APPLICATION_MAX_OPEN_DRAFTS: '100', // a load test prepares many drafts of one person before its burst
    ...extra,
  };
}

/** Starts the portal and waits until /readyz answers 200 (at most 120 s: migrating and seeding a new database takes long on a loaded machine). */
export async function startPortal(env: Record<string, string>, log: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the portal exited with ${child.exitCode}: ${log.join('').slice(-2000)}`);
    }
    if (await fetch(`${env['PUBLIC_URL']}/readyz`).then((r) => r.ok, () => false)) {
      return child;
    }
    if (Date.now() > deadline) {
      throw new Error(`the portal was not ready within 120 s: ${log.join('').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r())));

/** Ends the portal with SIGTERM, if it still runs. */
export async function stopPortal(child: ChildProcess | null): Promise<void> {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const gone = exited(child);
    process.kill(child.pid, 'SIGTERM');
    await gone;
  }
}

export interface Answer {
  readonly status: number;
  readonly location: string;
  readonly body: string;
  readonly headers: Headers;
}

/** A browser with one session cookie, following nothing: each answer is looked at. */
export class Browser {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  /** GETs sent again because the kept-alive connection they went out on was reset (as a browser does). */
  resets = 0;

  async send(path: string, form?: Record<string, string>): Promise<Answer> {
    const request = () => fetch(`${this.base}${path}`, {
      method: form ? 'POST' : 'GET', redirect: 'manual',
      headers: { cookie: this.cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString() } : {}),
    });
    const res = await request().catch((error: unknown) => {
      // A GET is idempotent: one that met a connection reset goes out once more on a new connection.
      // A POST is never sent again here; its caller decides (with its idempotency key).
      if (form || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') {
        throw error;
      }
      this.resets++;
      return request();
    });
    return { status: res.status, location: res.headers.get('location') ?? '', body: await res.text(), headers: res.headers };
  }

  async signIn(persona: string): Promise<void> {
    // The sign-in is bound to the browser that began it: the callback carries the key cookie set at the start.
    const start = await fetch(`${this.base}/uk/sign-in/state?realm=citizen`, { redirect: 'manual' });
    const browserKey = (start.headers.getSetCookie().find((c) => c.startsWith('portico_sign_in=')) ?? '').split(';')[0] ?? '';
    const callback = await new EidAgent().signIn(new URL(start.headers.get('location') ?? ''), persona);
    const res = await fetch(callback, { redirect: 'manual', headers: { cookie: browserKey } });
    this.cookie = (res.headers.getSetCookie().find((c) => c.startsWith('portico_session=')) ?? '').split(';')[0] ?? '';
    const cabinet = await this.send('/uk/cabinet');
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(cabinet.body)?.[1] ?? '';
    expect([res.status, this.cookie !== '', this.csrf !== '']).toEqual([303, true, true]);
  }

  /** Applies for a free service page by page, to its check page; answers the draft and the submit form's key. */
  async completeDraft(serviceId: string, answers: Record<string, string>): Promise<{ draftId: string; key: string }> {
    let at = await this.send(`/uk/services/${serviceId}/apply`, {});
    expect(at.status).toBe(303);
    const draftId = /\/applications\/([0-9a-f-]{36})\//.exec(at.location)?.[1] ?? '';
    for (let page = 0; !at.location.endsWith('/check'); page++) {
      expect([page < 10, at.status, at.location]).toEqual([true, 303, expect.stringMatching(new RegExp(`^/uk/applications/${draftId}/(pages/|check)`))]);
      at = await this.send(at.location, answers);
    }
    const check = await this.send(`/uk/applications/${draftId}/check`);
    const form = parseForms(check.body).find((f) => f.action.endsWith(`/applications/${draftId}/submit`));
    const key = form?.fields.find(([name]) => name === 'idempotencyKey')?.[1] ?? '';
    expect(key).toMatch(/^[A-Za-z0-9-]{8,80}$/);
    return { draftId, key };
  }
}
