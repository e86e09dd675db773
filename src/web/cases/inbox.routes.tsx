import type { FastifyRequest } from 'fastify';

import type { SignedIn } from '../../modules/identity/index.ts';
import type { InboxMessage, NoticesService } from '../../modules/notifications/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { InboxMessagePage, InboxPage } from './inbox.page.tsx';

/** Does the person act now for the party a message concerns (so its case and decision open)? */
function actsFor(signedIn: SignedIn, party: InboxMessage['party']): boolean {
  const acting = signedIn.actor.acting.party;
  return party.kind === 'self' ? acting.kind === 'self' : acting.kind !== 'self' && acting.kind === party.kind && acting.id === party.id;
}

/**
 * The portal inbox: the list of messages, and one message (opening it marks it read: a GET that
 * writes, so the list read next shows it read even from a lagging replica).
 */
export function inboxRoutes(deps: { notices: NoticesService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  return [
    route(PATHS.inbox, 'GET', SIGNED_IN, async (request, reply) => sendPage(reply, 200, <InboxPage ctx={pageContext(request)} parties={await deps.notices.inbox(me(request))} />)),
    route(PATHS.inboxMessage, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const signedIn = me(request);
      const opened = await deps.notices.open(signedIn, params.id);
      if (!opened.ok) {
        return sendNotFoundPage(request, reply);
      }
      return sendPage(reply, 200, <InboxMessagePage ctx={pageContext(request)} message={opened.value} actingFor={actsFor(signedIn, opened.value.party)} />);
    }, { writes: true }),
  ];
}
