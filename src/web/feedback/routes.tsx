import type { FastifyRequest } from 'fastify';

import type { CatalogueService } from '../../modules/catalogue/index.ts';
import { type FeedbackService, readPageFeedback } from '../../modules/feedback/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { formString } from '../common/form-values.ts';
import { feedbackPathOf } from '../common/page-feedback.tsx';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { PUBLIC, type WebRoute, route } from '../common/route-table.ts';
import { officeNavItems } from '../office/office-nav.tsx';
import { AgencyFeedbackPage, ContentGapsPage, FeedbackRefusedPage, ThanksPage } from './feedback.pages.tsx';

const AGENCY_STAFF = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor', 'agency-admin'] } as const;
const EDITORS = { kind: 'staff', roles: ['catalogue-editor'] } as const;

/**
 * "Was this page useful?" from every page (public, no session: `sessionless`, the gate checks that the
 * form comes from the portal's own page), the thanks, and what the answers, the ratings and the
 * searches that found nothing show to the agency's staff and the catalogue's editors.
 */
export function feedbackRoutes(deps: { feedback: FeedbackService; catalogue: Pick<CatalogueService, 'allServices'> }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const { feedback } = deps;
  return [
    route(PATHS.pageFeedback, 'POST', PUBLIC, async (request, reply, { lang }) => {
      const ctx = pageContext(request);
      const read = readPageFeedback({ path: formString(request.body, 'page'), answer: formString(request.body, 'answer'), comment: formString(request.body, 'whatWasWrong') });
      const back = feedbackPathOf(formString(request.body, 'page')) ?? PATHS.home.url(lang);
      if (!read.ok) {
        return sendPage(reply, 400, <FeedbackRefusedPage ctx={ctx} text={ctx.t('feedback.invalid')} back={read.problem === 'path' ? PATHS.home.url(lang) : back} />);
      }
      const recorded = await feedback.recordPageFeedback(read.value, request.ip);
      if (!recorded.ok) {
        void reply.header('retry-after', String(recorded.error.retryAfterSeconds));
        return sendPage(reply, 429, <FeedbackRefusedPage ctx={ctx} text={ctx.t('feedback.tooMany')} back={back} />);
      }
      return reply.redirect(PATHS.feedbackThanks.url(lang, {}, { back: read.value.path }), 303);
    }, { sessionless: true }),
    route(PATHS.feedbackThanks, 'GET', PUBLIC, async (request, reply, { lang }) => {
      const given = (request.query as Record<string, unknown>)['back'];
      const back = (typeof given === 'string' ? feedbackPathOf(given) : null) ?? PATHS.home.url(lang);
      return sendPage(reply, 200, <ThanksPage ctx={pageContext(request)} back={back} />);
    }),
    route(PATHS.officeFeedback, 'GET', AGENCY_STAFF, async (request, reply) => {
      const signedIn = me(request);
      const ctx = pageContext(request);
      const [view, services] = await Promise.all([feedback.agencyFeedback(signedIn), deps.catalogue.allServices()]);
      const names = new Map(services.value.map((s) => [s.id, s.name[ctx.lang]]));
      return sendPage(reply, 200, <AgencyFeedbackPage ctx={ctx} view={view} names={names} nav={officeNavItems(signedIn)} />);
    }),
    route(PATHS.contentGaps, 'GET', EDITORS, async (request, reply) => {
      const signedIn = me(request);
      return sendPage(reply, 200, <ContentGapsPage ctx={pageContext(request)} gaps={await feedback.contentGaps(signedIn)} nav={officeNavItems(signedIn)} />);
    }),
  ];
}
