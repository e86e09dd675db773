import type { Clock } from '../../kernel/clock.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import type { Lang } from '../../kernel/text.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { RateLimiter, RateRule } from '../../platform/rate-limit/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { normaliseQuery, type PageFeedbackInput } from './feedback.ts';
import { feedbackRepository, type FeedbackCounts, type RatingSummary } from './feedback.repository.ts';
import { gapCounts } from './gap-counts.ts';

/** How many comments and feedback rows an agency's page lists, and how many content gaps the editors' page. */
const LIST_LIMIT = 100;

/**
 * At most this many answers from one address in ten minutes, and this many from everyone in a minute.
 * The address is only a key of the shared rate-limit counters (hashed there, gone with its window); it
 * is never stored with the answer.
 */
export const FEEDBACK_LIMITS = {
  perAddress: { max: 20, windowSeconds: 600 } satisfies RateRule,
  overall: { max: 600, windowSeconds: 60 } satisfies RateRule,
};

/** Too many answers: wait this long. */
export interface FeedbackRateLimited {
  readonly code: 'feedback.rate_limited';
  readonly retryAfterSeconds: number;
}

/** The roles that see their agency's ratings and page feedback. */
const AGENCY_ROLES = new Set(['clerk', 'decision-maker', 'supervisor', 'agency-admin']);

/** The agencies a staff member sees feedback of: those of their agency roles. */
export const feedbackAgencies = (signedIn: SignedIn): string[] =>
  [...new Set(signedIn.staff.filter((s) => AGENCY_ROLES.has(s.role) && s.agencyId !== null).map((s) => s.agencyId as string))].sort();

/**
 * Page feedback ("Was this page useful?"), the ratings given after cases, and the searches that found
 * nothing: recorded without personal data, counted on the public service page, listed for the agency's
 * staff and for the catalogue's editors.
 */
export function createFeedbackService(deps: {
  db: Database; reads?: Queryable; clock: Clock; limiter: RateLimiter; catalogue: Pick<CatalogueService, 'service'>; limits?: typeof FEEDBACK_LIMITS;
  /** How often the counts of searches that found nothing are written (SEARCH_GAP_INTERVAL_MS, ADR 0038). */
  gapIntervalMs: number;
  logger?: { warn(obj: object, msg?: string): void } | null;
}) {
  const { db, clock, catalogue, limiter } = deps;
  const limits = deps.limits ?? FEEDBACK_LIMITS;
  const reads = deps.reads ?? db;
  // Searches that found nothing are counted in memory and written together, off the request (ADR 0038).
  const gaps = gapCounts((batch) => feedbackRepository.countGaps(db, batch), {
    intervalMs: deps.gapIntervalMs, batch: 1000, maxPending: 100_000,
    onError: (error, counts) => deps.logger?.warn({ err: error, ...counts }, 'search gap counts not written yet'),
  });
  return {
    /**
     * Records one answer from the client at `address` (used only to limit how often); a service page's
     * answer is filed under the service's competent agency.
     */
    async recordPageFeedback(input: PageFeedbackInput, address: string): Promise<Result<void, FeedbackRateLimited>> {
      for (const [key, rule] of [[`feedback:${address}`, limits.perAddress], ['feedback:*', limits.overall]] as const) {
        const verdict = await limiter.hit(key, rule);
        if (!verdict.allowed) {
          return err({ code: 'feedback.rate_limited', retryAfterSeconds: verdict.retryAfterSeconds });
        }
      }
      const service = input.serviceId === null ? null : (await catalogue.service(input.serviceId)).value;
      await feedbackRepository.insert(db, {
        ...input, serviceId: service?.id ?? null, organisationId: service?.organisationId ?? null, day: kyivDay(clock.now()),
      });
      return ok(undefined);
    },

    /**
     * Counts a search that found nothing, unless its text looks personal; returns the query as counted.
     * The count is written with the others of the next second (`flushGaps` writes it now).
     */
    recordZeroResults(text: string, lang: Lang): string | null {
      const query = normaliseQuery(text);
      if (query !== null) {
        gaps.add({ query, lang, day: kyivDay(clock.now()) });
      }
      return query;
    },

    /** Writes the counts of searches that found nothing not yet written (before reading them, and at shutdown). */
    flushGaps: (): Promise<void> => gaps.flush(),

    /** The public counts of a service: its ratings and its page's yes and no answers. */
    async serviceCounts(serviceId: string): Promise<{ rating: RatingSummary | null; page: FeedbackCounts }> {
      const [ratings, page] = await Promise.all([feedbackRepository.ratings(reads, { serviceId }), feedbackRepository.serviceCounts(reads, serviceId)]);
      return { rating: ratings[0] ?? null, page };
    },

    /** The ratings, their comments and the page feedback of the staff member's agencies (nobody is named). */
    async agencyFeedback(signedIn: SignedIn) {
      const agencies = feedbackAgencies(signedIn);
      if (agencies.length === 0) {
        return { agencies, ratings: [], comments: [], pageCounts: [], pageFeedback: [] };
      }
      const [ratings, comments, pageCounts, pageFeedback] = await Promise.all([
        feedbackRepository.ratings(reads, { organisationIds: agencies }),
        feedbackRepository.ratingComments(reads, agencies, LIST_LIMIT),
        feedbackRepository.agencyCounts(reads, agencies),
        feedbackRepository.agencyFeedback(reads, agencies, LIST_LIMIT),
      ]);
      return { agencies, ratings, comments, pageCounts, pageFeedback };
    },

    /** The searches that found nothing, most frequent first: for the catalogue's editors (anyone else gets none). */
    async contentGaps(signedIn: SignedIn) {
      if (!signedIn.staff.some((s) => s.role === 'catalogue-editor')) {
        return [];
      }
      await gaps.flush();
      return feedbackRepository.gaps(reads, LIST_LIMIT);
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
export type AgencyFeedback = Awaited<ReturnType<FeedbackService['agencyFeedback']>>;
