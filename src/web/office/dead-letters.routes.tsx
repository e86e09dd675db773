import type { FastifyRequest } from 'fastify';

import type { SignedIn } from '../../modules/identity/index.ts';
import type { DeadLettersService } from '../../modules/notifications/index.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import { DeadLettersPage } from './dead-letters.page.tsx';
import { officeNavItems } from './office-nav.tsx';

const SUPERVISORS = { kind: 'staff', roles: ['supervisor'] } as const;

/** Undelivered messages about the supervisor's agencies' cases, and sending one again (audited by the service). */
export function deadLetterRoutes(deps: { deadLetters: DeadLettersService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  return [
    route(PATHS.deadLetters, 'GET', SUPERVISORS, async (request, reply) => {
      const signedIn = me(request);
      const requeued = (request.query as { requeued?: unknown }).requeued;
      const letters = await deps.deadLetters.list(signedIn);
      const view = { letters, nav: officeNavItems(signedIn), csrf: signedIn.session.csrfToken, requeued: typeof requeued === 'string' && /^[0-9]{4}-[0-9]{6,}$/.test(requeued) ? requeued : null };
      return sendPage(reply, 200, <DeadLettersPage ctx={pageContext(request)} view={view} />);
    }),
    route(PATHS.deadLetterRequeue, 'POST', SUPERVISORS, async (request, reply, { lang, params }) => {
      const requeued = await deps.deadLetters.requeue(me(request), params.id);
      if (requeued.ok) {
        return reply.redirect(paths.deadLetters(lang, { requeued: requeued.value.caseNumber }), 303);
      }
      const ctx = pageContext(request);
      return sendPage(reply, 404, <MessagePage ctx={ctx} title={ctx.t('office.deadLetters.title')} text={ctx.t('office.deadLetters.gone')} back={paths.deadLetters(lang)} backLabel={ctx.t('office.deadLetters.title')} />);
    }),
  ];
}
