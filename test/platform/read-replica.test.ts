import { randomUUID } from 'node:crypto';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { testApp } from '../support/app.ts';
import { holdReplica, REPLICA_WAIT_MS } from '../support/replica.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { type ReadQueryable, openReads } from '../../src/platform/db/reads.ts';
import { loadConfig } from '../../src/app/config.ts';
import { READ_FLOOR_COOKIE } from '../../src/app/read-scope.ts';
import { aCatalogue, aService } from '../support/factories.ts';

/**
 * Reads through a streaming replica with read-your-writes (ADR 0018), on a real primary and replica:
 * `scripts/replica.sh start` makes them, and .ci/run sets these two variables.
 */
const PRIMARY_URL = process.env['TEST_REPLICA_PRIMARY_URL'] ?? '';
const READ_URL = process.env['TEST_READ_DATABASE_URL'] ?? '';
const configured = PRIMARY_URL !== '' && READ_URL !== '';
if (!configured) {
  console.warn('read-replica.test.ts: the tests on a streaming replica are skipped; set TEST_REPLICA_PRIMARY_URL and TEST_READ_DATABASE_URL (scripts/replica.sh start; scripts/replica.sh env prints them)');
}

const urlOf = (base: string, database: string) => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

describe.skipIf(!configured)('a streaming replica (READ_DATABASE_URL)', () => {
  const name = `portico_replica_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let primary: Database;
  /** The replica itself, as its superuser: to pause and resume replay. */
  let standby: pg.Client;
  let portal: TestApp;
  const db = () => portal.services.db;
  const reads = () => portal.services.reads;

  const replayed = async (): Promise<void> => {
    const position = await reads().writePosition();
    for (let i = 0; i < 500; i += 1) {
      const [row] = (await standby.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [position])).rows;
      if (row?.done) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the replica did not replay within 5 s');
  };
  /** Runs `work` while the replica replays nothing: the replica lags behind every write made meanwhile. */
  const whileReplayPaused = async (work: () => Promise<void>): Promise<void> => {
    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      await work();
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
  };
  const inRecovery = async (q: ReadQueryable) => (await q.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby'))[0]?.standby;
  const deadlineDays = async (q: ReadQueryable, id: string) =>
    (await q.query<{ days: number }>("SELECT (data->'deadline'->>'days')::int AS days FROM services WHERE id = $1", [id]))[0]?.days ?? null;

  let release: (() => Promise<void>) | undefined;
  // One file at a time on the replica pair: another file's pause would stop this file's replay (test/support/replica.ts).
  beforeAll(async () => {
    release = await holdReplica(PRIMARY_URL);
  }, REPLICA_WAIT_MS);
  // Declared first, so it runs after the file's other afterAll hooks (they run in reverse order).
  afterAll(async () => {
    await release?.();
  });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PRIMARY_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    primary = await openDatabase({ url: urlOf(PRIMARY_URL, name), dataDir: null, poolSize: 4 });
    standby = new pg.Client({ connectionString: READ_URL });
    await standby.connect();
    portal = await testApp({ DATABASE_URL: urlOf(PRIMARY_URL, name), READ_DATABASE_URL: urlOf(READ_URL, name), READ_REPLICA_WAIT_MS: '200' }, { database: { db: primary } });
    expect((await portal.services.catalogue.importRecords(aCatalogue(), 'test')).ok).toBe(true);
    await replayed();
  });

  afterAll(async () => {
    await standby?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await standby?.end();
    await portal?.services.reads.close();
    await portal?.close();
    await primary?.close();
    const admin = new pg.Client({ connectionString: PRIMARY_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('reads through the replica pool; a writing request and the services’ writes use the primary', async () => {
    expect(reads().replicated).toBe(true);
    expect(await inRecovery(reads().lagging)).toBe(true);
    expect(await reads().within({ primary: true, floor: null }, () => inRecovery(reads().lagging))).toBe(false);
    expect(await inRecovery(db())).toBe(false);
    expect(await deadlineDays(reads().lagging, 'foreign-passport')).toBe(20);
  });

  it('reads the primary when no replica is configured: no cookie, no second pool', async () => {
    const alone = openReads(primary, { url: null, poolSize: 1, waitMs: 100 });
    expect(alone.replicated).toBe(false);
    expect(await alone.writePosition()).toBeNull();
    expect(await inRecovery(alone.lagging)).toBe(false);
    expect(await alone.within({ primary: false, floor: '0/1' }, () => inRecovery(alone.lagging))).toBe(false);
  });

  it('refuses a write sent through the read pool, even where the server could write', async () => {
    await expect(reads().lagging.query("UPDATE services SET data = data WHERE id = 'foreign-passport'")).rejects.toThrow(/read-only transaction/);
    // The read pool's connections are read-only by default, not only because the server is a standby.
    const [row] = await reads().lagging.query<{ value: string }>("SELECT current_setting('default_transaction_read_only') AS value");
    expect(row?.value).toBe('on');
    // And by type: a read pool has no transaction and no exec.
    // @ts-expect-error ReadQueryable has no transaction
    expect(reads().lagging.transaction).toBeUndefined();
  });

  it('lets other readers lag, and shows the actor who wrote their write at once', async () => {
    await whileReplayPaused(async () => {
      const edit = await portal.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [aService({ deadline: { days: 33, unit: 'working' } })] }, 'test');
      expect(edit.ok).toBe(true);
      const floor = await reads().writePosition();
      expect(floor).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // Someone else reads the replica, which has not replayed the edit: the old answer, at once.
      expect(await deadlineDays(reads().lagging, 'foreign-passport')).toBe(20);
      expect((await portal.services.catalogue.service('foreign-passport')).value?.deadline.days).toBe(20);
      // The writer, whose floor the replica has not reached within the wait, reads the primary.
      const started = Date.now();
      const mine = await reads().within({ primary: false, floor }, async () => ({
        days: (await portal.services.catalogue.service('foreign-passport')).value?.deadline.days,
        standby: await inRecovery(reads().lagging),
      }));
      expect(mine).toEqual({ days: 33, standby: false });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    });
    // Once the replica has replayed the write, the writer reads the replica again, and everyone sees it.
    await replayed();
    const floor = await reads().writePosition();
    expect(await reads().within({ primary: false, floor }, () => inRecovery(reads().lagging))).toBe(true);
    expect((await portal.services.catalogue.service('foreign-passport')).value?.deadline.days).toBe(33);
  });

  it('carries the writer’s position in a cookie: a page shows their write while others see the replica’s', async () => {
    const path = '/en/services/replica-check';
    await whileReplayPaused(async () => {
      const added = await portal.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [aService({ id: 'replica-check', identifier: '01/99' })] }, 'test');
      expect(added.ok).toBe(true);
      const floor = await reads().writePosition();
      // A reader without the cookie: the replica has no such service yet.
      expect((await portal.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
      // The writer's browser, with its cookie: the primary answers.
      expect((await portal.app.inject({ method: 'GET', url: path, cookies: { [READ_FLOOR_COOKIE]: floor ?? '' } })).statusCode).toBe(200);
      // A cookie that is not a WAL position counts as none.
      expect((await portal.app.inject({ method: 'GET', url: path, cookies: { [READ_FLOOR_COOKIE]: "0/0' OR 1=1" } })).statusCode).toBe(404);
    });
    await replayed();
    expect((await portal.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
  });

  it('gives a writing request’s answer the primary’s position after its commits', async () => {
    const before = await reads().writePosition();
    // A kiosk takes a ticket: a public form post that writes, then redirects to the ticket.
    const response = await portal.app.inject({
      method: 'POST', url: '/en/centres/dniprohrad-cnap/kiosk/tickets',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' }, payload: 'service=foreign-passport',
    });
    expect(response.statusCode).toBe(303);
    const cookie = response.cookies.find((c) => c.name === READ_FLOOR_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const [row] = await db().query<{ later: boolean }>('SELECT $1::pg_lsn > $2::pg_lsn AS later', [cookie?.value, before]);
    expect(row?.later).toBe(true);
    // A request that only reads sets no cookie.
    const page = await portal.app.inject({ method: 'GET', url: String(response.headers.location), cookies: { [READ_FLOOR_COOKIE]: cookie?.value ?? '' } });
    expect(page.statusCode).toBe(200);
    expect(page.cookies.find((c) => c.name === READ_FLOOR_COOKIE)).toBeUndefined();
  });
});

describe('READ_DATABASE_URL', () => {
  it('is optional, and needs a PostgreSQL primary', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).readReplica).toBeNull();
    expect(() => loadConfig({ NODE_ENV: 'test', READ_DATABASE_URL: 'postgres://replica/db' })).toThrow(/READ_DATABASE_URL needs DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://primary/db', READ_DATABASE_URL: 'http://replica' })).toThrow(/READ_DATABASE_URL must start with postgres/);
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://primary/db', READ_DATABASE_URL: 'postgres://replica/db', READ_REPLICA_WAIT_MS: '250' }).readReplica).toEqual({ url: 'postgres://replica/db', waitMs: 250 });
  });
});
