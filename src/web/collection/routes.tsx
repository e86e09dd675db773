import type { FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { CollectionService, HandoverProblem } from '../../modules/collection/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import type { FieldError } from '../common/components.tsx';
import { formString, readDateInput } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import type { Translator } from '../locales/messages.ts';
import { officeNavItems } from '../office/office-nav.tsx';
import { CollectionsPage, type DeskNote, HandoverPage } from './desk.page.tsx';
import { cancelProblem, readyProblem } from './errors.ts';

const FRONT_DESK = { kind: 'staff', roles: ['front-desk'] } as const;
/** Cancelling "ready": the officers of the case's agency (from the case page) or the front desk of its centre. */
const CANCELLERS = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor', 'front-desk'] } as const;
const CASE_NUMBER = /^\d{4}-\d{6,}$/;
const NOTES = ['handed-over', 'cancelled', 'marked'] as const;
const HANDOVER_FIELDS = ['recipient', 'representativeName', 'representativeBasis', 'idDocumentType'] as const;

function noteOf(query: Record<string, unknown>): DeskNote | null {
  const kind = NOTES.find((n) => n === query['note']);
  const number = typeof query['case'] === 'string' && CASE_NUMBER.test(query['case']) ? query['case'] : null;
  return kind === undefined || number === null ? null : { kind, number };
}

const handoverErrors = (t: Translator, problems: readonly HandoverProblem[]): FieldError[] =>
  problems.map((p) => ({ field: p.field, message: t(`collection.handover.error.${p.code}`) }));

/**
 * Results ready for collection at the front desk: the list of what awaits at the staff member's
 * centre (searchable), marking another result ready here by its case number, the handover form, and
 * cancelling "ready" (also from the office case page).
 */
export function collectionRoutes(deps: CollectionWebDeps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const pages = pagesOf(deps, me);
  return [...deskRoutes(deps, me, pages), ...handoverRoutes(deps, me, pages)];
}

interface CollectionWebDeps {
  readonly collection: CollectionService;
  readonly catalogue: CatalogueService;
}

type Pages = ReturnType<typeof pagesOf>;

const backToList = (lang: Lang, note: DeskNote) => PATHS.collections.url(lang, {}, { note: note.kind, case: note.number });

/** The list page and the handover page, rendered for a request. */
function pagesOf({ collection, catalogue }: CollectionWebDeps, me: (r: FastifyRequest) => SignedIn) {

  const listPage = async (request: FastifyRequest, status: number, o: { query: string; note: DeskNote | null; errors: FieldError[]; values: Record<string, string> }) => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const found = await collection.awaiting(signedIn, o.query);
    if (!found.ok) {
      return { status: 403, page: <MessagePage ctx={ctx} title={ctx.t('collection.desk.title')} text={ctx.t('collection.desk.noCentre')} back={paths.staffHome(ctx.lang)} backLabel={ctx.t('staff.title')} /> };
    }
    const view = {
      ...found.value, query: o.query, csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn), note: o.note, errors: o.errors, caseNumber: o.values['caseNumber'] ?? '',
      collectBy: { day: o.values['collectBy-day'] ?? '', month: o.values['collectBy-month'] ?? '', year: o.values['collectBy-year'] ?? '' },
    };
    return { status, page: <CollectionsPage ctx={ctx} view={view} /> };
  };

  const handoverPage = async (request: FastifyRequest, id: string, status: number, errors: FieldError[], values: Record<string, string>) => {
    const signedIn = me(request);
    const found = await collection.atDesk(signedIn, id);
    if (found === null) {
      return null;
    }
    const ctx = pageContext(request);
    const service = (await catalogue.service(found.case.serviceId)).value;
    const view = { ...found, serviceName: service?.name[ctx.lang] ?? found.case.serviceId, csrf: signedIn.session.csrfToken, errors, values };
    return { status, page: <HandoverPage ctx={ctx} view={view} /> };
  };

  return { listPage, handoverPage };
}

/** The list, and marking a result ready at the desk's centre. */
function deskRoutes({ collection }: CollectionWebDeps, me: (r: FastifyRequest) => SignedIn, { listPage }: Pages): WebRoute[] {
  return [
    route(PATHS.collections, 'GET', FRONT_DESK, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const q = typeof query['q'] === 'string' ? query['q'].trim().slice(0, 100) : '';
      const shown = await listPage(request, 200, { query: q, note: noteOf(query), errors: [], values: {} });
      return sendPage(reply, shown.status, shown.page);
    }),
    route(PATHS.collectionsReady, 'POST', FRONT_DESK, async (request, reply, { lang }) => {
      const t = pageContext(request).t;
      const caseNumber = formString(request.body, 'caseNumber').trim();
      const by = readDateInput(request.body, 'collectBy');
      const values = { caseNumber, 'collectBy-day': by.parts.day, 'collectBy-month': by.parts.month, 'collectBy-year': by.parts.year };
      const refuse = async (field: string, message: string, status: number) => {
        const shown = await listPage(request, status, { query: '', note: null, errors: [{ field, message }], values });
        return sendPage(reply, shown.status, shown.page);
      };
      if (!CASE_NUMBER.test(caseNumber)) {
        return refuse('caseNumber', t('collection.error.caseNumber'), 400);
      }
      if (by.ok === false) {
        return refuse('collectBy', t('collection.error.collectBy.invalid'), 400);
      }
      const done = await collection.markReadyAtDesk(me(request), caseNumber, by.ok === true ? by.iso : '');
      if (done.ok) {
        return reply.redirect(backToList(lang, { kind: 'marked', number: done.value.caseNumber }), 303);
      }
      const problem = readyProblem(done.error);
      // A case the desk may not act on reads as an unknown number; any other refusal is about the case.
      return problem.status === 404 ? refuse('caseNumber', t('office.error.not-found'), 404) : refuse(problem.field === 'collectBy' ? 'collectBy' : 'caseNumber', t(problem.key), problem.status);
    }),
  ];
}

/** The handover form and its post, and cancelling "ready". */
function handoverRoutes({ collection }: CollectionWebDeps, me: (r: FastifyRequest) => SignedIn, { handoverPage }: Pages): WebRoute[] {
  return [
    route(PATHS.collection, 'GET', FRONT_DESK, async (request, reply, { params }) => {
      const shown = await handoverPage(request, params.id, 200, [], {});
      return shown === null ? sendNotFoundPage(request, reply) : sendPage(reply, shown.status, shown.page);
    }),
    route(PATHS.collectionHandOver, 'POST', FRONT_DESK, async (request, reply, { lang, params }) => {
      const body = request.body;
      const input = {
        recipient: formString(body, 'recipient'), representativeName: formString(body, 'representativeName'), representativeBasis: formString(body, 'representativeBasis'),
        idDocumentType: formString(body, 'idDocumentType'), idDocumentNumber: formString(body, 'idDocumentNumber'),
      };
      const done = await collection.handOver(me(request), params.id, input);
      if (done.ok) {
        return reply.redirect(backToList(lang, { kind: 'handed-over', number: done.value.caseNumber }), 303);
      }
      const t = pageContext(request).t;
      const values = Object.fromEntries(HANDOVER_FIELDS.map((f) => [f, input[f]]));
      const error = done.error;
      switch (error.code) {
        case 'collection.not_found':
          return sendNotFoundPage(request, reply);
        case 'collection.not_awaiting': {
          const shown = await handoverPage(request, params.id, 409, [{ field: 'recipient', message: t('collection.error.notAwaiting') }], values);
          return shown === null ? sendNotFoundPage(request, reply) : sendPage(reply, shown.status, shown.page);
        }
        case 'collection.handover_invalid': {
          const shown = await handoverPage(request, params.id, 400, handoverErrors(t, error.problems), values);
          return shown === null ? sendNotFoundPage(request, reply) : sendPage(reply, shown.status, shown.page);
        }
      }
    }),
    route(PATHS.collectionCancel, 'POST', CANCELLERS, async (request, reply, { lang, params }) => {
      const done = await collection.cancel(me(request), params.id, formString(request.body, 'reason'));
      const fromDesk = formString(request.body, 'from') === 'desk';
      if (done.ok) {
        return reply.redirect(fromDesk ? backToList(lang, { kind: 'cancelled', number: done.value.caseNumber }) : `${paths.officeCase(lang, done.value.caseId)}#collection-title`, 303);
      }
      const problem = cancelProblem(done.error);
      if (problem.status === 404) {
        return sendNotFoundPage(request, reply);
      }
      const ctx = pageContext(request);
      return sendPage(reply, problem.status, <MessagePage ctx={ctx} title={ctx.t('collection.section.title')} text={ctx.t(problem.key)} back={fromDesk ? PATHS.collections.url(lang) : paths.staffHome(lang)} backLabel={fromDesk ? ctx.t('collection.desk.title') : ctx.t('staff.title')} />);
    }),
  ];
}
