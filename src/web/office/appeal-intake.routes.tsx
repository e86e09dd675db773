import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import {
  type AppealsService, type IntakeChannel, type IntakeFailure, type IntakeInput, type IntakeProblemFailure, MAX_APPEAL_RECEIVED_AGE_DAYS, MAX_INTAKE_ADDRESS, MAX_INTAKE_NAME,
  MAX_LETTER_PAGES,
} from '../../modules/appeals/index.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { fileProblem } from '../appeals/routes.tsx';
import type { FieldError } from '../common/components.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { type DateInputResult, formString, readDateInput } from '../common/form-values.ts';
import { dateProblemText } from '../common/inputs.tsx';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import type { Translator } from '../locales/messages.ts';
import { AppealIntakePage, AppealTakenPage } from './appeal-intake.page.tsx';
import { officeNavItems } from './office-nav.tsx';

const OPERATORS = { kind: 'staff', roles: ['contact-centre'] } as const;
const FRONT_DESK = { kind: 'staff', roles: ['front-desk'] } as const;
const POST_ROOM = { kind: 'staff', roles: ['clerk'] } as const;
const INTAKE_STAFF = { kind: 'staff', roles: ['clerk', 'front-desk', 'contact-centre'] } as const;
const FIELDS = ['kind', 'agency', 'text', 'caseNumber', 'officer', 'nationalId', 'name', 'address', 'pages', 'consent'] as const;
const KEY = /^[A-Za-z0-9-]{8,80}$/;

export interface IntakeWebDeps {
  readonly appeals: AppealsService;
  readonly catalogue: CatalogueService;
  /** The identified caller, named on the form: an access record of them (the contact centre's `callerOnForm`). */
  readonly callers: { callerOnForm(signedIn: SignedIn, callId: string): Promise<{ personId: string; name: string } | null> };
}

type Me = (r: FastifyRequest) => SignedIn;

/** A problem of an appeal staff typed, in the page's words, on the field it concerns. */
function problemText(t: Translator, channel: IntakeChannel, e: IntakeProblemFailure, date: DateInputResult): FieldError {
  switch (e.code) {
    case 'appeals.person_unknown':
      return { field: 'nationalId', message: t('intake.error.person-unknown') };
    case 'appeals.case_unknown':
      return { field: 'caseNumber', message: t('intake.error.caseNumber') };
    case 'appeals.intake_invalid': {
      const p = e.problem;
      if (p === 'received.invalid' || (p === 'received.missing' && date.ok === false)) {
        return { field: 'receivedOn', message: date.ok === false ? dateProblemText(t, date.problem) : t('intake.error.received.missing') };
      }
      if (p === 'name.missing') {
        return { field: e.field, message: t(channel === 'post' ? 'intake.error.name.missing.post' : 'intake.error.name.missing.in-person') };
      }
      const max = p.startsWith('name') ? MAX_INTAKE_NAME : p.startsWith('address') ? MAX_INTAKE_ADDRESS : MAX_LETTER_PAGES;
      return { field: e.field, message: t(`intake.error.${p}`, { max, days: MAX_APPEAL_RECEIVED_AGE_DAYS }) };
    }
    case 'appeals.kind_invalid':
    case 'appeals.text_required':
    case 'appeals.agency_unknown':
    case 'appeals.officer_too_long':
      return fileProblem(t, e);
  }
}

/** Appeals staff take for a person: the console (for the identified caller), the front desk, the post room; and what was filed. */
export function appealIntakeRoutes(d: IntakeWebDeps, me: Me): WebRoute[] {
  const agencies = async (lang: Lang) => (await d.catalogue.organisations()).value.map((o) => ({ id: o.id, name: o.name[lang] })).sort((a, b) => a.name.localeCompare(b.name, lang));

  const callGone = (request: FastifyRequest, reply: FastifyReply, lang: Lang, callId: string) => {
    const ctx = pageContext(request);
    return sendPage(reply, 409, <MessagePage ctx={ctx} title={ctx.t('intake.title.phone')} text={ctx.t('intake.error.callerGone')} back={paths.call(lang, callId)} backLabel={ctx.t('intake.taken.backToCall')} />);
  };

  async function form(request: FastifyRequest, reply: FastifyReply, lang: Lang, channel: IntakeChannel, callId: string, status: number, values: Record<string, string>, errors: FieldError[], date: DateInputResult | null, key: string) {
    const signedIn = me(request);
    const caller = channel === 'phone' ? await d.callers.callerOnForm(signedIn, callId) : null;
    if (channel === 'phone' && caller === null) {
      return callGone(request, reply, lang, callId);
    }
    const action = channel === 'phone' ? paths.callAppeal(lang, callId) : channel === 'post' ? paths.postAppeal(lang) : paths.deskAppeal(lang);
    const view = {
      channel, action, csrf: signedIn.session.csrfToken, idempotencyKey: key, nav: officeNavItems(signedIn), agencies: await agencies(lang), values, errors,
      caller: caller === null ? null : { name: caller.name, back: paths.call(lang, callId) },
      received: date?.parts ?? { day: '', month: '', year: '' }, receivedProblem: date !== null && date.ok === false ? date.problem : null,
    };
    return sendPage(reply, status, <AppealIntakePage ctx={pageContext(request)} view={view} />);
  }

  async function file(request: FastifyRequest, reply: FastifyReply, lang: Lang, channel: IntakeChannel, callId: string) {
    const values = Object.fromEntries(FIELDS.map((f) => [f, formString(request.body, f)])) as Record<(typeof FIELDS)[number], string>;
    const date = readDateInput(request.body, 'receivedOn');
    const given = formString(request.body, 'idempotencyKey');
    const key = KEY.test(given) ? given : crypto.randomUUID();
    const input: IntakeInput = {
      ...values, channel, callId, consent: values.consent === 'yes', idempotencyKey: key,
      receivedOn: date.ok === true ? date.iso : date.ok === 'empty' ? '' : 'not-a-day',
    };
    const filed = await d.appeals.fileFor(me(request), input);
    if (filed.ok) {
      return reply.redirect(paths.appealTaken(lang, filed.value.id), 303);
    }
    return refused(request, reply, lang, channel, callId, filed.error, values, date, key);
  }

  function refused(request: FastifyRequest, reply: FastifyReply, lang: Lang, channel: IntakeChannel, callId: string, error: IntakeFailure, values: Record<string, string>, date: DateInputResult, key: string) {
    if (!Array.isArray(error)) {
      return error.code === 'appeals.caller_unknown' ? callGone(request, reply, lang, callId) : sendNotFoundPage(request, reply);
    }
    const { t } = pageContext(request);
    const errors = error.map((e) => problemText(t, channel, e, date)).filter((x, i, all) => all.findIndex((y) => y.field === x.field) === i);
    return form(request, reply, lang, channel, callId, 400, values, errors, date, key);
  }

  const fresh = () => crypto.randomUUID();
  return [
    route(PATHS.callAppeal, 'GET', OPERATORS, async (request, reply, { lang, params }) => form(request, reply, lang, 'phone', params.id, 200, {}, [], null, fresh())),
    route(PATHS.callAppeal, 'POST', OPERATORS, async (request, reply, { lang, params }) => file(request, reply, lang, 'phone', params.id)),
    route(PATHS.deskAppeal, 'GET', FRONT_DESK, async (request, reply, { lang }) => form(request, reply, lang, 'in-person', '', 200, {}, [], null, fresh())),
    route(PATHS.deskAppeal, 'POST', FRONT_DESK, async (request, reply, { lang }) => file(request, reply, lang, 'in-person', '')),
    route(PATHS.postAppeal, 'GET', POST_ROOM, async (request, reply, { lang }) => form(request, reply, lang, 'post', '', 200, {}, [], null, fresh())),
    route(PATHS.postAppeal, 'POST', POST_ROOM, async (request, reply, { lang }) => file(request, reply, lang, 'post', '')),
    route(PATHS.appealTaken, 'GET', INTAKE_STAFF, async (request, reply, { lang, params }) => {
      const signedIn = me(request);
      const taken = await d.appeals.taken(signedIn, params.id);
      if (taken === null) {
        return sendNotFoundPage(request, reply);
      }
      const agencyName = taken.appeal.organisationId === null ? null : ((await agencies(lang)).find((a) => a.id === taken.appeal.organisationId)?.name ?? taken.appeal.organisationId);
      return sendPage(reply, 200, <AppealTakenPage ctx={pageContext(request)} view={{ ...taken, agencyName, nav: officeNavItems(signedIn) }} />);
    }),
  ];
}
