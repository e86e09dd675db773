/** The SQL of the performance figures: the watermarks, the events past them, the daily aggregates, the snapshots. */
import type { Queryable } from '../../platform/db/database.ts';
import type { AppealMonthSum, CaseMonthSum, CentreSum, DurationMonthSum, RatingMonthSum, Scope } from './figures.ts';
import { type AppealDayDelta, type AppealEventFact, type CaseDayDelta, type CaseEventFact, type DurationDelta, firstWholeMonth, type IdRange, monthlyCaseDeltas, monthlyDurationDeltas } from './performance.ts';

export type EventSource = 'case-events' | 'appeal-events';
const KYIV = `'Europe/Kyiv'`;

type CaseEventRow = { id: string; event: string; at: Date; service_id: string; organisation_id: string; channel: string; submitted_at: Date; term_started_on: string | null; due_on: string | null };
const toCaseFact = (r: CaseEventRow): CaseEventFact => ({
  id: Number(r.id), event: r.event, at: r.at, serviceId: r.service_id, organisationId: r.organisation_id, channel: r.channel, submittedAt: r.submitted_at, termStartedOn: r.term_started_on, dueOn: r.due_on,
});
/** The aggregates recounted from their sources for the days from $1 on (ratings and queue tickets change without events). */
const RECOUNTS = [
  {
    table: 'performance_rating_days', columns: 'day, service_id, organisation_id, rating, ratings',
    rows: `SELECT (rated_at AT TIME ZONE ${KYIV})::date, service_id, organisation_id, rating::smallint, count(*)::int FROM cases
            WHERE rated_at >= ($1::date)::timestamp AT TIME ZONE ${KYIV} AND rating IS NOT NULL GROUP BY 1, 2, 3, 4`,
  },
  {
    table: 'performance_centre_days', columns: 'day, centre_id, tickets, called, wait_seconds, longest_wait_seconds',
    rows: `SELECT day, centre_id, count(*)::int, count(first_called_at)::int, coalesce(sum(round(extract(epoch FROM first_called_at - issued_at))), 0)::bigint,
                  coalesce(max(round(extract(epoch FROM first_called_at - issued_at))), 0)::int FROM queue_tickets WHERE day >= $1::date GROUP BY day, centre_id`,
  },
] as const;
const CASE_EVENTS = `SELECT e.id::text AS id, e.event, e.at, c.service_id, c.organisation_id, c.channel, c.submitted_at, c.term_started_on::text AS term_started_on, c.due_on::text AS due_on
  FROM case_events e JOIN cases c ON c.id = e.case_id`;

type AppealEventRow = { id: string; event: string; at: Date; organisation_id: string | null; kind: string; channel: string; due_on: string };
const toAppealFact = (r: AppealEventRow): AppealEventFact => ({ id: Number(r.id), event: r.event, at: r.at, organisationId: r.organisation_id, kind: r.kind, channel: r.channel, dueOn: r.due_on });
const APPEAL_EVENTS = `SELECT e.id::text AS id, e.event, e.at, a.organisation_id, a.kind, a.channel, a.due_on::text AS due_on FROM appeal_events e JOIN appeals a ON a.id = e.appeal_id`;

/**
 * The events inside the source's gaps, each gap's by the events' primary key and each event's case (or
 * appeal) by its own: the LIMITs keep the subqueries as parameterised index scans (a nested loop), so
 * that a planner without statistics of the small gaps table never hashes the whole cases table.
 */
const inGaps = (source: EventSource, events: string, parent: string, parentColumns: string, parentKey: string) => `
  SELECT e.id::text AS id, e.event, e.at, ${parentColumns}
    FROM performance_event_gaps g
   CROSS JOIN LATERAL (SELECT x.id, x.event, x.at, x.${parentKey} AS parent FROM ${events} x WHERE x.id BETWEEN g.lo AND g.hi ORDER BY x.id LIMIT 100000) e
   CROSS JOIN LATERAL (SELECT * FROM ${parent} p WHERE p.id = e.parent LIMIT 1) c
   WHERE g.source = '${source}' ORDER BY e.id`;
const CASE_EVENTS_IN_GAPS = inGaps('case-events', 'case_events', 'cases', 'c.service_id, c.organisation_id, c.channel, c.submitted_at, c.term_started_on::text AS term_started_on, c.due_on::text AS due_on', 'case_id');
const APPEAL_EVENTS_IN_GAPS = inGaps('appeal-events', 'appeal_events', 'appeals', 'c.organisation_id, c.kind, c.channel, c.due_on::text AS due_on', 'appeal_id');

/** The scope's condition on a table with service_id and organisation_id columns, as the parameter $n. */
const scopeWhere = (scope: Scope, n: number): string =>
  scope.kind === 'nation' ? '' : scope.kind === 'agency' ? ` AND organisation_id = $${n}` : ` AND service_id = $${n}`;
const scopeParams = (scope: Scope): string[] => (scope.kind === 'nation' ? [] : [scope.id]);

/** The daily aggregates and their monthly roll-ups (the same columns, `month` for `day`). */
type Period = 'day' | 'month';
const CASE_TABLE: Readonly<Record<Period, string>> = { day: 'performance_case_days', month: 'performance_case_months' };
const DURATION_TABLE: Readonly<Record<Period, string>> = { day: 'performance_durations', month: 'performance_duration_months' };
const CASE_SUMS = 'sum(submitted)::int AS submitted, sum(decided)::int AS decided, sum(timed)::int AS timed, sum(on_time)::int AS on_time, sum(granted)::int AS granted, sum(refused)::int AS refused, sum(silent_consents)::int AS silent_consents, sum(withdrawn)::int AS withdrawn';
const CASE_COLUMNS = 'submitted, decided, timed, on_time, granted, refused, silent_consents, withdrawn';

/**
 * The rows of a case or duration aggregate from the day `$2` on, by month: the whole months (from `$1`,
 * the first whole month) from the roll-ups, the days of a partial first month before them from the daily
 * rows. `columns` are those kept besides the month; `where` the scope's condition (parameter `$3`).
 */
const fromMonths = (per: 'cases' | 'durations', columns: string, where: string) => {
  const [months, days] = per === 'cases' ? [CASE_TABLE.month, CASE_TABLE.day] : [DURATION_TABLE.month, DURATION_TABLE.day];
  return `SELECT month, ${columns} FROM ${months} WHERE month >= $1::date${where}
          UNION ALL
          SELECT date_trunc('month', day)::date AS month, ${columns} FROM ${days} WHERE day >= $2::date AND day < $1::date${where}`;
};

export const performanceRepository = {
  /** The source's watermark, locked for this transaction; null when another worker holds it. */
  async claim(tx: Queryable, source: EventSource | 'recounts'): Promise<{ lastId: number; recountFrom: string | null } | null> {
    const rows = await tx.query<{ last_id: string; recount_from: string | null }>(
      'SELECT last_id::text AS last_id, recount_from::text AS recount_from FROM performance_refresh WHERE source = $1 FOR UPDATE SKIP LOCKED',
      [source],
    );
    const r = rows[0];
    return r === undefined ? null : { lastId: Number(r.last_id), recountFrom: r.recount_from };
  },

  async advance(tx: Queryable, source: EventSource | 'recounts', values: { lastId?: number; recountFrom?: string; changed: boolean; at: Date }): Promise<void> {
    await tx.query(
      `UPDATE performance_refresh SET last_id = coalesce($2, last_id), recount_from = coalesce($3::date, recount_from),
         generation = generation + CASE WHEN $4 THEN 1 ELSE 0 END, refreshed_at = $5 WHERE source = $1`,
      [source, values.lastId ?? null, values.recountFrom ?? null, values.changed, values.at],
    );
  },

  async caseEventsAfter(tx: Queryable, after: number, limit: number): Promise<CaseEventFact[]> {
    return (await tx.query<CaseEventRow>(`${CASE_EVENTS} WHERE e.id > $1 ORDER BY e.id LIMIT $2`, [after, limit])).map(toCaseFact);
  },

  async caseEventsInGaps(tx: Queryable): Promise<CaseEventFact[]> {
    return (await tx.query<CaseEventRow>(CASE_EVENTS_IN_GAPS)).map(toCaseFact);
  },

  async appealEventsAfter(tx: Queryable, after: number, limit: number): Promise<AppealEventFact[]> {
    return (await tx.query<AppealEventRow>(`${APPEAL_EVENTS} WHERE e.id > $1 ORDER BY e.id LIMIT $2`, [after, limit])).map(toAppealFact);
  },

  async appealEventsInGaps(tx: Queryable): Promise<AppealEventFact[]> {
    return (await tx.query<AppealEventRow>(APPEAL_EVENTS_IN_GAPS)).map(toAppealFact);
  },

  async gaps(tx: Queryable, source: EventSource): Promise<Array<IdRange & { seenAt: Date }>> {
    const rows = await tx.query<{ lo: string; hi: string; seen_at: Date }>('SELECT lo::text AS lo, hi::text AS hi, seen_at FROM performance_event_gaps WHERE source = $1 ORDER BY lo', [source]);
    return rows.map((r) => ({ lo: Number(r.lo), hi: Number(r.hi), seenAt: r.seen_at }));
  },

  /** Replaces the source's gaps. */
  async setGaps(tx: Queryable, source: EventSource, gaps: ReadonlyArray<IdRange & { seenAt: Date }>): Promise<void> {
    await tx.query('DELETE FROM performance_event_gaps WHERE source = $1', [source]);
    if (gaps.length > 0) {
      await tx.query(
        'INSERT INTO performance_event_gaps (source, lo, hi, seen_at) SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::timestamptz[])',
        [source, gaps.map((g) => g.lo), gaps.map((g) => g.hi), gaps.map((g) => g.seenAt)],
      );
    }
  },

  /** Adds deltas to the daily rows, or (their day the first of the month) to the monthly roll-ups. */
  async addCaseDays(tx: Queryable, d: readonly CaseDayDelta[], per: Period = 'day'): Promise<void> {
    if (d.length === 0) { return; }
    await tx.query(
      `INSERT INTO ${CASE_TABLE[per]} AS t (${per}, service_id, organisation_id, channel, submitted, decided, timed, on_time, granted, refused, silent_consents, withdrawn)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[])
       ON CONFLICT (${per}, service_id, organisation_id, channel) DO UPDATE SET
         submitted = t.submitted + excluded.submitted, decided = t.decided + excluded.decided, timed = t.timed + excluded.timed, on_time = t.on_time + excluded.on_time,
         granted = t.granted + excluded.granted, refused = t.refused + excluded.refused, silent_consents = t.silent_consents + excluded.silent_consents, withdrawn = t.withdrawn + excluded.withdrawn`,
      [d.map((x) => x.day), d.map((x) => x.serviceId), d.map((x) => x.organisationId), d.map((x) => x.channel), d.map((x) => x.submitted), d.map((x) => x.decided),
        d.map((x) => x.timed), d.map((x) => x.onTime), d.map((x) => x.granted), d.map((x) => x.refused), d.map((x) => x.silentConsents), d.map((x) => x.withdrawn)],
    );
  },

  async addDurations(tx: Queryable, d: readonly DurationDelta[], per: Period = 'day'): Promise<void> {
    if (d.length === 0) { return; }
    await tx.query(
      `INSERT INTO ${DURATION_TABLE[per]} AS t (${per}, service_id, organisation_id, days, decided)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::int[], $5::int[])
       ON CONFLICT (${per}, service_id, organisation_id, days) DO UPDATE SET decided = t.decided + excluded.decided`,
      [d.map((x) => x.day), d.map((x) => x.serviceId), d.map((x) => x.organisationId), d.map((x) => x.days), d.map((x) => x.decided)],
    );
  },

  /** A batch's case deltas: the daily rows and, in the same transaction, their months' roll-ups. */
  async addCaseFold(tx: Queryable, fold: { readonly days: readonly CaseDayDelta[]; readonly durations: readonly DurationDelta[] }): Promise<void> {
    await performanceRepository.addCaseDays(tx, fold.days);
    await performanceRepository.addDurations(tx, fold.durations);
    await performanceRepository.addCaseDays(tx, monthlyCaseDeltas(fold.days), 'month');
    await performanceRepository.addDurations(tx, monthlyDurationDeltas(fold.durations), 'month');
  },

  async addAppealDays(tx: Queryable, d: readonly AppealDayDelta[]): Promise<void> {
    if (d.length === 0) { return; }
    await tx.query(
      `INSERT INTO performance_appeal_days AS t (day, organisation_id, kind, channel, filed, answered, answered_on_time, extended)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[])
       ON CONFLICT (day, organisation_id, kind, channel) DO UPDATE SET
         filed = t.filed + excluded.filed, answered = t.answered + excluded.answered, answered_on_time = t.answered_on_time + excluded.answered_on_time, extended = t.extended + excluded.extended`,
      [d.map((x) => x.day), d.map((x) => x.organisationId), d.map((x) => x.kind), d.map((x) => x.channel), d.map((x) => x.filed), d.map((x) => x.answered), d.map((x) => x.answeredOnTime), d.map((x) => x.extended)],
    );
  },

  /**
   * Recounts the ratings and the centres' waiting of the Kyiv days from `from` on (all days when null);
   * true when a stored row changed. A table whose rows are already right is left alone, so a run that
   * found nothing new does not start a new generation (nor invalidate what was rendered from it).
   */
  async recount(tx: Queryable, from: string | null): Promise<boolean> {
    const since = from ?? '0001-01-01';
    let changed = false;
    for (const { table, columns, rows } of RECOUNTS) {
      const stored = `SELECT ${columns} FROM ${table} WHERE day >= $1::date`;
      const [d] = await tx.query<{ differs: boolean }>(`SELECT EXISTS ((${rows} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${rows})) AS differs`, [since]);
      if (d?.differs === true) {
        await tx.query(`DELETE FROM ${table} WHERE day >= $1::date`, [since]);
        await tx.query(`INSERT INTO ${table} (${columns}) ${rows}`, [since]);
        changed = true;
      }
    }
    return changed;
  },

  /** The sum of the sources' generations: it changes whenever a run changed an aggregate. */
  async generation(q: Queryable): Promise<number> {
    const [r] = await q.query<{ g: string }>('SELECT coalesce(sum(generation), 0)::text AS g FROM performance_refresh');
    return Number(r?.g ?? 0);
  },

  async caseMonths(q: Queryable, scope: Scope, from: string): Promise<CaseMonthSum[]> {
    const rows = await q.query<{ month: string; channel: string; submitted: number; decided: number; timed: number; on_time: number; granted: number; refused: number; silent_consents: number; withdrawn: number }>(
      `SELECT month::text AS month, channel, ${CASE_SUMS} FROM (${fromMonths('cases', `channel, ${CASE_COLUMNS}`, scopeWhere(scope, 3))}) x GROUP BY 1, 2`,
      [firstWholeMonth(from), from, ...scopeParams(scope)],
    );
    return rows.map((r) => ({ month: r.month, channel: r.channel, submitted: r.submitted, decided: r.decided, timed: r.timed, onTime: r.on_time, granted: r.granted, refused: r.refused, silentConsents: r.silent_consents, withdrawn: r.withdrawn }));
  },

  async durationMonths(q: Queryable, scope: Scope, from: string): Promise<DurationMonthSum[]> {
    return q.query<{ month: string; days: number; decided: number }>(
      `SELECT month::text AS month, days, sum(decided)::int AS decided FROM (${fromMonths('durations', 'days, decided', scopeWhere(scope, 3))}) x GROUP BY 1, 2`,
      [firstWholeMonth(from), from, ...scopeParams(scope)],
    );
  },

  async ratingMonths(q: Queryable, scope: Scope, from: string): Promise<RatingMonthSum[]> {
    return q.query<{ month: string; rating: number; ratings: number }>(
      `SELECT date_trunc('month', day)::date::text AS month, rating, sum(ratings)::int AS ratings FROM performance_rating_days WHERE day >= $1::date${scopeWhere(scope, 2)} GROUP BY 1, 2`,
      [from, ...scopeParams(scope)],
    );
  },

  /** Appeals are not of a service: a service's scope has none. */
  async appealMonths(q: Queryable, scope: Scope, from: string): Promise<AppealMonthSum[]> {
    if (scope.kind === 'service') { return []; }
    const rows = await q.query<{ month: string; filed: number; answered: number; answered_on_time: number; extended: number }>(
      `SELECT date_trunc('month', day)::date::text AS month, sum(filed)::int AS filed, sum(answered)::int AS answered, sum(answered_on_time)::int AS answered_on_time, sum(extended)::int AS extended
         FROM performance_appeal_days WHERE day >= $1::date${scopeWhere(scope, 2)} GROUP BY 1`,
      [from, ...scopeParams(scope)],
    );
    return rows.map((r) => ({ month: r.month, filed: r.filed, answered: r.answered, answeredOnTime: r.answered_on_time, extended: r.extended }));
  },

  /** The centres' waiting over the period (the nation's scope only). */
  async centres(q: Queryable, from: string): Promise<CentreSum[]> {
    const rows = await q.query<{ centre_id: string; tickets: number; called: number; wait_seconds: string; longest: number }>(
      `SELECT centre_id, sum(tickets)::int AS tickets, sum(called)::int AS called, sum(wait_seconds)::text AS wait_seconds, max(longest_wait_seconds)::int AS longest
         FROM performance_centre_days WHERE day >= $1::date GROUP BY centre_id ORDER BY centre_id`,
      [from],
    );
    return rows.map((r) => ({ centreId: r.centre_id, tickets: r.tickets, called: r.called, waitSeconds: Number(r.wait_seconds), longestWaitSeconds: r.longest }));
  },

  /** Every month's sums per agency, service and channel: the applications dataset. */
  async applicationRows(q: Queryable) {
    return q.query<{ month: string; organisation_id: string; service_id: string; channel: string; submitted: number }>(
      `SELECT month::text AS month, organisation_id, service_id, channel, sum(submitted)::int AS submitted
         FROM performance_case_months GROUP BY 1, 2, 3, 4 HAVING sum(submitted) > 0 ORDER BY 1, 2, 3, 4`,
    );
  },

  async decisionRows(q: Queryable) {
    return q.query<{ month: string; organisation_id: string; service_id: string; decided: number; timed: number; on_time: number; granted: number; refused: number; silent_consents: number; withdrawn: number }>(
      `SELECT month::text AS month, organisation_id, service_id, sum(decided)::int AS decided, sum(timed)::int AS timed, sum(on_time)::int AS on_time,
              sum(granted)::int AS granted, sum(refused)::int AS refused, sum(silent_consents)::int AS silent_consents, sum(withdrawn)::int AS withdrawn
         FROM performance_case_months GROUP BY 1, 2, 3 HAVING sum(decided) + sum(withdrawn) > 0 ORDER BY 1, 2, 3`,
    );
  },

  async durationRows(q: Queryable) {
    return q.query<{ month: string; organisation_id: string; service_id: string; days: number; decided: number }>(
      `SELECT month::text AS month, organisation_id, service_id, days, sum(decided)::int AS decided FROM performance_duration_months GROUP BY 1, 2, 3, 4`,
    );
  },

  async ratingRows(q: Queryable) {
    return q.query<{ month: string; organisation_id: string; service_id: string; ratings: number; rating_sum: number }>(
      `SELECT date_trunc('month', day)::date::text AS month, organisation_id, service_id, sum(ratings)::int AS ratings, sum(rating * ratings)::int AS rating_sum
         FROM performance_rating_days GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
  },

  async appealRows(q: Queryable) {
    return q.query<{ month: string; organisation_id: string; kind: string; filed: number; answered: number; answered_on_time: number; extended: number }>(
      `SELECT date_trunc('month', day)::date::text AS month, organisation_id, kind, sum(filed)::int AS filed, sum(answered)::int AS answered,
              sum(answered_on_time)::int AS answered_on_time, sum(extended)::int AS extended
         FROM performance_appeal_days GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
  },

  async centreRows(q: Queryable) {
    return q.query<{ month: string; centre_id: string; tickets: number; called: number; wait_seconds: string; longest: number }>(
      `SELECT date_trunc('month', day)::date::text AS month, centre_id, sum(tickets)::int AS tickets, sum(called)::int AS called, sum(wait_seconds)::text AS wait_seconds,
              max(longest_wait_seconds)::int AS longest FROM performance_centre_days GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  },

  async hasSnapshot(q: Queryable, day: string): Promise<boolean> {
    const rows = await q.query('SELECT 1 FROM open_data_snapshots WHERE dataset = $1 AND format = $2 AND day = $3::date', ['services', 'json', day]);
    return rows.length > 0;
  },

  async writeSnapshot(tx: Queryable, s: { day: string; dataset: string; format: 'csv' | 'json'; content: string; at: Date }): Promise<void> {
    await tx.query(
      'INSERT INTO open_data_snapshots (day, dataset, format, content, created_at) VALUES ($1::date, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [s.day, s.dataset, s.format, s.content, s.at],
    );
  },

  async snapshot(q: Queryable, dataset: string, format: 'csv' | 'json', day: string): Promise<string | null> {
    const [r] = await q.query<{ content: string }>('SELECT content FROM open_data_snapshots WHERE dataset = $1 AND format = $2 AND day = $3::date', [dataset, format, day]);
    return r?.content ?? null;
  },

  async snapshotDays(q: Queryable, dataset: string): Promise<string[]> {
    const rows = await q.query<{ day: string }>('SELECT DISTINCT day::text AS day FROM open_data_snapshots WHERE dataset = $1 ORDER BY 1 DESC LIMIT 400', [dataset]);
    return rows.map((r) => r.day);
  },
};
