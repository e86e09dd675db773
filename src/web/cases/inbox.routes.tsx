import type { FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../../kernel/text.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { InboxMessage, NoticesService } from '../../modules/notifications/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute } from '../common/route-table.ts';
import { InboxMessagePage, InboxPage } from './inbox.page.tsx';

/** Does the person act now for the party a message concerns (so its case and decision open)? */
function actsFor(signedIn: SignedIn, party: InboxMessage['party']): boolean {
  const acting = signedIn.actor.acting.party;
  return party.kind === 'self' ? acting.kind === 'self' : acting.kind !== 'self' && acting.kind === party.kind && acting.id === party.id;
}

/** The portal inbox: the list of messages, and one message (opening it marks it read). */
export function inboxRoutes(deps: { notices: NoticesService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const perLang = (lang: Lang): WebRoute[] => [
    {
      method: 'GET', url: `/${lang}/cabinet/inbox`, auth: SIGNED_IN,
      handler: async (request, reply) => sendPage(reply, 200, <InboxPage ctx={pageContext(request)} parties={await deps.notices.inbox(me(request))} />),
    },
    {
      method: 'GET', url: `/${lang}/cabinet/inbox/:id`, auth: SIGNED_IN, params: { id: 'uuid' },
      handler: async (request, reply) => {
        const signedIn = me(request);
        const opened = await deps.notices.open(signedIn, (request.params as { id: string }).id);
        if (!opened.ok) {
          return sendNotFoundPage(request, reply);
        }
        return sendPage(reply, 200, <InboxMessagePage ctx={pageContext(request)} message={opened.value} actingFor={actsFor(signedIn, opened.value.party)} />);
      },
    },
  ];
  return LANGS.flatMap(perLang);
}
