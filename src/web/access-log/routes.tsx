import type { FastifyRequest } from 'fastify';

import type { AccessLogService } from '../../modules/access-log/index.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { AccessLogPage } from './access-log.page.tsx';
import { accessRow } from './access-log.view.ts';

export interface AccessLogWebDeps {
  readonly accessLog: AccessLogService;
  readonly catalogue: CatalogueService;
}

const queryOf = (request: FastifyRequest, name: string): string => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, 40) : '';
};

/** The cabinet's "Who saw my data" (`?party=` one of the parties the person acts for, `?page=`). */
export function accessLogRoutes(deps: AccessLogWebDeps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  return [
    route(PATHS.whoSaw, 'GET', SIGNED_IN, async (request, reply) => {
      const ctx = pageContext(request);
      const page = /^[1-9][0-9]{0,5}$/.test(queryOf(request, 'page')) ? Number(queryOf(request, 'page')) : 1;
      const view = await deps.accessLog.list(me(request), queryOf(request, 'party') || 'self', page);
      if (view === null) {
        return sendNotFoundPage(request, reply);
      }
      const names = new Map((await deps.catalogue.organisations()).value.map((o) => [o.id, o.name[ctx.lang]]));
      const rows = view.entries.map((e) => accessRow(ctx.t, ctx.lang, e, (id) => names.get(id) ?? id));
      return sendPage(reply, 200, <AccessLogPage ctx={ctx} view={view} rows={rows} />);
    }),
  ];
}
