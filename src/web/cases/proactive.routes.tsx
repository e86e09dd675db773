import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';

import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { ProactiveService } from '../../modules/proactive/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { ProactivePage } from './proactive.page.tsx';

/**
 * The person's page of an offer or an automatic grant (ADR 0032), and its two forms: objecting (the case is
 * withdrawn), dismissing an offer, and starting its application (the item `started`, then the service's form).
 * Someone else's item, or none, is a 404; a form sent when it no longer applies (the window passed, dismissed
 * already) shows the page again, 409, saying why.
 */
export function proactiveRoutes(deps: { proactive: ProactiveService; catalogue: CatalogueService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  /** The item's page; `refused` names the form that no longer applied (then 409, the page saying why). */
  const itemPage = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, id: string, refused?: 'object' | 'dismiss' | 'start') => {
    const signedIn = me(request);
    const item = await deps.proactive.item(signedIn, id);
    if (!item.ok) {
      return sendNotFoundPage(request, reply);
    }
    const service = (await deps.catalogue.service(item.value.serviceId)).value;
    const view = { item: item.value, serviceName: service?.name[lang] ?? item.value.serviceId, csrf: signedIn.session.csrfToken, ...(refused === undefined ? {} : { refused }) };
    return sendPage(reply, refused === undefined ? 200 : 409, <ProactivePage ctx={pageContext(request)} view={view} />);
  };
  const decided = (request: FastifyRequest, reply: FastifyReply, lang: Lang, id: string, form: 'object' | 'dismiss', done: { ok: boolean; error?: { code: string } }) => {
    if (done.ok) {
      return reply.redirect(paths.proactiveItem(lang, id), 303);
    }
    return done.error?.code === 'proactive.not_found' ? sendNotFoundPage(request, reply) : itemPage(request, reply, lang, id, form);
  };
  return [
    route(PATHS.proactiveItem, 'GET', SIGNED_IN, async (request, reply, { lang, params }) => itemPage(request, reply, lang, params.id)),
    route(PATHS.proactiveObject, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => decided(request, reply, lang, params.id, 'object', await deps.proactive.object(me(request), params.id))),
    route(PATHS.proactiveDismiss, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => decided(request, reply, lang, params.id, 'dismiss', await deps.proactive.dismiss(me(request), params.id))),
    route(PATHS.proactiveStart, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const started = await deps.proactive.start(me(request), params.id);
      if (started.ok) {
        return reply.redirect(paths.apply(lang, started.value.serviceId), 303);
      }
      return started.error.code === 'proactive.not_found' ? sendNotFoundPage(request, reply) : itemPage(request, reply, lang, params.id, 'start');
    }),
  ];
}
