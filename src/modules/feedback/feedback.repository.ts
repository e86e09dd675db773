import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { PageFeedbackInput } from './feedback.ts';

export interface FeedbackCounts {
  readonly useful: number;
  readonly notUseful: number;
}

export interface RatingSummary {
  readonly serviceId: string;
  readonly ratings: number;
  /** The mean of the ratings, 1 to 5, to one decimal; null without ratings. */
  readonly average: number | null;
  /** How many of each, 1 to 5. */
  readonly byStars: readonly [number, number, number, number, number];
}

export interface PageFeedbackRow {
  readonly day: string;
  readonly path: string;
  readonly serviceId: string | null;
  readonly useful: boolean;
  readonly comment: string | null;
}

export interface RatingComment {
  readonly day: string;
  readonly serviceId: string;
  readonly rating: number;
  readonly comment: string;
}

export interface SearchGap {
  readonly query: string;
  readonly lang: 'uk' | 'en';
  readonly searches: number;
  readonly firstDay: string;
  readonly lastDay: string;
}

const n = (v: unknown) => Number(v ?? 0);

export const feedbackRepository = {
  async insert(q: Queryable, f: PageFeedbackInput & { organisationId: string | null; day: string }): Promise<void> {
    await q.query(
      `INSERT INTO page_feedback (path, lang, service_id, organisation_id, useful, comment, day) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [f.path, f.lang, f.serviceId, f.organisationId, f.useful, f.comment, f.day],
    );
  },

  async serviceCounts(q: Queryable, serviceId: string): Promise<FeedbackCounts> {
    const [row] = await q.query<{ useful: string | number; not_useful: string | number }>(
      `SELECT count(*) FILTER (WHERE useful) AS useful, count(*) FILTER (WHERE NOT useful) AS not_useful FROM page_feedback WHERE service_id = $1`,
      [serviceId],
    );
    return { useful: n(row?.useful), notUseful: n(row?.not_useful) };
  },

  /** Ratings given after cases of these services (or of these agencies' services), per service. */
  async ratings(q: Queryable, where: { serviceId?: string; organisationIds?: readonly string[] }): Promise<RatingSummary[]> {
    const rows = await q.query<{ service_id: string; ratings: string | number; average: string | number | null; s1: string | number; s2: string | number; s3: string | number; s4: string | number; s5: string | number }>(
      `SELECT service_id, count(*) AS ratings, round(avg(rating), 1)::float8 AS average,
              count(*) FILTER (WHERE rating = 1) AS s1, count(*) FILTER (WHERE rating = 2) AS s2, count(*) FILTER (WHERE rating = 3) AS s3,
              count(*) FILTER (WHERE rating = 4) AS s4, count(*) FILTER (WHERE rating = 5) AS s5
         FROM cases
        WHERE rating IS NOT NULL AND ($1::text IS NULL OR service_id = $1) AND ($2::text[] IS NULL OR organisation_id = ANY($2))
        GROUP BY service_id ORDER BY service_id`,
      [where.serviceId ?? null, where.organisationIds === undefined ? null : [...where.organisationIds]],
    );
    return rows.map((r) => ({
      serviceId: r.service_id, ratings: n(r.ratings), average: r.average === null ? null : Number(r.average),
      byStars: [n(r.s1), n(r.s2), n(r.s3), n(r.s4), n(r.s5)],
    }));
  },

  /** The latest comments given with ratings of these agencies' cases: the day, the service, the stars and the text, never who. */
  async ratingComments(q: Queryable, organisationIds: readonly string[], limit: number): Promise<RatingComment[]> {
    const rows = await q.query<{ day: string; service_id: string; rating: number; rating_comment: string }>(
      `SELECT (rated_at AT TIME ZONE 'Europe/Kyiv')::date::text AS day, service_id, rating, rating_comment
         FROM cases WHERE organisation_id = ANY($1) AND rating IS NOT NULL AND rating_comment IS NOT NULL
        ORDER BY rated_at DESC NULLS LAST, id LIMIT $2`,
      [[...organisationIds], limit],
    );
    return rows.map((r) => ({ day: r.day, serviceId: r.service_id, rating: Number(r.rating), comment: r.rating_comment }));
  },

  async agencyCounts(q: Queryable, organisationIds: readonly string[]): Promise<Array<{ serviceId: string } & FeedbackCounts>> {
    const rows = await q.query<{ service_id: string; useful: string | number; not_useful: string | number }>(
      `SELECT service_id, count(*) FILTER (WHERE useful) AS useful, count(*) FILTER (WHERE NOT useful) AS not_useful
         FROM page_feedback WHERE organisation_id = ANY($1) GROUP BY service_id ORDER BY service_id`,
      [[...organisationIds]],
    );
    return rows.map((r) => ({ serviceId: r.service_id, useful: n(r.useful), notUseful: n(r.not_useful) }));
  },

  async agencyFeedback(q: Queryable, organisationIds: readonly string[], limit: number): Promise<PageFeedbackRow[]> {
    const rows = await q.query<{ day: string; path: string; service_id: string | null; useful: boolean; comment: string | null }>(
      `SELECT day::text AS day, path, service_id, useful, comment FROM page_feedback
        WHERE organisation_id = ANY($1) ORDER BY day DESC, id DESC LIMIT $2`,
      [[...organisationIds], limit],
    );
    return rows.map((r) => ({ day: r.day, path: r.path, serviceId: r.service_id, useful: r.useful, comment: r.comment }));
  },

  /**
   * Counts searches that found nothing (queries already normalised), several in one statement: grouped by query
   * and language first, since one statement may not update a row twice.
   */
  async countGaps(q: Queryable, gaps: ReadonlyArray<{ query: string; lang: 'uk' | 'en'; day: string }>): Promise<void> {
    await q.query(
      prepared(`INSERT INTO search_gaps (query, lang, searches, first_day, last_day)
       SELECT query, lang, count(*), min(day), max(day) FROM unnest($1::text[], $2::text[], $3::date[]) AS g(query, lang, day) GROUP BY query, lang
       ON CONFLICT (lang, query) DO UPDATE SET searches = search_gaps.searches + EXCLUDED.searches, last_day = GREATEST(search_gaps.last_day, EXCLUDED.last_day)`),
      [gaps.map((g) => g.query), gaps.map((g) => g.lang), gaps.map((g) => g.day)],
    );
  },

  async gaps(q: Queryable, limit: number): Promise<SearchGap[]> {
    const rows = await q.query<{ query: string; lang: 'uk' | 'en'; searches: number; first_day: string; last_day: string }>(
      `SELECT query, lang, searches, first_day::text AS first_day, last_day::text AS last_day FROM search_gaps
        ORDER BY searches DESC, last_day DESC, query LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ query: r.query, lang: r.lang, searches: Number(r.searches), firstDay: r.first_day, lastDay: r.last_day }));
  },
};
