import type { FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../../kernel/text.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { DeadLettersService } from '../../modules/notifications/index.ts';
import { MessagePage } from '../common/message.page.tsx';
import { pageContext, sendPage } from '../common/render.ts';
import type { WebRoute } from '../common/route-table.ts';
import { deadLetterPaths } from './dead-letters-paths.ts';
import { DeadLettersPage } from './dead-letters.page.tsx';
import { officeNavItems } from './office-nav.tsx';

const SUPERVISORS = { kind: 'staff', roles: ['supervisor'] } as const;

/** Undelivered messages about the supervisor's agencies' cases, and sending one again (audited by the service). */
export function deadLetterRoutes(deps: { deadLetters: DeadLettersService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const perLang = (lang: Lang): WebRoute[] => [
    {
      method: 'GET', url: `/${lang}/office/dead-letters`, auth: SUPERVISORS,
      handler: async (request, reply) => {
        const signedIn = me(request);
        const requeued = (request.query as { requeued?: unknown }).requeued;
        const letters = await deps.deadLetters.list(signedIn);
        const view = { letters, nav: officeNavItems(signedIn), csrf: signedIn.session.csrfToken, requeued: typeof requeued === 'string' && /^[0-9]{4}-[0-9]{6,}$/.test(requeued) ? requeued : null };
        return sendPage(reply, 200, <DeadLettersPage ctx={pageContext(request)} view={view} />);
      },
    },
    {
      method: 'POST', url: `/${lang}/office/dead-letters/:id/requeue`, auth: SUPERVISORS, params: { id: 'slug' },
      handler: async (request, reply) => {
        const requeued = await deps.deadLetters.requeue(me(request), (request.params as { id: string }).id);
        if (requeued.ok) {
          return reply.redirect(`${deadLetterPaths.list(lang)}?requeued=${encodeURIComponent(requeued.value.caseNumber)}`, 303);
        }
        const ctx = pageContext(request);
        return sendPage(reply, 404, <MessagePage ctx={ctx} title={ctx.t('office.deadLetters.title')} text={ctx.t('office.deadLetters.gone')} back={deadLetterPaths.list(lang)} backLabel={ctx.t('office.deadLetters.title')} />);
      },
    },
  ];
  return LANGS.flatMap(perLang);
}
