/**
 * The performance aggregates against a direct computation over the cases of a fixture (the scale seed's
 * cases, ratings given to some), on PGlite and PostgreSQL: after a refresh in small batches, after late
 * events (an old day, an id below the watermark that committed late), and after two workers raced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { seedDemoCatalogue, seedDemoRegistries } from '../../src/app/demo.ts';
import { seedScale } from '../../src/cli/seed-scale.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let services: Services;
let drop: () => Promise<void>;

const KYIV = `'Europe/Kyiv'`;
const DECISIONS = `('grant', 'refuse', 'grant-by-silent-consent')`;

beforeAll(async () => {
  const t = await testDatabase();
  db = t.db;
  drop = t.drop;
  services = await buildServices(loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test' }), { db });
  await seedDemoCatalogue(services, createLogger('silent'));
  await seedDemoRegistries(services);
  expect(await seedScale({ db, url: t.url }, { persons: 300, organisations: 20, cases: 1200 })).toBeNull();
  // Ratings on some decided cases, given on various days.
  await db.query(`UPDATE cases SET rating = 1 + (abs(hashtext(id::text)) % 5), rated_at = decided_at + interval '2 days'
                   WHERE outcome IN ('granted', 'refused') AND abs(hashtext(number)) % 3 = 0`);
}, 600_000);
afterAll(async () => drop());

/** The case aggregates computed straight from the events, as sorted JSON lines. */
async function directCaseDays(): Promise<string[]> {
  const rows = await db.query(
    `SELECT (e.at AT TIME ZONE ${KYIV})::date::text AS day, c.service_id, c.organisation_id, c.channel,
            count(*) FILTER (WHERE e.event = 'submit')::int AS submitted,
            count(*) FILTER (WHERE e.event IN ${DECISIONS})::int AS decided,
            count(*) FILTER (WHERE e.event IN ${DECISIONS} AND c.due_on IS NOT NULL)::int AS timed,
            count(*) FILTER (WHERE e.event IN ${DECISIONS} AND (e.at AT TIME ZONE ${KYIV})::date <= c.due_on)::int AS on_time,
            count(*) FILTER (WHERE e.event = 'grant')::int AS granted,
            count(*) FILTER (WHERE e.event = 'refuse')::int AS refused,
            count(*) FILTER (WHERE e.event = 'grant-by-silent-consent')::int AS silent_consents,
            count(*) FILTER (WHERE e.event = 'withdraw')::int AS withdrawn
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.event IN ('submit', 'withdraw', 'grant', 'refuse', 'grant-by-silent-consent')
      GROUP BY 1, 2, 3, 4`,
  );
  return rows.map((r) => JSON.stringify(r)).sort();
}

async function storedCaseDays(): Promise<string[]> {
  const rows = await db.query(
    `SELECT day::text AS day, service_id, organisation_id, channel, submitted, decided, timed, on_time, granted, refused, silent_consents, withdrawn FROM performance_case_days`,
  );
  return rows.map((r) => JSON.stringify(r)).sort();
}

/** Processing times straight from the events: whole days from the term's start (else the submission's day) to the decision's day. */
async function directDurations(): Promise<string[]> {
  const rows = await db.query(
    `SELECT day, service_id, organisation_id, days, count(*)::int AS decided FROM (
       SELECT (e.at AT TIME ZONE ${KYIV})::date::text AS day, c.service_id, c.organisation_id,
              least(366, greatest(0, (e.at AT TIME ZONE ${KYIV})::date - coalesce(c.term_started_on, (c.submitted_at AT TIME ZONE ${KYIV})::date))) AS days
         FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.event IN ${DECISIONS}) x
      GROUP BY 1, 2, 3, 4`,
  );
  return rows.map((r) => JSON.stringify(r)).sort();
}

async function storedDurations(): Promise<string[]> {
  const rows = await db.query('SELECT day::text AS day, service_id, organisation_id, days, decided FROM performance_durations');
  return rows.map((r) => JSON.stringify(r)).sort();
}

async function expectAggregatesEqualDirect() {
  expect(await storedCaseDays()).toEqual(await directCaseDays());
  expect(await storedDurations()).toEqual(await directDurations());
}

/** Runs the job until nothing is left past the watermarks. */
async function refreshAll(batch = 97) {
  return services.performance.refresh({ batch, maxBatches: 10_000 });
}

describe('the performance aggregates', () => {
  it('equal a direct computation over the cases after a refresh in small batches', async () => {
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events');
    const done = await refreshAll();
    expect(done.caseEvents).toBe(n);
    await expectAggregatesEqualDirect();
    // A second run finds nothing new and changes nothing.
    expect((await refreshAll()).caseEvents).toBe(0);
    await expectAggregatesEqualDirect();
  });

  it('count ratings per day and the satisfaction figures from them', async () => {
    const direct = await db.query(
      `SELECT (rated_at AT TIME ZONE ${KYIV})::date::text AS day, service_id, organisation_id, rating, count(*)::int AS ratings FROM cases WHERE rating IS NOT NULL GROUP BY 1, 2, 3, 4`,
    );
    expect(direct.length).toBeGreaterThan(10);
    const stored = await db.query('SELECT day::text AS day, service_id, organisation_id, rating, ratings FROM performance_rating_days');
    expect(stored.map((r) => JSON.stringify(r)).sort()).toEqual(direct.map((r) => JSON.stringify(r)).sort());
  });

  it('give the median and 90th percentile of a service as the database computes them over its decisions', async () => {
    const [top] = await db.query<{ service_id: string }>(`SELECT c.service_id FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.event IN ${DECISIONS} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const serviceId = top?.service_id ?? '';
    const figures = await services.performance.figures({ kind: 'service', id: serviceId });
    const from = figures.months[0]?.month ?? '';
    const [direct] = await db.query<{ n: number; median: number | null; p90: number | null; submitted: number }>(
      `SELECT count(*)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY days) AS median, percentile_disc(0.9) WITHIN GROUP (ORDER BY days) AS p90,
              (SELECT count(*)::int FROM case_events e2 JOIN cases c2 ON c2.id = e2.case_id WHERE e2.event = 'submit' AND c2.service_id = $1 AND (e2.at AT TIME ZONE ${KYIV})::date >= $2::date) AS submitted
         FROM (SELECT least(366, greatest(0, (e.at AT TIME ZONE ${KYIV})::date - coalesce(c.term_started_on, (c.submitted_at AT TIME ZONE ${KYIV})::date))) AS days
                 FROM case_events e JOIN cases c ON c.id = e.case_id
                WHERE e.event IN ${DECISIONS} AND c.service_id = $1 AND (e.at AT TIME ZONE ${KYIV})::date >= $2::date) x`,
      [serviceId, from],
    );
    expect(direct?.n).toBeGreaterThanOrEqual(5);
    expect(figures.total.decided).toBe(direct?.n);
    expect(figures.total.medianDays).toBe(direct?.median);
    expect(figures.total.p90Days).toBe(direct?.p90);
    expect(figures.total.applicationsTotal).toBe((direct?.submitted ?? 0) >= 5 || direct?.submitted === 0 ? direct?.submitted : null);
  });

  it('fold in a late event dated on an old day, and one whose id is below the watermark (committed late)', async () => {
    const [c] = await db.query<{ id: string }>(`SELECT id FROM cases WHERE outcome IS NULL ORDER BY number LIMIT 1`);
    const [{ max } = { max: 0 }] = await db.query<{ max: number }>('SELECT max(id)::int AS max FROM case_events');
    // A refusal dated 40 days ago, written now with an id five past the last: the ids between are a gap the watermark passes.
    await db.query(
      `INSERT INTO case_events (id, case_id, event, from_state, to_state, actor_role, channel, at) OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, 'refuse', 'in-review', 'refused', 'decision-maker', 'web', now() - interval '40 days')`,
      [max + 5, c?.id],
    );
    await refreshAll();
    await expectAggregatesEqualDirect();
    const gaps = await db.query<{ lo: string; hi: string }>(`SELECT lo::text AS lo, hi::text AS hi FROM performance_event_gaps WHERE source = 'case-events'`);
    expect(gaps).toEqual([{ lo: String(max + 1), hi: String(max + 4) }]);
    // The transaction that held id max + 2 commits now: its event is folded in once, and the gap shrinks around it.
    await db.query(
      `INSERT INTO case_events (id, case_id, event, from_state, to_state, actor_role, channel, at) OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, 'grant', 'in-review', 'granted', 'decision-maker', 'web', now() - interval '3 days')`,
      [max + 2, c?.id],
    );
    await refreshAll();
    await expectAggregatesEqualDirect();
    const after = await db.query<{ lo: string; hi: string }>(`SELECT lo::text AS lo, hi::text AS hi FROM performance_event_gaps WHERE source = 'case-events' ORDER BY lo`);
    expect(after).toEqual([{ lo: String(max + 1), hi: String(max + 1) }, { lo: String(max + 3), hi: String(max + 4) }]);
    await refreshAll();
    await expectAggregatesEqualDirect();
  });

  it('do not double count when two workers refresh at once', async () => {
    // New events for the racers: each case's submission once more, on today (the identity moved past the ids written by hand).
    await db.query(`SELECT setval(pg_get_serial_sequence('case_events', 'id'), (SELECT max(id) FROM case_events))`);
    await db.query(
      `INSERT INTO case_events (case_id, event, from_state, to_state, actor_role, channel, at)
       SELECT id, 'submit', 'new', 'submitted', 'system', channel, now() FROM cases ORDER BY number LIMIT 700`,
    );
    const other = await buildServices(loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test' }), { db });
    const runs = await Promise.all([services.performance.refresh({ batch: 50, maxBatches: 10_000 }), other.performance.refresh({ batch: 50, maxBatches: 10_000 })]);
    expect(runs.reduce((s, r) => s + r.caseEvents, 0)).toBeGreaterThanOrEqual(700);
    await refreshAll();
    await expectAggregatesEqualDirect();
  });

  it('leave a source to the worker holding its row lock', async () => {
    if (db.kind !== 'postgres') {
      return; // one connection on PGlite: no second worker can run while a transaction is open
    }
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => { locked = resolve; });
    const holder = db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM performance_refresh WHERE source = 'case-events' FOR UPDATE`);
      locked();
      await held;
    });
    await isLocked;
    const run = await services.performance.refresh();
    release();
    await holder;
    expect(run.busy).toContain('case-events');
  });
});
