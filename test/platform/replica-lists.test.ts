import { randomUUID } from 'node:crypto';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createJobRuns, createPortalMetrics } from '../../src/platform/metrics/index.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openReads, type WalPosition } from '../../src/platform/db/reads.ts';
import { READ_FLOOR_COOKIE } from '../../src/app/read-scope.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { holdReplica, REPLICA_WAIT_MS } from '../support/replica.ts';
import { demoRecords } from '../support/demo.ts';
import { personaOidc, personaToken, signedInPersona } from '../support/personas.ts';
import { draftOf, submit } from '../cases/support.ts';

/**
 * The lists moved to the replica (ADR 0018) — My applications, the cabinet, the inbox, the officers'
 * work list — keep read-your-writes while the replica lags, and the replica's lag and the reads it
 * served show in /metrics. On a real primary and replica (`scripts/replica.sh start`); skipped without them.
 */
const PRIMARY_URL = process.env['TEST_REPLICA_PRIMARY_URL'] ?? '';
const READ_URL = process.env['TEST_READ_DATABASE_URL'] ?? '';
const configured = PRIMARY_URL !== '' && READ_URL !== '';
const METRICS_TOKEN = 'replica-metrics-token-0123456789abcdef';

const urlOf = (base: string, database: string) => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

/** One sample's value in the exposition text, or null when the line is absent. */
const sample = (text: string, line: string): number | null => {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? null : Number(found.slice(line.length + 1));
};

describe.skipIf(!configured)('lists on a lagging replica keep read-your-writes', () => {
  const name = `portico_lists_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let primary: Database;
  let standby: pg.Client;
  let portal: TestApp;
  let olena: SignedIn & { token: string };
  const services = () => portal.services;
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
  const whileReplayPaused = async (work: () => Promise<void>): Promise<void> => {
    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      await work();
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
  };
  /** `work` as a request of the browser whose last write is at `floor` (null: a browser without the cookie). */
  const asReader = <T>(floor: WalPosition | null, work: () => Promise<T>): Promise<T> => reads().within({ primary: false, floor }, work);
  const metricsText = async () => {
    const response = await portal.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

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
    primary = await openDatabase({ url: urlOf(PRIMARY_URL, name), dataDir: null, poolSize: 6 });
    standby = new pg.Client({ connectionString: READ_URL });
    await standby.connect();
    portal = await testApp(
      { DATABASE_URL: urlOf(PRIMARY_URL, name), READ_DATABASE_URL: urlOf(READ_URL, name), READ_REPLICA_WAIT_MS: '150', METRICS_TOKEN },
      { database: { db: primary }, oidc: personaOidc() },
    );
    expect((await services().catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
    olena = await signedInPersona(services(), 'olena-koval');
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

  it('shows a case just submitted in My applications and the cabinet at once to its applicant, while others read the lagging replica', async () => {
    const draft = await draftOf(services(), olena, 'tax-clearance-certificate');
    await replayed();
    await whileReplayPaused(async () => {
      const c = await submit(services(), olena, draft);
      const floor = await reads().writePosition();
      // Without the cookie (a reader who did not write): the replica, which has not replayed the submission.
      expect((await asReader(null, () => services().cases.mine(olena))).rows.map((x) => x.id)).not.toContain(c.id);
      // The applicant's next pages: the primary answers, since the replica has not reached their write.
      expect((await asReader(floor, () => services().cases.mine(olena))).rows.map((x) => x.id)).toContain(c.id);
      const cabinet = await asReader(floor, () => services().drafts.cabinet(olena));
      expect(cabinet.parties.flatMap((p) => p.cases.map((x) => x.case.id))).toContain(c.id);
      expect(cabinet.parties.flatMap((p) => p.drafts.map((d) => d.draft.id))).not.toContain(draft);
      // The replica still has the draft unsubmitted.
      const staleCabinet = await asReader(null, () => services().drafts.cabinet(olena));
      expect(staleCabinet.parties.flatMap((p) => p.drafts.map((d) => d.draft.id))).toContain(draft);

      // Through the web: the page of My applications with and without the cookie the submission's answer sets.
      const session = `portico_session=${olena.token}`;
      const mine = await portal.app.inject({ method: 'GET', url: '/en/cabinet/applications', headers: { cookie: `${session}; ${READ_FLOOR_COOKIE}=${floor ?? ''}` } });
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain(c.number);
      const stale = await portal.app.inject({ method: 'GET', url: '/en/cabinet/applications', headers: { cookie: session } });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).not.toContain(c.number);
    });
    await replayed();
    expect((await asReader(null, () => services().cases.mine(olena))).rows.length).toBeGreaterThan(0);
  });

  it('marks an inbox message read on opening it (a GET that writes), and the inbox list then shows it read', async () => {
    const c = await submit(services(), olena, await draftOf(services(), olena, 'tax-clearance-certificate'));
    await services().notices.fanOut({ caseId: c.id, kind: 'submitted', decided: null, feeDue: null, answerBy: null }, `replica-lists:${c.id}`);
    await replayed();
    const message = (await asReader(null, () => services().notices.inbox(olena))).flatMap((p) => p.messages).find((m) => m.caseId === c.id);
    expect(message?.readAt).toBeNull();
    await whileReplayPaused(async () => {
      const session = `portico_session=${olena.token}`;
      const opened = await portal.app.inject({ method: 'GET', url: `/en/cabinet/inbox/${message?.id ?? ''}`, headers: { cookie: session } });
      expect(opened.statusCode).toBe(200);
      const floor = opened.cookies.find((k) => k.name === READ_FLOOR_COOKIE)?.value ?? null;
      expect(floor).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const readAt = async (f: WalPosition | null) =>
        (await asReader(f, () => services().notices.inbox(olena))).flatMap((p) => p.messages).find((m) => m.id === message?.id)?.readAt ?? null;
      expect(await readAt(floor)).not.toBeNull();
      expect(await readAt(null)).toBeNull();
    });
  });

  it('shows an officer their own action in the work list at once', async () => {
    const c = await submit(services(), olena, await draftOf(services(), olena, 'criminal-record-certificate'));
    const admin = await signedInPersona(services(), 'viktor-savchenko', 'staff');
    expect((await services().staff.grant(admin, { nationalId: '9000000066', role: 'clerk', agencyId: c.organisationId, centreId: null })).ok).toBe(true);
    const clerk = await services().sessions.resolve(await personaToken(services(), 'mykola-tkachenko', 'staff'), 'uk');
    if (clerk === null) {
      throw new Error('the clerk did not sign in');
    }
    const query = { agencyId: c.organisationId, state: null, serviceId: null, assigned: 'any' as const, running: false, cursor: null };
    await replayed();
    await whileReplayPaused(async () => {
      const registered = await services().backOffice.act(clerk, c.id, { event: 'register' });
      expect(registered.ok).toBe(true);
      const floor = await reads().writePosition();
      const stateIn = async (f: WalPosition | null) =>
        (await asReader(f, () => services().backOffice.queue(clerk, query))).rows.find((r) => r.case.id === c.id)?.case.state;
      expect(await stateIn(floor)).toBe(registered.ok ? registered.value.state : 'registered');
      expect(await stateIn(null)).toBe(c.state);
      expect(c.state).not.toBe(registered.ok ? registered.value.state : c.state);
    });
  });

  it('reports the replica’s lag in seconds and bytes, and the reads each source served', async () => {
    await replayed();
    // Caught up: 0 bytes and 0 seconds (a few samples, as the server itself may write WAL between two reads).
    let caughtUp = '';
    for (let i = 0; i < 20 && sample(caughtUp, 'portico_replica_lag_bytes') !== 0; i += 1) {
      caughtUp = await metricsText();
    }
    expect(sample(caughtUp, 'portico_replica_lag_bytes')).toBe(0);
    expect(sample(caughtUp, 'portico_replica_lag_seconds')).toBe(0);
    const lagged = (text: string) => sample(text, 'portico_lagging_reads_total{served_by="primary",why="lagged"}') ?? NaN;
    const before = lagged(caughtUp);
    await whileReplayPaused(async () => {
      await services().catalogue.importRecords({ organisations: [], centres: [], events: [], services: [] }, 'test');
      const floor = await reads().writePosition();
      await asReader(floor, () => services().cases.mine(olena));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const behind = await metricsText();
      expect(sample(behind, 'portico_replica_lag_bytes')).toBeGreaterThan(0);
      expect(sample(behind, 'portico_replica_lag_seconds')).toBeGreaterThanOrEqual(0);
      expect(lagged(behind)).toBeGreaterThan(before);
      expect(sample(behind, 'portico_lagging_reads_total{served_by="replica",why="tolerant"}')).toBeGreaterThan(0);
    });
    await replayed();
    expect(sample(await metricsText(), 'portico_replica_lag_bytes')).toBeLessThan(1_000_000);
  });

  it('reports NaN when the replica cannot be reached', async () => {
    const unreachable = openReads(primary, { url: 'postgres://postgres@127.0.0.1:1/nowhere', poolSize: 1, waitMs: 10 });
    try {
      expect(await unreachable.lag()).toEqual({ bytes: NaN, seconds: NaN });
      const metrics = createPortalMetrics({ db: primary, reads: unreachable, clock: services().clock, auditLog: services().auditLog, jobs: createJobRuns(() => new Date()) });
      const text = await metrics.render();
      expect(sample(text, 'portico_replica_lag_seconds')).toBeNaN();
      expect(sample(text, 'portico_replica_lag_bytes')).toBeNaN();
    } finally {
      await unreachable.close();
    }
  });
});

describe('without a replica', () => {
  let portal: TestApp;
  beforeAll(async () => {
    portal = await testApp({ METRICS_TOKEN }, { oidc: personaOidc() });
    expect((await portal.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  });
  afterAll(async () => portal?.close());

  it('reads the lists from the one database, sets no cookie and reports no replica metrics', async () => {
    const { services } = portal;
    expect(services.reads.replicated).toBe(false);
    const olena = await signedInPersona(services, 'olena-koval');
    const c = await submit(services, olena, await draftOf(services, olena, 'tax-clearance-certificate'));
    expect((await services.cases.mine(olena)).rows.map((x) => x.id)).toContain(c.id);
    const page = await portal.app.inject({ method: 'GET', url: '/en/cabinet/applications', headers: { cookie: `portico_session=${olena.token}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(c.number);
    expect(page.cookies.find((k) => k.name === READ_FLOOR_COOKIE)).toBeUndefined();
    const metrics = await portal.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.body).toContain('portico_database_up 1');
    expect(metrics.body).not.toContain('portico_replica_');
    expect(metrics.body).not.toContain('portico_lagging_reads_total');
  });
});
