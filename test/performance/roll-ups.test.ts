/**
 * The monthly roll-ups against the daily rows they roll up, on PGlite and PostgreSQL: on generated events
 * folded in random batches as the job folds them, the pages' monthly sums read from the roll-ups (and the
 * days of a partial first month) equal the sums of the daily rows as they were read before the roll-ups,
 * and so do the published figures (small cells suppressed alike) and the open-data rows; the migration's
 * fill gives the roll-ups the job builds.
 */
import { readFile } from 'node:fs/promises';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database, Queryable } from '../../src/platform/db/database.ts';
import { figuresOf, type Scope } from '../../src/modules/performance/figures.ts';
import { type CaseEventFact, foldCaseEvents, lastMonths } from '../../src/modules/performance/performance.ts';
import { performanceRepository as repo } from '../../src/modules/performance/performance.repository.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await testDatabase());
}, 600_000);
afterAll(async () => drop());

const scopeWhere = (scope: Scope) => (scope.kind === 'nation' ? '' : scope.kind === 'agency' ? ' AND organisation_id = $2' : ' AND service_id = $2');
const scopeParams = (scope: Scope) => (scope.kind === 'nation' ? [] : [scope.id]);

/** The pages' sums as they were read before the roll-ups: every daily row from `from` on, by month. */
async function dailyCaseMonths(q: Queryable, scope: Scope, from: string) {
  const rows = await q.query<{ month: string; channel: string; submitted: number; decided: number; timed: number; on_time: number; granted: number; refused: number; silent_consents: number; withdrawn: number }>(
    `SELECT date_trunc('month', day)::date::text AS month, channel, sum(submitted)::int AS submitted, sum(decided)::int AS decided, sum(timed)::int AS timed,
            sum(on_time)::int AS on_time, sum(granted)::int AS granted, sum(refused)::int AS refused, sum(silent_consents)::int AS silent_consents, sum(withdrawn)::int AS withdrawn
       FROM performance_case_days WHERE day >= $1::date${scopeWhere(scope)} GROUP BY 1, 2`,
    [from, ...scopeParams(scope)],
  );
  return rows.map((r) => ({ month: r.month, channel: r.channel, submitted: r.submitted, decided: r.decided, timed: r.timed, onTime: r.on_time, granted: r.granted, refused: r.refused, silentConsents: r.silent_consents, withdrawn: r.withdrawn }));
}

async function dailyDurationMonths(q: Queryable, scope: Scope, from: string) {
  return q.query<{ month: string; days: number; decided: number }>(
    `SELECT date_trunc('month', day)::date::text AS month, days, sum(decided)::int AS decided FROM performance_durations WHERE day >= $1::date${scopeWhere(scope)} GROUP BY 1, 2`,
    [from, ...scopeParams(scope)],
  );
}

/** The open data's rows as they were read before the roll-ups. */
const DAILY_OPEN_DATA = [
  `SELECT date_trunc('month', day)::date::text AS month, organisation_id, service_id, channel, sum(submitted)::int AS submitted
     FROM performance_case_days GROUP BY 1, 2, 3, 4 HAVING sum(submitted) > 0 ORDER BY 1, 2, 3, 4`,
  `SELECT date_trunc('month', day)::date::text AS month, organisation_id, service_id, sum(decided)::int AS decided, sum(timed)::int AS timed, sum(on_time)::int AS on_time,
          sum(granted)::int AS granted, sum(refused)::int AS refused, sum(silent_consents)::int AS silent_consents, sum(withdrawn)::int AS withdrawn
     FROM performance_case_days GROUP BY 1, 2, 3 HAVING sum(decided) + sum(withdrawn) > 0 ORDER BY 1, 2, 3`,
  `SELECT date_trunc('month', day)::date::text AS month, organisation_id, service_id, days, sum(decided)::int AS decided FROM performance_durations GROUP BY 1, 2, 3, 4`,
];

const sorted = <T>(rows: readonly T[]) => rows.map((r) => JSON.stringify(r)).sort();

const EVENTS = ['submit', 'register', 'grant', 'refuse', 'grant-by-silent-consent', 'withdraw'];
const fact = fc.record({
  id: fc.nat(),
  event: fc.constantFrom(...EVENTS),
  at: fc.date({ min: new Date('2025-10-01T00:00:00Z'), max: new Date('2026-12-31T23:00:00Z'), noInvalidDate: true }),
  serviceId: fc.constantFrom('a', 'b'),
  organisationId: fc.constantFrom('x', 'y'),
  channel: fc.constantFrom('web', 'post', 'in-person'),
  submittedAt: fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2025-10-01T00:00:00Z'), noInvalidDate: true }),
  termStartedOn: fc.option(fc.constantFrom('2025-09-01', '2025-10-01'), { nil: null }),
  dueOn: fc.option(fc.constantFrom('2026-02-01', '2026-07-15'), { nil: null }),
}) as fc.Arbitrary<CaseEventFact>;
const scope: fc.Arbitrary<Scope> = fc.constantFrom<Scope>({ kind: 'nation' }, { kind: 'agency', id: 'x' }, { kind: 'service', id: 'b' });
/** The window's first day: a first of the month as the pages use, or any day (a partial first month). */
const from = fc.oneof(
  fc.integer({ min: 0, max: 14 }).map((k) => lastMonths('2026-12-04', 15)[k] ?? '2026-01-01'),
  fc.date({ min: new Date('2025-09-15T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

async function clear(): Promise<void> {
  await db.exec('DELETE FROM performance_case_days; DELETE FROM performance_durations; DELETE FROM performance_case_months; DELETE FROM performance_duration_months');
}

/** Folds the events in batches (cut at `cuts`), each batch a transaction adding to the daily rows and the roll-ups, as the job's. */
async function foldInBatches(events: readonly CaseEventFact[], cuts: readonly number[]): Promise<void> {
  const points = [...new Set([0, ...cuts.map((c) => Math.min(c, events.length)), events.length])].sort((a, b) => a - b);
  for (const [i, end] of points.slice(1).entries()) {
    await db.transaction((tx) => repo.addCaseFold(tx, foldCaseEvents(events.slice(points[i], end))));
  }
}

describe('the monthly roll-ups', () => {
  it('give the pages and the open data the same sums and figures as the daily rows', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fact, { maxLength: 80 }), fc.array(fc.nat(80), { maxLength: 4 }), scope, from, async (events, cuts, s, start) => {
      await clear();
      await foldInBatches(events, cuts);
      const [cases, durations] = [await repo.caseMonths(db, s, start), await repo.durationMonths(db, s, start)];
      const [oldCases, oldDurations] = [await dailyCaseMonths(db, s, start), await dailyDurationMonths(db, s, start)];
      expect(sorted(cases)).toEqual(sorted(oldCases));
      expect(sorted(durations)).toEqual(sorted(oldDurations));
      const months = lastMonths('2026-12-04', 15);
      const sums = (c: typeof cases, d: typeof durations) => figuresOf({ cases: c, durations: d, ratings: [], appeals: [], centres: [] }, months);
      expect(sums(cases, durations)).toEqual(sums(oldCases, oldDurations));
      const [applications, decisions, histograms] = await Promise.all(DAILY_OPEN_DATA.map((sql) => db.query(sql)));
      expect(await repo.applicationRows(db)).toEqual(applications);
      expect(await repo.decisionRows(db)).toEqual(decisions);
      expect(sorted(await repo.durationRows(db))).toEqual(sorted(histograms ?? []));
    }), { numRuns: 40 });
  }, 300_000);

  it('suppress a month of 1 to 4 people read from the roll-ups, and publish zero and 5', async () => {
    await clear();
    const at = (day: string) => new Date(`${day}T09:00:00Z`);
    const submit = (id: number, day: string, channel: string): CaseEventFact => ({ id, event: 'submit', at: at(day), serviceId: 'a', organisationId: 'x', channel, submittedAt: at(day), termStartedOn: null, dueOn: null });
    // March: 3 by post (suppressed) and 5 on the web; April: 4 on the web over two batches (suppressed, and its total too).
    const events = [
      ...[1, 2, 3].map((i) => submit(i, `2026-03-0${i}`, 'post')), ...[4, 5, 6, 7, 8].map((i) => submit(i, '2026-03-20', 'web')),
      ...[9, 10, 11, 12].map((i) => submit(i, `2026-04-1${i - 9}`, 'web')),
    ];
    await foldInBatches(events, [6, 10]);
    const months = lastMonths('2026-04-15', 2);
    const figures = figuresOf({ cases: await repo.caseMonths(db, { kind: 'service', id: 'a' }, months[0] ?? ''), durations: [], ratings: [], appeals: [], centres: [] }, months);
    expect(figures.months.map((m) => [m.applications['post'], m.applications['web'], m.applications['sms'], m.applicationsTotal])).toEqual([[null, 5, 0, 8], [0, null, 0, null]]);
    expect(figures.total.applications['post']).toBeNull();
    expect(figures.total.applicationsTotal).toBe(12);
  });

  it('are filled by the migration from the daily rows as the job builds them', async () => {
    await clear();
    await foldInBatches(fc.sample(fact, { numRuns: 300, seed: 7 }), [100, 200]);
    const rollUps = async () => [
      sorted(await db.query('SELECT month::text AS month, service_id, organisation_id, channel, submitted, decided, timed, on_time, granted, refused, silent_consents, withdrawn FROM performance_case_months')),
      sorted(await db.query('SELECT month::text AS month, service_id, organisation_id, days, decided FROM performance_duration_months')),
    ];
    const built = await rollUps();
    expect(built[0]?.length).toBeGreaterThan(10);
    const migration = await readFile(new URL('../../migrations/20261214T0200_performance_months.sql', import.meta.url), 'utf8');
    const fill = migration.slice(migration.indexOf('LOCK TABLE'), migration.indexOf('CREATE TABLE open_data_files'));
    await db.exec('DELETE FROM performance_case_months; DELETE FROM performance_duration_months');
    await db.exec(`BEGIN;\n${fill}\nCOMMIT;`);
    expect(await rollUps()).toEqual(built);
  });
});
