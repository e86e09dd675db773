import type { FastifyReply, FastifyRequest } from 'fastify';

import { isUuid } from '../../kernel/ids.ts';
import { LANGS, type Lang } from '../../kernel/text.ts';
import type { AssistedFilingService, DraftsService } from '../../modules/applications/index.ts';
import { type BackOfficeService, type CasesService } from '../../modules/cases/index.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { CollectionService, CollectionStanding, ReadyOptions } from '../../modules/collection/index.ts';
import type { RegistriesService } from '../../modules/registries/index.ts';
import { STAFF_ROLES, type SignedIn } from '../../modules/identity/index.ts';
import { UnknownEvent } from '../../modules/workflow/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { OfficeCasePage } from './case.page.tsx';
import { OfficeQueuePage } from './queue.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import { sendFile } from '../common/send-file.ts';
import { formString, formStrings, readDateInput } from '../common/form-values.ts';
import { readyProblem } from '../collection/errors.ts';
import { me } from '../identity/routes.tsx';
import type { FieldError } from '../common/components.tsx';
import { type OfficeError, actProblem, caseProblem, workflowProblem } from './errors.tsx';
import { filterParams, isOfficerEvent, parseQueueFilters, toQueueQuery } from './query.tsx';
import { commandOf, decisionHandlers, isDecision } from './decision.routes.tsx';
import { officeNavItems } from './office-nav.tsx';
import { staffHome } from './staff-home.routes.tsx';

/** Officers who work on an agency's cases; which cases and actions are theirs the cases policy decides per case. */
const OFFICERS = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor'] } as const;

export interface OfficeWebDeps {
  readonly backOffice: BackOfficeService;
  readonly drafts: DraftsService;
  readonly cases: CasesService;
  readonly catalogue: CatalogueService;
  readonly assisted: AssistedFilingService;
  readonly collection: CollectionService;
  /** A case's evidence fetched from the registries (ADR 0027). */
  readonly registries: Pick<RegistriesService, 'evidenceOf'>;
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

const param = (request: FastifyRequest, name: string): string => (request.params as Record<string, string | undefined>)[name] ?? '';
const messages = (request: FastifyRequest, e: OfficeError): FieldError[] => [{ field: e.field, message: pageContext(request).t(e.key) }];

/** The back office: the case queue of the officer's agencies, the case view, its actions and files. */
export function officeRoutes(deps: OfficeWebDeps): WebRoute[] {
  const queue = queueHandlers(deps);
  const kase = caseHandlers(deps);
  const files = fileHandlers(deps);
  const decision = decisionHandlers(deps.backOffice, kase);
  return [
    route(PATHS.staffHome, 'GET', { kind: 'staff', roles: STAFF_ROLES }, staffHome(deps)),
    route(PATHS.officeCases, 'GET', OFFICERS, queue.show),
    route(PATHS.officeAssignCases, 'POST', OFFICERS, inLang(queue.assign)),
    route(PATHS.officeCase, 'GET', OFFICERS, kase.show),
    route(PATHS.officeCaseAct, 'POST', OFFICERS, inLang((lang) => kase.act(lang, decision.confirmation))),
    route(PATHS.officeDecision, 'POST', OFFICERS, decision.confirmation),
    route(PATHS.officeDecisionConfirm, 'POST', OFFICERS, inLang(decision.confirm)),
    route(PATHS.officeDecisionDraft, 'POST', OFFICERS, decision.draft),
    route(PATHS.officeDecisionBack, 'POST', OFFICERS, decision.back),
    route(PATHS.officeCaseNotes, 'POST', OFFICERS, inLang(kase.note)),
    route(PATHS.officeCaseAssign, 'POST', OFFICERS, inLang(kase.assign)),
    route(PATHS.officeCollectionReady, 'POST', OFFICERS, inLang(kase.ready)),
    route(PATHS.officeAttachment, 'GET', OFFICERS, files.attachment),
    route(PATHS.officeDocument, 'GET', OFFICERS, files.document),
  ];
}

/** A handler made once for each language, the one of the request's path chosen per request. */
function inLang(make: (lang: Lang) => Handler) {
  const made = Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, Handler>;
  return (request: FastifyRequest, reply: FastifyReply, { lang }: { readonly lang: Lang }) => made[lang](request, reply);
}

interface BulkState {
  readonly errors: FieldError[];
  readonly selected: readonly string[];
  readonly assignee: string;
}

function queueHandlers({ backOffice, catalogue }: OfficeWebDeps) {
  const render = async (request: FastifyRequest, reply: FastifyReply, status: number, raw: Readonly<Record<string, unknown>>, bulk: BulkState) => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const agencyIds = backOffice.agencies(signedIn);
    const filters = parseQueueFilters(raw, agencyIds);
    const [page, organisations, services, officers] = await Promise.all([
      backOffice.queue(signedIn, toQueueQuery(filters)), catalogue.organisations(), catalogue.servicesOfOrganisation(filters.agency, ctx.lang), backOffice.assignableOfficers(signedIn, filters.agency),
    ]);
    const agencies = agencyIds.map((id) => ({ id, name: organisations.value.find((o) => o.id === id)?.name[ctx.lang] ?? id }));
    const view = {
      csrf: signedIn.session.csrfToken, me: signedIn.person.id, agencies, filters, page, services: services.value, nav: officeNavItems(signedIn),
      officers, ...bulk,
    };
    return sendPage(reply, status, <OfficeQueuePage ctx={ctx} view={view} />);
  };
  const show: Handler = async (request, reply) => render(request, reply, 200, request.query as Record<string, unknown>, { errors: [], selected: [], assignee: me(request).person.id });
  const assign = (lang: Lang): Handler => async (request, reply) => {
    const signedIn = me(request);
    const body = request.body;
    const raw = Object.fromEntries(new URLSearchParams(formString(body, 'filters').trim()));
    const caseIds = formStrings(body, 'caseIds').filter(isUuid);
    const assignee = formString(body, 'assignee').trim();
    if (caseIds.length === 0) {
      const errors = [{ field: 'caseIds', message: pageContext(request).t('office.error.no-cases') }];
      return render(request, reply, 400, raw, { errors, selected: [], assignee });
    }
    const done = await backOffice.assign(signedIn, formString(body, 'agencyId').trim(), caseIds, assignee === '' ? null : assignee);
    if (!done.ok) {
      const problem = caseProblem(done.error, 'assignee');
      return render(request, reply, problem.status, raw, { errors: messages(request, problem), selected: caseIds, assignee });
    }
    const agencies = backOffice.agencies(signedIn);
    return reply.redirect(paths.officeCases(lang, filterParams(parseQueueFilters(raw, agencies), agencies)), 303);
  };
  return { show, assign };
}

interface FormState {
  readonly errors: FieldError[];
  readonly values: Readonly<Record<string, string>>;
}

/** The "ready for collection" section of the case page, with the form as typed after a refusal. */
function readySection(options: ReadyOptions, standing: CollectionStanding | null, csrf: string, caseId: string, form: FormState) {
  return {
    options, standing, csrf, caseId, errors: form.errors,
    centre: form.values['centre'] ?? options.defaultCentreId ?? '',
    collectBy: { day: form.values['collectBy-day'] ?? '', month: form.values['collectBy-month'] ?? '', year: form.values['collectBy-year'] ?? '' },
  };
}

function caseHandlers({ backOffice, drafts, assisted, catalogue, collection, registries }: OfficeWebDeps) {
  /** How staff filed the case for the person (null when the person filed it), with the front desk's centre by name. */
  const filingBasis = async (signedIn: SignedIn, caseId: string, lang: Lang) => {
    const filing = await assisted.filingForOfficer(signedIn, caseId);
    if (filing === null) {
      return null;
    }
    const centre = filing.centreId === null ? undefined : (await catalogue.centres()).value.find((c) => c.id === filing.centreId);
    return { filing, centreName: centre?.name[lang] ?? filing.centreId };
  };
  const render = async (request: FastifyRequest, reply: FastifyReply, status: number, form: FormState) => {
    const signedIn = me(request);
    const id = param(request, 'id');
    const view = isUuid(id) ? await backOffice.view(signedIn, id) : null;
    if (view === null) {
      return sendNotFoundPage(request, reply);
    }
    const [attachments, filing, options, standing, evidence] = await Promise.all([
      drafts.attachmentsOfCase(view.case.id), filingBasis(signedIn, view.case.id, pageContext(request).lang),
      collection.readyOptions(signedIn, view.case.id), collection.standing(view.case.id), registries.evidenceOf(view.case.id),
    ]);
    const ready = options === null ? null : readySection(options, standing, signedIn.session.csrfToken, view.case.id, form);
    const page = {
      view, attachments, filing, ready, evidence, officers: view.assignable, nav: officeNavItems(signedIn), forms: { csrf: signedIn.session.csrfToken, me: signedIn.person.id, ...form },
    };
    return sendPage(reply, status, <OfficeCasePage ctx={pageContext(request)} page={page} />);
  };
  const refused = async (request: FastifyRequest, reply: FastifyReply, problem: OfficeError, values: Record<string, string>) =>
    problem.status === 404 ? sendNotFoundPage(request, reply) : render(request, reply, problem.status, { errors: messages(request, problem), values });

  const show: Handler = async (request, reply) => render(request, reply, 200, { errors: [], values: {} });
  /** Workflow actions; a grant or refusal goes to its confirmation first (decision.routes.tsx) and is never issued from here. */
  const act = (lang: Lang, confirmation: Handler): Handler => async (request, reply) => {
    const id = param(request, 'id');
    const { command, values } = commandOf(request.body);
    const event = command.event;
    if (!isUuid(id)) {
      return sendNotFoundPage(request, reply);
    }
    if (!isOfficerEvent(event)) {
      return refused(request, reply, workflowProblem(new UnknownEvent(event), event), values);
    }
    if (isDecision(event)) {
      return confirmation(request, reply);
    }
    const done = await backOffice.act(me(request), id, command);
    return done.ok ? reply.redirect(paths.officeCase(lang, id), 303) : refused(request, reply, actProblem(done.error, event), values);
  };
  const note = (lang: Lang): Handler => async (request, reply) => {
    const id = param(request, 'id');
    const text = formString(request.body, 'note');
    if (!isUuid(id)) {
      return sendNotFoundPage(request, reply);
    }
    const done = await backOffice.note(me(request), id, text);
    return done.ok ? reply.redirect(paths.officeCase(lang, id), 303) : refused(request, reply, caseProblem(done.error, 'note'), { note: text });
  };
  const assign = (lang: Lang): Handler => async (request, reply) => {
    const signedIn = me(request);
    const id = param(request, 'id');
    const assignee = formString(request.body, 'assignee').trim();
    const view = isUuid(id) ? await backOffice.view(signedIn, id) : null;
    if (view === null) {
      return sendNotFoundPage(request, reply);
    }
    const done = await backOffice.assign(signedIn, view.case.organisationId, [view.case.id], assignee === '' ? null : assignee);
    return done.ok ? reply.redirect(paths.officeCase(lang, id), 303) : refused(request, reply, caseProblem(done.error, 'assignee'), { assignee });
  };
  /** Marks the case's result ready for collection at a centre (collection module); a refusal re-renders the case page with the form as typed. */
  const ready = (lang: Lang): Handler => async (request, reply) => {
    const id = param(request, 'id');
    const centre = formString(request.body, 'centre').trim();
    const by = readDateInput(request.body, 'collectBy');
    const values = { centre, 'collectBy-day': by.parts.day, 'collectBy-month': by.parts.month, 'collectBy-year': by.parts.year };
    if (by.ok === false) {
      return refused(request, reply, { key: 'collection.error.collectBy.invalid', field: 'collectBy', status: 400 }, values);
    }
    const done = await collection.markReady(me(request), id, { centreId: centre, collectBy: by.ok === true ? by.iso : '' });
    return done.ok ? reply.redirect(`${paths.officeCase(lang, id)}#collection-title`, 303) : refused(request, reply, readyProblem(done.error), values);
  };
  return { show, act, note, assign, ready, render, refused };
}

function fileHandlers({ backOffice, drafts }: OfficeWebDeps) {
  const attachment: Handler = async (request, reply) => {
    const signedIn = me(request);
    const caseId = param(request, 'id');
    const attachmentId = param(request, 'attachmentId');
    const found = isUuid(caseId) && isUuid(attachmentId) ? await drafts.caseFileForOfficer(signedIn, caseId, attachmentId) : null;
    if (found === null) {
      return sendNotFoundPage(request, reply);
    }
    return sendFile(reply, { type: found.attachment.contentType, name: found.attachment.filename, disposition: 'attachment', bytes: found.bytes });
  };
  const document: Handler = async (request, reply) => {
    const signedIn = me(request);
    const documentId = param(request, 'documentId');
    const doc = isUuid(documentId) ? await backOffice.documentPdf(signedIn, documentId) : null;
    if (doc === null) {
      return sendNotFoundPage(request, reply);
    }
    return sendFile(reply, { type: 'application/pdf', name: `${doc.number}.pdf`, disposition: 'inline', bytes: doc.pdf });
  };
  return { attachment, document };
}

