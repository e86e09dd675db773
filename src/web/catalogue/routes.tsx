import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';

import type { DraftsService } from '../../modules/applications/index.ts';
import type { CatalogueReadsAt, CatalogueService } from '../../modules/catalogue/index.ts';
import { parseSearchPageParams, toSearchQuery } from '../../modules/catalogue/index.ts';
import { fillApplySlot } from '../apply/eligibility.tsx';
import { NotFoundPage } from '../common/errors.page.tsx';
import { AccessibilityPage } from './accessibility.page.tsx';
import { AgenciesPage, AgencyPage } from './agencies.page.tsx';
import { CentrePage, CentresPage } from './centres.page.tsx';
import { EventPage, EventsPage } from './events.page.tsx';
import { HomePage } from './home.page.tsx';
import { SearchResultsPage } from './search.page.tsx';
import { isPastLastPage } from './search.view.ts';
import { ServicePage } from './service.page.tsx';
import { PageCache } from './page-cache.ts';
import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import { pageContext, renderPage, sendHtml, sendPage } from '../common/render.ts';
import type { LangPath } from '../common/path.ts';
import { PATHS } from '../common/paths.ts';
import { PUBLIC, type WebRoute, route } from '../common/route-table.ts';
import { searchErrors } from './search-errors.ts';
import type { MaturityService } from '../../modules/maturity/index.ts';
import type { FeedbackService } from '../../modules/feedback/index.ts';
import { renderFormPdf } from '../../modules/documents/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { fillCountsSlot } from '../feedback/counts.tsx';
import { PrivacyPage } from './privacy.page.tsx';
import { printableForm } from './form-pdf.ts';

const PAGE_SIZE = 20;
/** Printable forms kept rendered (a few hundred KB each: the fonts' subsets). */
const FORM_PDFS_KEPT = 40;
interface PageResult {
  readonly status: number;
  readonly page: VNode;
  /** The text of a search that found nothing (a content gap). */
  readonly gap?: string;
}
type Handler = (catalogue: CatalogueReadsAt, request: FastifyRequest, maturity: Pick<MaturityService, 'ofService'>) => Promise<PageResult>;
const page = (status: number, vnode: VNode): PageResult => ({ status, page: vnode });
const notFound = (request: FastifyRequest) => page(404, <NotFoundPage ctx={pageContext(request)} />);
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

const home: Handler = async (catalogue, request) => {
  const [popular, events] = await Promise.all([catalogue.popularServices(8), catalogue.events()]);
  return page(200, <HomePage ctx={pageContext(request)} view={{ popular: popular.value, events: events.value }} />);
};

const search: Handler = async (catalogue, request) => {
  const ctx = pageContext(request);
  const raw = request.query as Record<string, unknown>;
  const [organisations, events] = await Promise.all([catalogue.organisations(), catalogue.events()]);
  const parsed = parseSearchPageParams(raw);
  const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const errors = searchErrors(ctx.t, parsed, organisations.value, events.value);
  const base = { values, errors, organisations: organisations.value, events: events.value, pageSize: PAGE_SIZE, spellings: [] };
  if (!parsed.ok || errors.length > 0) {
    return page(400, <SearchResultsPage ctx={ctx} view={{ ...base, result: null, page: 1 }} />);
  }
  const query = toSearchQuery(parsed.value, PAGE_SIZE);
  const { page: found, spellings } = (await catalogue.searchWithSpellings(query)).value;
  const view = { ...base, result: found, page: query.page, spellings };
  const shown = page(isPastLastPage(found, view) ? 404 : 200, <SearchResultsPage ctx={ctx} view={view} />);
  return found.total === 0 && query.text ? { ...shown, gap: query.text } : shown;
};

const service: Handler = async (catalogue, request, maturity) => {
  const found = (await catalogue.service(idOf(request))).value;
  if (!found) {
    return notFound(request);
  }
  const [organisations, events, centres, measured] = await Promise.all([catalogue.organisations(), catalogue.events(), catalogue.centres(), maturity.ofService(found.id)]);
  const view = {
    service: found,
    maturity: measured,
    organisation: organisations.value.find((o) => o.id === found.organisationId) ?? null,
    events: events.value.filter((e) => found.eventIds.includes(e.id)),
    centres: centres.value,
  };
  return page(200, <ServicePage ctx={pageContext(request)} view={view} />);
};

const agencies: Handler = async (catalogue, request) => {
  const [organisations, counts] = await Promise.all([catalogue.organisations(), catalogue.serviceCounts()]);
  return page(200, <AgenciesPage ctx={pageContext(request)} organisations={organisations.value} counts={counts.value.byOrganisation} />);
};

const agency: Handler = async (catalogue, request) => {
  const ctx = pageContext(request);
  const id = idOf(request);
  const [organisations, centres] = await Promise.all([catalogue.organisations(), catalogue.centres()]);
  const organisation = organisations.value.find((o) => o.id === id);
  if (!organisation) {
    return notFound(request);
  }
  const services = await catalogue.servicesOfOrganisation(id, ctx.lang);
  const view = {
    organisation,
    parent: organisations.value.find((o) => o.id === organisation.parentId) ?? null,
    children: organisations.value.filter((o) => o.parentId === id),
    centres: centres.value.filter((c) => c.organisationId === id),
    services: services.value,
  };
  return page(200, <AgencyPage ctx={ctx} view={view} />);
};

const events: Handler = async (catalogue, request) =>
  page(200, <EventsPage ctx={pageContext(request)} events={(await catalogue.events()).value} />);

const event: Handler = async (catalogue, request) => {
  const ctx = pageContext(request);
  const found = (await catalogue.events()).value.find((e) => e.id === idOf(request));
  if (!found) {
    return notFound(request);
  }
  const services = await catalogue.servicesOfEvent(found.id, ctx.lang);
  return page(200, <EventPage ctx={ctx} event={found} services={services.value} />);
};

const centres: Handler = async (catalogue, request) =>
  page(200, <CentresPage ctx={pageContext(request)} centres={(await catalogue.centres()).value} />);

const centre: Handler = async (catalogue, request) => {
  const ctx = pageContext(request);
  const [all, organisations] = await Promise.all([catalogue.centres(), catalogue.organisations()]);
  const found = all.value.find((c) => c.id === idOf(request));
  if (!found) {
    return notFound(request);
  }
  const services = await catalogue.servicesAtCentre(found.id, ctx.lang);
  const owner = organisations.value.find((o) => o.id === found.organisationId) ?? null;
  return page(200, <CentrePage ctx={ctx} view={{ centre: found, owner, services: services.value }} />);
};

const accessibility: Handler = async (_catalogue, request) => page(200, <AccessibilityPage ctx={pageContext(request)} />);

/** Pages built from the catalogue; the static accessibility statement is rendered on each request. */
const TABLE: ReadonlyArray<[LangPath, Handler]> = [
  [PATHS.home, home],
  [PATHS.search, search],
  [PATHS.service, service],
  [PATHS.agencies, agencies],
  [PATHS.agency, agency],
  [PATHS.events, events],
  [PATHS.event, event],
  [PATHS.centres, centres],
  [PATHS.centre, centre],
];

/**
 * The public catalogue pages. Every one is public and read-only, so each rendered page is cached
 * per URL for the catalogue revision it was built from (ADR 0006). A service page's "Apply online"
 * depends on whom the person acts for: it is filled into the cached page for each request.
 */
export function catalogueRoutes(deps: {
  catalogue: CatalogueService;
  drafts: Pick<DraftsService, 'applicable'>;
  maturity: Pick<MaturityService, 'ofService'>;
  feedback: Pick<FeedbackService, 'serviceCounts' | 'recordZeroResults'>;
}): WebRoute[] {
  const { catalogue, drafts, maturity, feedback } = deps;
  const cache = new PageCache(500);
  // A service's printable form is the same document for everyone until the catalogue changes: rendered
  // once per service and language for a revision (laying out its text is most of a request's work).
  const forms = new RevisionCache<Uint8Array>(FORM_PDFS_KEPT);
  const statics = [
    route(PATHS.accessibility, 'GET', PUBLIC, async (request, reply) => sendPage(reply, 200, (await accessibility(catalogue, request, maturity)).page)),
    route(PATHS.privacy, 'GET', PUBLIC, async (request, reply) => sendPage(reply, 200, <PrivacyPage ctx={pageContext(request)} />)),
    route(PATHS.serviceFormPdf, 'GET', PUBLIC, async (request, reply, { lang, params }) => {
      const [found, measured] = await Promise.all([catalogue.service(params.id), maturity.ofService(params.id)]);
      const printable = measured?.checks.some((c) => c.capability === 'printable-form' && c.met) === true;
      if (found.value === null || found.value.form === undefined || !printable) {
        return sendNotFoundPage(request, reply);
      }
      const service = found.value;
      const pdf = await forms.get(await catalogue.revision(), `${service.id} ${lang}`, async () => {
        const organisation = (await catalogue.organisations()).value.find((o) => o.id === service.organisationId) ?? null;
        return renderFormPdf(printableForm(pageContext(request).t, lang, service, organisation));
      });
      return reply.code(200).type('application/pdf')
        .header('content-disposition', `inline; filename="${service.id}-${lang}.pdf"`)
        .header('cache-control', 'public, max-age=0, must-revalidate')
        .send(Buffer.from(pdf));
    }),
  ];
  return statics.concat(TABLE.map(([path, handler]) =>
    route(path, 'GET', PUBLIC, async (request, reply) => {
      const revision = await catalogue.revision();
      const rendered = await cache.get(revision, request.url, async () => {
        const result = await handler(catalogue.at(revision), request, maturity);
        return { status: result.status, html: renderPage(result.page), gap: result.gap };
      });
      if (rendered.gap !== undefined) {
        feedback.recordZeroResults(rendered.gap, pageContext(request).lang);
      }
      let html = rendered.html;
      if (path === PATHS.service && rendered.status === 200) {
        html = await fillCountsSlot(await fillApplySlot(html, request, idOf(request), drafts), request, idOf(request), feedback);
      }
      return sendHtml(reply, rendered.status, html);
    }),
  ));
}
