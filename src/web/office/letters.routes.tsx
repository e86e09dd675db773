import type { FastifyRequest } from 'fastify';

import { kyivDay } from '../../kernel/state-time.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { LettersService } from '../../modules/notifications/index.ts';
import { type DateProblem, datePartsOf, readDateInput } from '../common/form-values.ts';
import { dateProblemText } from '../common/inputs.tsx';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import { sendFile } from '../common/send-file.ts';
import { LettersPage, type LettersView } from './letters.page.tsx';
import { officeNavItems } from './office-nav.tsx';

const CASE_STAFF = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor'] } as const;
const CASE_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,40}$/;

/** The print queue of letters (case notices by post) of the staff member's agencies; dispatching is audited by the service. */
export function letterRoutes(deps: { letters: LettersService; now: () => Date }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const queueView = async (signedIn: SignedIn, form: Pick<LettersView, 'day' | 'dayProblem' | 'errors'>): Promise<LettersView> => ({
    ...form, letters: await deps.letters.queue(signedIn), csrf: signedIn.session.csrfToken, dispatched: null, nav: officeNavItems(signedIn),
  });
  return [
    route(PATHS.letters, 'GET', CASE_STAFF, async (request, reply) => {
      const signedIn = me(request);
      const dispatched = (request.query as { dispatched?: unknown }).dispatched;
      const view = await queueView(signedIn, { day: datePartsOf(kyivDay(deps.now())), dayProblem: null, errors: [] });
      return sendPage(reply, 200, <LettersPage ctx={pageContext(request)} view={{ ...view, dispatched: typeof dispatched === 'string' && CASE_NUMBER.test(dispatched) ? dispatched : null }} />);
    }),
    // The day's batch: the day from its three boxes (today when left empty); a day that is no date shows the queue again with the problem on the field.
    route(PATHS.letterBatch, 'GET', CASE_STAFF, async (request, reply) => {
      const signedIn = me(request);
      const input = readDateInput(request.query, 'day');
      const day = input.ok === 'empty' ? kyivDay(deps.now()) : input.ok ? input.iso : null;
      const batch = day === null ? null : await deps.letters.batch(signedIn, day);
      if (batch === null || day === null) {
        const ctx = pageContext(request);
        const problem: DateProblem = input.ok === false ? input.problem : { code: 'date.invalid', parts: ['day', 'month', 'year'] };
        const message = ctx.t('office.letters.badDay', { problem: dateProblemText(ctx.t, problem) });
        const view = await queueView(signedIn, { day: input.parts, dayProblem: problem, errors: [{ field: 'day', message }] });
        return sendPage(reply, 400, <LettersPage ctx={ctx} view={view} />);
      }
      return sendFile(reply, { bytes: batch.pdf, type: 'application/pdf', name: `letters-${day}.pdf`, disposition: 'attachment' });
    }),
    route(PATHS.letterPdf, 'GET', CASE_STAFF, async (request, reply, { lang, params }) => {
      const letter = await deps.letters.pdf(me(request), params.id);
      if (letter.ok) {
        return sendFile(reply, { bytes: letter.value.pdf, type: 'application/pdf', name: `letter-${letter.value.letter.caseNumber}.pdf`, disposition: 'inline' });
      }
      const ctx = pageContext(request);
      return sendPage(reply, 404, <MessagePage ctx={ctx} title={ctx.t('office.letters.title')} text={ctx.t('office.letters.gone')} back={paths.letters(lang)} backLabel={ctx.t('office.letters.title')} />);
    }),
    route(PATHS.letterDispatch, 'POST', CASE_STAFF, async (request, reply, { lang, params }) => {
      const dispatched = await deps.letters.dispatch(me(request), params.id);
      if (dispatched.ok) {
        return reply.redirect(paths.letters(lang, { dispatched: dispatched.value.caseNumber }), 303);
      }
      const ctx = pageContext(request);
      return sendPage(reply, 404, <MessagePage ctx={ctx} title={ctx.t('office.letters.title')} text={ctx.t('office.letters.gone')} back={paths.letters(lang)} backLabel={ctx.t('office.letters.title')} />);
    }),
  ];
}
