/**
 * The demo's past year of decided cases (`seedDemoHistory`), on PGlite and PostgreSQL: what it writes,
 * that it writes nothing to a portal that holds a case, and that the public figures of every service come from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { DEMO_HISTORY, seedDemoCatalogue, seedDemoHistory, seedDemoRegistries } from '../../src/app/demo.ts';
import { dueDate, holidayCalendar } from '../../src/modules/deadlines/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let services: Services;
let drop: () => Promise<void>;
const logger = createLogger('silent');

beforeAll(async () => {
  const t = await testDatabase();
  db = t.db;
  drop = t.drop;
  services = await buildServices(loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test' }), { db });
  await seedDemoCatalogue(services, logger);
  await seedDemoRegistries(services);
  await seedDemoHistory(services, logger);
}, 600_000);
afterAll(async () => drop());

describe('the demo history', () => {
  it('is a past year of decided cases of every service, each decided when its decision event says, some after the term', async () => {
    const [c] = await db.query<{ cases: number; running: number; services: number; catalogue: number; channels: number; outcomes: number; wrong_state: number; wrong_decision_time: number; late: number; decided: number; too_old: number; too_recent: number; rated: number; documents: number; persons: number }>(
      `SELECT (SELECT count(*)::int FROM cases) AS cases,
              (SELECT count(*)::int FROM cases WHERE outcome IS NULL) AS running,
              (SELECT count(DISTINCT service_id)::int FROM cases) AS services,
              (SELECT count(*)::int FROM services) AS catalogue,
              (SELECT count(DISTINCT channel)::int FROM cases) AS channels,
              (SELECT count(DISTINCT outcome)::int FROM cases) AS outcomes,
              (SELECT count(*)::int FROM cases c WHERE c.state <> (SELECT e.to_state FROM case_events e WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1)) AS wrong_state,
              (SELECT count(*)::int FROM cases c WHERE c.decided_at <> (SELECT e.at FROM case_events e WHERE e.case_id = c.id AND e.event IN ('grant', 'refuse', 'withdraw'))) AS wrong_decision_time,
              (SELECT count(*)::int FROM cases WHERE outcome IN ('granted', 'refused') AND (decided_at AT TIME ZONE 'Europe/Kyiv')::date > due_on) AS late,
              (SELECT count(*)::int FROM cases WHERE outcome IN ('granted', 'refused')) AS decided,
              (SELECT count(*)::int FROM cases WHERE submitted_at < now() - interval '366 days') AS too_old,
              (SELECT count(*)::int FROM cases WHERE decided_at > now() - interval '1 day' OR rated_at > now()) AS too_recent,
              (SELECT count(*)::int FROM cases WHERE rating IS NOT NULL) AS rated,
              (SELECT count(*)::int FROM documents) AS documents,
              (SELECT count(*)::int FROM persons WHERE national_id LIKE '7%') AS persons`,
    );
    expect(c).toMatchObject({ cases: DEMO_HISTORY.cases, running: 0, channels: 6, outcomes: 3, wrong_state: 0, wrong_decision_time: 0, too_old: 0, too_recent: 0, documents: 0, persons: DEMO_HISTORY.persons });
    expect(c?.services).toBe(c?.catalogue);
    // about one decision in six after its term, and about a third of the decided rated
    expect(c?.late).toBeGreaterThan((c?.decided ?? 0) / 12);
    expect(c?.late).toBeLessThan((c?.decided ?? 0) / 4);
    expect(c?.rated).toBeGreaterThan((c?.decided ?? 0) / 5);
  });

  it('runs each case under its service\'s statutory term, due when the portal\'s rule says', async () => {
    const [c] = await db.query<{ other_term: number; working: number }>(
      `SELECT count(*) FILTER (WHERE c.term_days <> (s.data->'deadline'->>'days')::int OR c.term_unit <> s.data->'deadline'->>'unit')::int AS other_term,
              count(*) FILTER (WHERE c.term_unit = 'working')::int AS working
         FROM cases c JOIN services s ON s.id = c.service_id`,
    );
    expect(c?.other_term).toBe(0);
    expect(c?.working).toBeGreaterThan(0);
    const rows = await db.query<{ start: string; days: number; unit: 'calendar' | 'working'; due: string }>(
      'SELECT term_started_on::text AS start, term_days AS days, term_unit AS unit, due_on::text AS due FROM cases',
    );
    const year = new Date().getUTCFullYear();
    const calendar = holidayCalendar([year - 2, year - 1, year]);
    const wrong = rows.filter((r) => {
      const due = dueDate(r.start, { days: r.days, unit: r.unit }, calendar);
      return due.kind !== 'due' || due.day !== r.due;
    });
    expect(wrong).toEqual([]);
  });

  it('is not written into a portal that holds a case, so not twice', async () => {
    await seedDemoHistory(services, logger);
    const [c] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(c?.n).toBe(DEMO_HISTORY.cases);
  });

  it('gives every service figures on its public performance page, from its case events', async () => {
    await services.performance.refresh({ batch: 20_000, maxBatches: 10 });
    const byService = await db.query<{ service_id: string; n: number }>(
      `SELECT service_id, count(*)::int AS n FROM cases
        WHERE (submitted_at AT TIME ZONE 'Europe/Kyiv')::date >= (date_trunc('month', now() AT TIME ZONE 'Europe/Kyiv') - interval '11 months')::date
        GROUP BY service_id ORDER BY service_id`,
    );
    const [catalogue] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
    expect(byService).toHaveLength(catalogue?.n ?? -1);
    for (const { service_id: id, n } of byService) {
      const figures = await services.performance.figures({ kind: 'service', id });
      // at least five applications a service: no total suppressed
      expect(figures.total.applicationsTotal).toBe(n);
      expect(figures.total.onTimeShare).toBeGreaterThan(0);
    }
  });
});
