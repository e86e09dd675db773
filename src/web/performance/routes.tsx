import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';

import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { PerformanceService } from '../../modules/performance/index.ts';
import { NotFoundPage } from '../common/errors.page.tsx';
import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import { pageContext, renderPage, sendHtml, sendPage } from '../common/render.ts';
import { PATHS } from '../common/paths.ts';
import { PUBLIC, type WebRoute, route } from '../common/route-table.ts';
import { PerformancePage } from './performance.page.tsx';

const DAY = /^(\d{4}-\d{2}-\d{2})\.(csv|json)$/;

/** Open data may be read from any site: it is public and carries no one's session. */
const sendOpenData = (reply: FastifyReply, type: string, body: string) =>
  reply.code(200).type(type).header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').send(body);

/**
 * The public performance pages (the nation, an agency, a service) and the open data under /open-data/:
 * today's CSV and JSON of each dataset with their schemas, the daily snapshots by date, the DCAT-AP catalogue.
 */
export function performanceRoutes(deps: { performance: PerformanceService; catalogue: CatalogueService }): WebRoute[] {
  const { performance, catalogue } = deps;
  // The pages as rendered, by URL, for one generation of the aggregates and one revision of the catalogue:
  // a page the figures have not moved under is sent as it was (the session bar filled in per request).
  const pages = new RevisionCache<{ status: number; html: string }>(300);
  const cachedPage = (render: (request: FastifyRequest) => Promise<{ status: number; page: VNode }>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const [generation, revision] = await Promise.all([performance.generation(), catalogue.revision()]);
    const rendered = await pages.get(generation, `${revision} ${request.url}`, async () => {
      const { status, page } = await render(request);
      return { status, html: renderPage(page) };
    });
    return sendHtml(reply, rendered.status, rendered.html);
  };
  return [
    route(PATHS.performance, 'GET', PUBLIC, cachedPage(async (request) => {
      const [figures, organisations, centres] = await Promise.all([performance.figures({ kind: 'nation' }), catalogue.organisations(), catalogue.centres()]);
      const ctx = pageContext(request);
      const agencies = [...organisations.value].sort((a, b) => a.name[ctx.lang].localeCompare(b.name[ctx.lang], ctx.lang));
      const centreNames = new Map(centres.value.map((c) => [c.id, c.name[ctx.lang]]));
      return { status: 200, page: <PerformancePage ctx={ctx} view={{ kind: 'nation', figures, agencies, centreNames }} /> };
    })),
    route(PATHS.performanceAgency, 'GET', PUBLIC, cachedPage(async (request) => {
      const ctx = pageContext(request);
      const id = (request.params as { id: string }).id;
      const organisation = (await catalogue.organisations()).value.find((o) => o.id === id);
      if (organisation === undefined) {
        return { status: 404, page: <NotFoundPage ctx={ctx} /> };
      }
      const [figures, services] = await Promise.all([performance.figures({ kind: 'agency', id: organisation.id }), catalogue.servicesOfOrganisation(organisation.id, ctx.lang)]);
      return { status: 200, page: <PerformancePage ctx={ctx} view={{ kind: 'agency', figures, organisation, services: services.value }} /> };
    })),
    route(PATHS.performanceService, 'GET', PUBLIC, cachedPage(async (request) => {
      const ctx = pageContext(request);
      const service = (await catalogue.service((request.params as { id: string }).id)).value;
      if (service === null) {
        return { status: 404, page: <NotFoundPage ctx={ctx} /> };
      }
      const [figures, organisations] = await Promise.all([performance.figures({ kind: 'service', id: service.id }), catalogue.organisations()]);
      const organisation = organisations.value.find((o) => o.id === service.organisationId) ?? null;
      return { status: 200, page: <PerformancePage ctx={ctx} view={{ kind: 'service', figures, service, organisation }} /> };
    })),
    route(PATHS.openDataFile, 'GET', PUBLIC, async (request, reply, { params }) => {
      if (params.name === 'catalog.jsonld') {
        return sendOpenData(reply, 'application/ld+json; charset=utf-8', JSON.stringify(performance.catalogue()));
      }
      const file = await performance.openDataFile(params.name);
      return file === null ? sendPage(reply, 404, <NotFoundPage ctx={pageContext(request)} />) : sendOpenData(reply, file.type, file.body);
    }),
    route(PATHS.openDataSnapshot, 'GET', PUBLIC, async (request, reply, { params }) => {
      const m = DAY.exec(params.file);
      const body = m === null ? null : await performance.snapshot(params.name, m[1] ?? '', m[2] === 'csv' ? 'csv' : 'json');
      if (body === null) {
        return sendPage(reply, 404, <NotFoundPage ctx={pageContext(request)} />);
      }
      return sendOpenData(reply, m?.[2] === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', body);
    }),
  ];
}
