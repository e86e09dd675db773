import { randomBytes } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/app/config.ts';
import { recordAudit } from '../../src/platform/audit/audit.ts';
import { verifyAudit } from '../../src/platform/audit/verify.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { testDatabase } from '../support/database.ts';
import { appWithEid, signIn, throughEid } from '../support/identity.ts';

/** A provider that is never reached: callbacks naming no sign-in in progress are refused before any exchange. */
const UNREACHED_PROVIDER = { EID_EMBEDDED: 'false', OIDC_PROVIDERS: 'state', OIDC_STATE_ISSUER: 'http://eid.invalid', OIDC_STATE_CLIENT_ID: 'portal', OIDC_STATE_CLIENT_SECRET: 'secret' };

const bogus = (app: FastifyInstance, from: { remoteAddress?: string; forwardedFor?: string } = {}) =>
  app.inject({
    url: `/auth/callback/state?code=x&state=${randomBytes(16).toString('base64url')}`,
    ...(from.remoteAddress ? { remoteAddress: from.remoteAddress } : {}),
    ...(from.forwardedFor ? { headers: { 'x-forwarded-for': from.forwardedFor } } : {}),
  });

async function statuses(n: number, send: () => Promise<{ statusCode: number }>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push((await send()).statusCode);
  }
  return out;
}

describe('sign-in callbacks are limited on what is attacked', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The limits count in fixed windows of a minute: the portal's clock stands still, so a flood that
    // straddles the turn of a minute on a slow machine is not counted in two windows.
    const now = new Date();
    t = await appWithEid({}, { clock: { now: () => now } });
  });
  afterAll(async () => t.close());

  it('cut off a flood of made-up states from one address, yet let a real sign-in from that address through', async () => {
    const flood = await statuses(40, () => bogus(t.app, { remoteAddress: '10.4.0.1' }));
    expect(flood.slice(0, 30)).toEqual(Array(30).fill(400));
    expect(flood.slice(30)).toEqual(Array(10).fill(429));
    expect((await t.app.inject({ url: '/auth/callback/nobody?state=x', remoteAddress: '10.4.0.1' })).statusCode).toBe(429);
    expect((await t.app.inject({ url: '/auth/callback/nobody?state=x', remoteAddress: '10.4.0.9' })).statusCode).toBe(400);
    const real = await t.app.inject({ ...(await throughEid(t.app, 'olena-koval')), remoteAddress: '10.4.0.1' });
    expect(real.statusCode).toBe(303);
  });

  it('limit the callbacks naming one sign-in, from any address, so its browser key cannot be guessed at length', async () => {
    const callback = await throughEid(t.app, 'olena-koval');
    const guesses = await statuses(6, async () => t.app.inject({ url: callback.url, headers: { cookie: `portico_sign_in=${randomBytes(32).toString('base64url')}` }, remoteAddress: `10.4.1.${Math.floor(Math.random() * 200) + 1}` }));
    expect(guesses).toEqual([400, 400, 400, 400, 400, 429]);
    const page = await t.app.inject({ url: callback.url, headers: { cookie: `portico_sign_in=${randomBytes(32).toString('base64url')}` }, remoteAddress: '10.4.2.1' });
    expect(page.headers['retry-after']).toBe('60');
    expect(page.body).toContain('Забагато спроб входу');
  });

  it('leave the sign-ins of other people and addresses alone', async () => {
    expect(await signIn(t.app, 'andrii-shevchenko')).toMatch(/^portico_session=/);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default, and takes true, a hop count or a list of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99,proxy.example' })).toThrow(ConfigError);
  });

  it('keys limits on the client behind the trusted proxy; without it, everyone behind the proxy shares one limit', async () => {
    const clock = { now: () => new Date('2026-12-03T10:00:05Z') };
    const trusting = await testApp({ ...UNREACHED_PROVIDER, TRUST_PROXY: '10.0.0.1' }, { clock });
    const plain = await testApp(UNREACHED_PROVIDER, { clock });
    try {
      for (const app of [trusting.app, plain.app]) {
        expect((await statuses(31, () => bogus(app, { remoteAddress: '10.0.0.1', forwardedFor: '203.0.113.1' }))).at(-1)).toBe(429);
      }
      expect((await bogus(trusting.app, { remoteAddress: '10.0.0.1', forwardedFor: '203.0.113.2' })).statusCode).toBe(400);
      expect((await bogus(plain.app, { remoteAddress: '10.0.0.1', forwardedFor: '203.0.113.2' })).statusCode).toBe(429);
      // A forwarded address from an untrusted peer is not believed.
      expect((await statuses(31, () => bogus(trusting.app, { remoteAddress: '10.9.9.9', forwardedFor: `198.51.100.${Math.floor(Math.random() * 250)}` }))).at(-1)).toBe(429);
    } finally {
      await trusting.close();
      await plain.close();
    }
  });
});

describe('rate-limit counters in the database', () => {
  it('are shared by two portal processes on one database', async () => {
    const database = await testDatabase();
    // On PostgreSQL the second process has its own connection pool; on the embedded database it shares the one.
    const second: Database = database.url === null ? database.db : await openDatabase({ url: database.url, dataDir: null, poolSize: 2 });
    // One fixed instant for both: the burst cannot straddle two windows however slowly it runs.
    const clock = { now: () => new Date('2026-12-03T10:00:05Z') };
    const a = await testApp(UNREACHED_PROVIDER, { database, clock });
    const b = await testApp(UNREACHED_PROVIDER, { database: { db: second }, clock });
    try {
      expect(await statuses(15, () => bogus(a.app, { remoteAddress: '10.5.0.1' }))).toEqual(Array(15).fill(400));
      expect(await statuses(15, () => bogus(b.app, { remoteAddress: '10.5.0.1' }))).toEqual(Array(15).fill(400));
      expect((await bogus(a.app, { remoteAddress: '10.5.0.1' })).statusCode).toBe(429);
      expect((await bogus(b.app, { remoteAddress: '10.5.0.1' })).statusCode).toBe(429);
    } finally {
      await a.close();
      await b.close();
      if (second !== database.db) {
        await second.close();
      }
      await database.drop();
    }
  });
});

describe('cheap refusals', () => {
  it('200 bad callbacks from one client are counted per minute and kind, with one chained audit row per kind', async () => {
    const t = await testApp(UNREACHED_PROVIDER, { clock: { now: () => new Date('2026-12-03T10:00:05Z') } });
    try {
      const audits = async () => Number((await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]?.n);
      const before = await audits();
      // Others write audited records at the same time.
      const others = Array.from({ length: 20 }, (_, i) => recordAudit(t.services.db, { at: new Date(), action: 'TEST_WRITE', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `other:${i}`, detail: {} }));
      const refused = await statuses(200, () => bogus(t.app, { remoteAddress: '10.6.0.1' }));
      await Promise.all(others);
      expect(refused.filter((s) => s === 400 || s === 429)).toHaveLength(200);
      const counts = await t.services.db.query<{ kind: string; count: number }>("SELECT kind, count FROM refusal_counts WHERE client = '10.6.0.1' ORDER BY kind");
      expect(counts).toEqual([{ kind: 'SIGN_IN:rate-limited', count: 170 }, { kind: 'SIGN_IN:state-unknown', count: 30 }]);
      expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(200);
      expect((await audits()) - before).toBe(20 + 2);
      const chained = await t.services.db.query<{ detail: Record<string, unknown> }>("SELECT detail FROM audit_events WHERE action = 'SIGN_IN' ORDER BY id");
      expect(chained.map((r) => r.detail['reason'])).toEqual(['state-unknown', 'rate-limited']);
      expect(await verifyAudit(t.services.db)).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });
});
