import type { FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';

import type { FeedbackService } from '../../modules/feedback/index.ts';
import type { PageContext } from '../common/layout.tsx';
import { pageContext } from '../common/render.ts';

/** Marks where a service page's counts of ratings and page feedback go: they change without a catalogue edit, so they are filled in after the page cache. */
export const COUNTS_SLOT = '<div id="feedback-counts-slot"></div>';

type Counts = Awaited<ReturnType<FeedbackService['serviceCounts']>>;

function CountsBlock({ ctx, counts }: { ctx: PageContext; counts: Counts }) {
  const { t } = ctx;
  const rating = counts.rating;
  const average = rating?.average === null || rating === null ? null : rating.average.toLocaleString(ctx.lang === 'uk' ? 'uk-UA' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section id="feedback-counts" aria-labelledby="feedback-counts-heading">
      <h2 class="govuk-heading-m" id="feedback-counts-heading">{t('feedback.counts')}</h2>
      <p class="govuk-body">{rating === null || average === null ? t('feedback.noRatings') : t.plural('feedback.ratings', rating.ratings, { average })}</p>
      <p class="govuk-body">{t('feedback.pageCounts', { yes: counts.page.useful, no: counts.page.notUseful })}</p>
    </section>
  );
}

/** Fills a cached service page's counts: the ratings given after the service and the page's yes and no answers, as of now. */
export async function fillCountsSlot(html: string, request: FastifyRequest, serviceId: string, feedback: Pick<FeedbackService, 'serviceCounts'>): Promise<string> {
  if (!html.includes(COUNTS_SLOT)) {
    return html;
  }
  const counts = await feedback.serviceCounts(serviceId);
  return html.replace(COUNTS_SLOT, renderToString(<CountsBlock ctx={pageContext(request)} counts={counts} />));
}
