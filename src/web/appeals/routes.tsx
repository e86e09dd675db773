import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import {
  type AppealsService, DEFAULT_REFUSAL_APPEAL_TERM, type FileFailure, MAX_APPEAL_TEXT, MAX_OFFICER_NAME, mayTriage, type OfficerAppeal,
} from '../../modules/appeals/index.ts';
import type { AccessLogService } from '../../modules/access-log/index.ts';
import type { CasesService } from '../../modules/cases/index.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { FieldError } from '../common/components.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { MessagePage } from '../common/message.page.tsx';
import { formString } from '../common/form-values.ts';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { route, SIGNED_IN, type WebRoute } from '../common/route-table.ts';
import type { Translator } from '../locales/messages.ts';
import { accessRow, appealFromEntry } from '../access-log/access-log.view.ts';
import { officeNavItems } from '../office/office-nav.tsx';
import { MyAppealPage, MyAppealsPage, type NewAppealValues, NewAppealPage, RefusalAppealPage } from './cabinet.page.tsx';
import { type OfficeAppealForms, OfficeAppealPage, OfficeAppealsPage } from './office.page.tsx';

/** Who opens the back office's appeals: the agencies' officers, the contact centre, national administrators. */
const APPEAL_STAFF = { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor', 'contact-centre', 'national-admin'] } as const;
const ACTIONS = ['assign', 'answer', 'extend'] as const;
type Action = (typeof ACTIONS)[number];

interface Deps {
  readonly appeals: AppealsService;
  readonly catalogue: CatalogueService;
  readonly cases: Pick<CasesService, 'forApplicant'>;
  /** "Who saw my data": `?access=<id>` fills the filing form in from one of the person's access records. */
  readonly accessLog: Pick<AccessLogService, 'entry'>;
}

/** A filing problem in the page's words. */
export function fileProblem(t: Translator, e: FileFailure): FieldError {
  switch (e.code) {
    case 'appeals.kind_invalid':
      return { field: 'kind', message: t('appeals.error.kind') };
    case 'appeals.text_required':
      return { field: 'text', message: e.tooLong ? t('appeals.error.textLong', { max: MAX_APPEAL_TEXT }) : t('appeals.error.text') };
    case 'appeals.agency_unknown':
      return { field: 'agency', message: t('appeals.error.agency') };
    case 'appeals.case_unknown':
      return { field: 'caseNumber', message: t('appeals.error.caseNumber') };
    case 'appeals.officer_too_long':
      return { field: 'officer', message: t('appeals.error.officer', { max: MAX_OFFICER_NAME }) };
  }
}

/** Citizens' appeals: the cabinet's pages (list, filing, one appeal, appealing a refusal) and the back office's (lists, one appeal, route, answer, extend). */
export function appealRoutes(d: Deps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const agencies = async (lang: Lang) => (await d.catalogue.organisations()).value.map((o) => ({ id: o.id, name: o.name[lang] })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const namer = async (lang: Lang) => {
    const names = new Map((await agencies(lang)).map((o) => [o.id, o.name]));
    return (id: string) => names.get(id) ?? id;
  };

  /** A case that is not refused: nothing to appeal here (409, the way back to the case). */
  const notRefused = (request: FastifyRequest, reply: FastifyReply, lang: Lang, caseId: string) => {
    const ctx = pageContext(request);
    return sendPage(reply, 409, <MessagePage ctx={ctx} title={ctx.t('appeals.refusal.title')} text={ctx.t('appeals.error.notRefused')} back={paths.myCase(lang, caseId)} backLabel={ctx.t('appeals.backToCase')} />);
  };

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, values: NewAppealValues, errors: readonly FieldError[]) =>
    sendPage(reply, errors.length > 0 ? 400 : 200, <NewAppealPage ctx={pageContext(request)} csrf={me(request).session.csrfToken} agencies={await agencies(lang)} values={values} errors={errors} />);

  async function renderRefusal(request: FastifyRequest, reply: FastifyReply, lang: Lang, caseId: string, text: string, errors: readonly FieldError[]) {
    const signedIn = me(request);
    const loaded = await d.cases.forApplicant(signedIn, caseId);
    if (loaded === null) {
      return sendNotFoundPage(request, reply);
    }
    if (loaded.case.outcome !== 'refused') {
      return notRefused(request, reply, lang, caseId);
    }
    const parent = (await d.catalogue.organisations()).value.find((o) => o.id === loaded.case.organisationId)?.parentId;
    const name = await namer(lang);
    return sendPage(reply, errors.length > 0 ? 400 : 200, <RefusalAppealPage ctx={pageContext(request)} csrf={signedIn.session.csrfToken} caseId={caseId} caseNumber={loaded.case.number}
      agency={parent === undefined ? null : name(parent)} days={(loaded.service.appealTerm ?? DEFAULT_REFUSAL_APPEAL_TERM).days}
      existing={await d.appeals.refusalAppealOf(signedIn, caseId)} text={text} errors={errors} />);
  }


  return [...cabinetRoutes(d, me, { agencies, namer, renderNew, renderRefusal, notRefused }), ...officeRoutes(d, me, { agencies, namer })];
}

interface Helpers {
  readonly agencies: (lang: Lang) => Promise<Array<{ id: string; name: string }>>;
  readonly namer: (lang: Lang) => Promise<(id: string) => string>;
}

const blank = { agency: '', answer: '', reason: '' };

function cabinetRoutes(d: Deps, me: (r: FastifyRequest) => SignedIn, h: Helpers & {
  renderNew: (request: FastifyRequest, reply: FastifyReply, lang: Lang, values: NewAppealValues, errors: readonly FieldError[]) => Promise<FastifyReply>;
  renderRefusal: (request: FastifyRequest, reply: FastifyReply, lang: Lang, caseId: string, text: string, errors: readonly FieldError[]) => Promise<FastifyReply>;
  notRefused: (request: FastifyRequest, reply: FastifyReply, lang: Lang, caseId: string) => FastifyReply;
}): WebRoute[] {
  const { namer, renderNew, renderRefusal, notRefused } = h;
  return [
    route(PATHS.myAppeals, 'GET', SIGNED_IN, async (request, reply) => sendPage(reply, 200, <MyAppealsPage ctx={pageContext(request)} appeals={await d.appeals.mine(me(request))} />)),
    route(PATHS.newAppeal, 'GET', SIGNED_IN, async (request, reply, { lang }) => {
      const access = (request.query as { access?: unknown }).access;
      const entry = typeof access === 'string' && /^[1-9][0-9]{0,15}$/.test(access) ? await d.accessLog.entry(me(request), Number(access)) : null;
      if (entry === null) {
        return renderNew(request, reply, lang, { kind: '', agency: '', text: '', caseNumber: '', officer: '' }, []);
      }
      const { t } = pageContext(request);
      const name = await namer(lang);
      return renderNew(request, reply, lang, appealFromEntry(t, accessRow(t, lang, entry, name), entry), []);
    }),
    route(PATHS.newAppeal, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const values: NewAppealValues = {
        kind: formString(request.body, 'kind'), agency: formString(request.body, 'agency'), text: formString(request.body, 'text'),
        caseNumber: formString(request.body, 'caseNumber'), officer: formString(request.body, 'officer'),
      };
      const filed = await d.appeals.file(me(request), values);
      if (filed.ok) {
        return reply.redirect(paths.myAppeal(lang, filed.value.id, { filed: '1' }), 303);
      }
      const { t } = pageContext(request);
      return renderNew(request, reply, lang, values, filed.error.map((e) => fileProblem(t, e)));
    }),
    route(PATHS.myAppeal, 'GET', SIGNED_IN, async (request, reply, { lang, params }) => {
      const found = await d.appeals.forPerson(me(request), params.id);
      if (found === null) {
        return sendNotFoundPage(request, reply);
      }
      const filed = (request.query as { filed?: unknown }).filed === '1';
      return sendPage(reply, 200, <MyAppealPage ctx={pageContext(request)} appeal={found.appeal} events={found.events} agencyName={await namer(lang)} filed={filed} />);
    }),
    route(PATHS.caseAppeal, 'GET', SIGNED_IN, async (request, reply, { lang, params }) => renderRefusal(request, reply, lang, params.id, '', [])),
    route(PATHS.caseAppeal, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const text = formString(request.body, 'text');
      const made = await d.appeals.appealRefusal(me(request), params.id, text);
      if (made.ok) {
        return reply.redirect(paths.myAppeal(lang, made.value.id, { filed: '1' }), 303);
      }
      const { t } = pageContext(request);
      switch (made.error.code) {
        case 'appeals.text_required':
          return renderRefusal(request, reply, lang, params.id, text, [{ field: 'text', message: made.error.tooLong ? t('appeals.error.textLong', { max: MAX_APPEAL_TEXT }) : t('appeals.error.text') }]);
        case 'appeals.refusal_appealed':
          return reply.redirect(paths.myAppeal(lang, made.error.appealId), 303);
        case 'appeals.case_not_refused':
          return notRefused(request, reply, lang, params.id);
        case 'appeals.case_unknown':
          return sendNotFoundPage(request, reply);
      }
    }),
  ];
}

function officeRoutes(d: Deps, me: (r: FastifyRequest) => SignedIn, h: Helpers): WebRoute[] {
  const { agencies, namer } = h;
  async function renderOffice(request: FastifyRequest, reply: FastifyReply, lang: Lang, view: OfficerAppeal, forms: Omit<OfficeAppealForms, 'csrf'>) {
    const signedIn = me(request);
    return sendPage(reply, forms.errors.length > 0 ? 400 : 200, <OfficeAppealPage ctx={pageContext(request)} nav={officeNavItems(signedIn)} view={view}
      forms={{ ...forms, csrf: signedIn.session.csrfToken }} agencies={await agencies(lang)} agencyName={await namer(lang)} />);
  }
  return [
    route(PATHS.officeAppeals, 'GET', APPEAL_STAFF, async (request, reply, { lang }) => {
      const signedIn = me(request);
      const [triage, queue] = await Promise.all([d.appeals.triage(signedIn), d.appeals.queue(signedIn)]);
      return sendPage(reply, 200, <OfficeAppealsPage ctx={pageContext(request)} nav={officeNavItems(signedIn)} triage={mayTriage(signedIn.actor) ? triage : null} queue={queue} agencyName={await namer(lang)}
        postRoom={signedIn.staff.some((s) => s.role === 'clerk')} />);
    }),
    route(PATHS.officeAppeal, 'GET', APPEAL_STAFF, async (request, reply, { lang, params }) => {
      const view = await d.appeals.forOfficer(me(request), params.id);
      if (view === null) {
        return sendNotFoundPage(request, reply);
      }
      const done = (request.query as { done?: unknown }).done;
      return renderOffice(request, reply, lang, view, { errors: [], values: blank, done: (ACTIONS as readonly unknown[]).includes(done) ? (done as Action) : null });
    }),
    route(PATHS.officeAppealAct, 'POST', APPEAL_STAFF, async (request, reply, { lang, params }) => {
      const action = (ACTIONS as readonly string[]).includes(params.action) ? (params.action as Action) : null;
      if (action === null) {
        return sendNotFoundPage(request, reply);
      }
      const signedIn = me(request);
      const values = { ...blank, [action === 'assign' ? 'agency' : action === 'answer' ? 'answer' : 'reason']: formString(request.body, action === 'assign' ? 'agency' : action === 'answer' ? 'answer' : 'reason') };
      const done = action === 'assign' ? await d.appeals.assign(signedIn, params.id, values.agency)
        : action === 'answer' ? await d.appeals.answer(signedIn, params.id, values.answer) : await d.appeals.extend(signedIn, params.id, values.reason);
      if (done.ok) {
        // Routed away from the officer's agencies, the appeal may be out of their sight: back to the list then.
        const still = await d.appeals.forOfficer(signedIn, params.id);
        return reply.redirect(still === null ? paths.officeAppeals(lang) : paths.officeAppeal(lang, params.id, { done: action }), 303);
      }
      const view = await d.appeals.forOfficer(signedIn, params.id);
      if (view === null || done.error.code === 'appeals.not_found') {
        return sendNotFoundPage(request, reply);
      }
      const { t } = pageContext(request);
      const e = done.error;
      const error: FieldError = e.code === 'appeals.reply_required' ? { field: e.field, message: t(e.field === 'answer' ? 'appeals.error.answer' : 'appeals.error.reason') }
        : e.code === 'appeals.agency_unknown' || e.code === 'appeals.not_allowed' ? { field: 'agency', message: t('appeals.error.assignAgency') }
        : e.code === 'appeals.not_extendable' ? { field: 'reason', message: t('appeals.error.notExtendable') }
        : { field: action === 'assign' ? 'agency' : action === 'answer' ? 'answer' : 'reason', message: t('appeals.error.answered') };
      return renderOffice(request, reply, lang, view, { errors: [error], values, done: null });
    }),
  ];
}
