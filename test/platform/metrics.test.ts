import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildHttp } from '../../src/app/http.ts';
import { startJobs } from '../../src/app/jobs.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { appendAudit } from '../../src/platform/audit/audit.ts';
import { auditLogRepository } from '../../src/platform/audit/audit-log.repository.ts';
import type { Queryable, Row } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createJobRuns, createPortalMetrics } from '../../src/platform/metrics/index.ts';
import { outboxRepository } from '../../src/platform/outbox/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { switchableDatabase } from '../support/switchable-database.ts';
import { aCatalogue, aService } from '../support/factories.ts';

const TOKEN = 'a-metrics-token-for-the-tests-0123456789';
let t: TestApp;

beforeAll(async () => {
  t = await testApp({ METRICS_TOKEN: TOKEN });
}, 120_000);
afterAll(async () => t.close());

const scrape = async (app = t.app) => app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

/** The value of one sample line (`name{labels} value`), or undefined when the exposition lacks it. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('asks for the bearer token: none or a wrong one is a 401, the right one the Prometheus text', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, 'Bearer realm="metrics"']);
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN.replace('a-', 'b-')}` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('portico_');
    const right = await scrape();
    expect(right.statusCode).toBe(200);
    expect(right.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(right.headers['cache-control']).toBe('no-store');
    expect(right.body).toContain('# TYPE portico_http_request_duration_seconds histogram');
    expect(right.body).toContain('# TYPE process_cpu_user_seconds_total counter'); // Node's own, once per process
  });

  it('is a 404 without a token configured, except in development on a loopback address', async () => {
    const withMetrics = async (metrics: { token: string | null; openWithoutToken: boolean }) =>
      (await buildHttp({ ...t.services, config: { ...t.services.config, metrics } }, createLogger('silent'))).app;
    const closed = await withMetrics({ token: null, openWithoutToken: false });
    const open = await withMetrics({ token: null, openWithoutToken: true });
    try {
      const hidden = await closed.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('portico_');
      const answered = await open.inject({ method: 'GET', url: '/metrics' });
      expect(answered.statusCode).toBe(200);
      expect(answered.body).toContain('portico_database_up 1');
    } finally {
      await closed.close();
      await open.close();
    }
  });

  it('labels requests by route pattern and status, never by the URL asked for', async () => {
    expect((await t.services.catalogue.importRecords(aCatalogue({ services: [aService({ id: 'metrics-counted-service' })] }), 'test')).ok).toBe(true);
    for (let i = 0; i < 3; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/en/services/metrics-counted-service' })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/uk/no-such-page-7f3a9' })).statusCode).toBe(404);
    const text = (await scrape()).body;
    expect(sample(text, 'portico_http_request_duration_seconds_count{method="GET",route="/en/services/:id",status_code="200"}')).toBe(3);
    expect(sample(text, 'portico_http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('metrics-counted-service');
    expect(text).not.toContain('no-such-page-7f3a9');
  });

  it('reports the outbox\'s backlog: pending messages, the oldest one\'s age, dead letters', async () => {
    const before = (await scrape()).body;
    expect(sample(before, 'portico_database_up')).toBe(1);
    const pending = sample(before, 'portico_outbox_pending_messages') ?? NaN;
    await t.services.db.transaction(async (tx) => {
      for (const key of ['a', 'b', 'c']) {
        await outboxRepository.enqueue(tx, { topic: 'metrics.test', payload: {}, idempotencyKey: `metrics-test-${key}`, availableAt: new Date() });
      }
    });
    await t.services.db.query("UPDATE outbox SET created_at = now() - interval '10 minutes' WHERE idempotency_key = 'metrics-test-a'");
    await t.services.db.query("UPDATE outbox SET dead_at = now() WHERE idempotency_key = 'metrics-test-c'");
    const after = (await scrape()).body;
    expect(sample(after, 'portico_outbox_pending_messages')).toBe(pending + 2);
    expect(sample(after, 'portico_outbox_dead_messages')).toBeGreaterThanOrEqual(1);
    // The oldest pending message is at least the one written ten minutes ago (an older one may be pending from the portal itself).
    expect(sample(after, 'portico_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(599);
  });

  it('reports the seal lag: entries committed but not in a signed checkpoint, until the sealer signs one', async () => {
    await t.services.auditLog.seal();
    const sealed = (await scrape()).body;
    expect([sample(sealed, 'portico_audit_unsealed_entries'), sample(sealed, 'portico_audit_seal_lag_seconds')]).toEqual([0, 0]);
    const size = sample(sealed, 'portico_audit_checkpoint_tree_size') ?? NaN;
    const at = new Date(Date.now() - 90_000);
    for (const subject of ['one', 'two']) {
      await t.services.db.transaction((tx) => appendAudit(tx, { at, action: 'METRICS_TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject, detail: {} }));
    }
    const waiting = (await scrape()).body;
    expect(sample(waiting, 'portico_audit_unsealed_entries')).toBe(2);
    expect(sample(waiting, 'portico_audit_seal_lag_seconds')).toBeGreaterThanOrEqual(89);
    await t.services.auditLog.seal();
    const signed = (await scrape()).body;
    expect([sample(signed, 'portico_audit_unsealed_entries'), sample(signed, 'portico_audit_seal_lag_seconds'), sample(signed, 'portico_audit_checkpoint_tree_size')]).toEqual([0, 0, size + 2]);
    expect(sample(signed, 'portico_audit_checkpoint_age_seconds')).toBeLessThan(60);
  });

  it('reports each background job\'s lag and runs once the jobs run', async () => {
    expect(sample((await scrape()).body, 'portico_job_lag_seconds{job="deadlines"}')).toBeUndefined(); // not started: no job reported
    const jobs = startJobs(t.services, 1, createLogger('silent'));
    try {
      await expect.poll(() => t.services.jobRuns.snapshot().get('sign-in-purge')?.succeeded ?? 0, { timeout: 20_000, interval: 200 }).toBeGreaterThanOrEqual(1);
    } finally {
      await jobs.stop();
    }
    const text = (await scrape()).body;
    for (const job of ['deadlines', 'draft-purge', 'appointment-reminders', 'collection-reminders', 'decisions-by-post', 'sign-in-purge']) {
      expect(sample(text, `portico_job_runs_total{job="${job}",outcome="succeeded"}`)).toBeGreaterThanOrEqual(1);
      expect(sample(text, `portico_job_lag_seconds{job="${job}"}`)).toBeLessThan(30);
      expect(sample(text, `portico_job_last_success_timestamp_seconds{job="${job}"}`)).toBeGreaterThan(Date.now() / 1000 - 60);
    }
  }, 30_000);

  it('reports the PostgreSQL pool, and no pool on the embedded database', async () => {
    const text = (await scrape()).body;
    if (t.services.db.kind === 'postgres') {
      expect(sample(text, 'portico_db_pool_max_connections')).toBe(5); // test databases' pools
      expect(sample(text, 'portico_db_pool_open_connections')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'portico_db_pool_waiting_requests')).toBe(0);
    } else {
      expect(text).not.toContain('portico_db_pool_');
    }
  });
});

describe('the portal metrics when the database does not answer', () => {
  it('answers in time with portico_database_up 0 and NaN for what the database would have said', async () => {
    const switchable = await switchableDatabase(t.services.db);
    try {
      switchable.set('hung');
      const metrics = createPortalMetrics({ db: switchable.db, clock: systemClock, auditLog: t.services.auditLog, jobs: createJobRuns(() => new Date()), databaseTimeoutMs: 200 });
      const started = performance.now();
      const text = await metrics.render();
      expect(performance.now() - started).toBeLessThan(2000);
      expect(sample(text, 'portico_database_up')).toBe(0);
      // prom-client writes NaN as `Nan` (Prometheus reads it case-insensitively).
      expect(text).toMatch(/^portico_outbox_pending_messages nan$/im);
      expect(text).toMatch(/^portico_outbox_oldest_pending_age_seconds nan$/im);
      expect(text).toMatch(/^portico_audit_seal_lag_seconds nan$/im);
    } finally {
      await switchable.close();
    }
  });
});

describe('the queries read at each scrape', () => {
  /** The statements a repository call sends, so the test explains exactly those. */
  async function statementsOf(call: (q: Queryable) => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    await call({ query: async <T extends Row>(sql: string, params?: readonly unknown[]) => (seen.push(sql), t.services.db.query<T>(sql, params)) });
    return seen;
  }
  const plan = async (sql: string) => (await t.services.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).map((r) => r['QUERY PLAN']).join('\n');

  it('read the outbox and the audit log through their partial indexes, never scanning the delivered or sealed rows', async () => {
    await t.services.db.query(
      `INSERT INTO outbox (topic, payload, idempotency_key, available_at, done_at)
       SELECT 'metrics.delivered', '{}', 'metrics-delivered-' || g, now(), now() FROM generate_series(1, 3000) AS g`,
    );
    await t.services.db.query(
      `INSERT INTO audit_events (at, action, outcome, channel, detail)
       SELECT now(), 'METRICS_BULK', 'done', 'system', jsonb_build_object('n', g) FROM generate_series(1, 3000) AS g`,
    );
    await t.services.auditLog.seal();
    await t.services.db.query('ANALYZE outbox');
    await t.services.db.query('ANALYZE audit_events');
    const [outbox] = await statementsOf((q) => outboxRepository.backlog(q));
    const outboxPlan = await plan(outbox ?? '');
    expect(outboxPlan).toContain('outbox_claimable');
    expect(outboxPlan).toContain('outbox_dead');
    expect(outboxPlan).not.toMatch(/Seq Scan on outbox/);
    const [audit] = await statementsOf((q) => auditLogRepository.sealBacklog(q));
    const auditPlan = await plan(audit ?? '');
    expect(auditPlan).toContain('audit_events_unsealed_idx');
    expect(auditPlan).not.toMatch(/Seq Scan on audit_(events|checkpoints)/);
  }, 60_000);
});
