import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import {
  CallbackTaken, CallCodeExpired, CallCodeNotSent, CallCodeSpent, CallCodesThrottled, CallCodeWrong, CallEnded, CallerAlreadyIdentified, CallerHasNoVerifiedPhone, CallerNotFound,
  CallFieldInvalid, type ContactCentreService, KnowledgeMismatch, KnowledgeThrottled,
} from '../../modules/contact-centre/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { FieldError } from '../common/components.tsx';
import { dateProblemText } from '../common/components.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString, readRequiredDate } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import type { TextKey, Translator } from '../locales/messages.ts';
import { CallbackPage, CallbacksPage } from './callbacks.page.tsx';
import { type CallForm, CallPage, CallsPage, NO_FORM } from './calls.page.tsx';
import { officeNavItems } from './office-nav.tsx';
import { ukCalls } from './uk-calls.ts';

const OPERATORS = { kind: 'staff', roles: ['contact-centre'] } as const;

export interface CallsWebDeps {
  readonly contactCentre: ContactCentreService;
  readonly callbackWorkingDays: number;
  readonly now: () => Date;
}

/** The words for a failure of a call's forms: the field it concerns and the message. */
function problemOf(t: Translator, error: unknown): FieldError | null {
  if (error instanceof CallFieldInvalid) {
    const key = `calls.error.${error.field}.${error.reason}`;
    const fallback = `calls.error.${error.field}.invalid`;
    const known = key in ukCalls ? key : fallback in ukCalls ? fallback : 'calls.error.phone.invalid';
    return { field: error.field, message: t(known as TextKey) };
  }
  if (error instanceof CallerNotFound) {
    return { field: 'who', message: t('calls.error.notFound') };
  }
  if (error instanceof CallerHasNoVerifiedPhone) {
    return { field: 'who', message: t('calls.error.noPhone') };
  }
  if (error instanceof CallCodesThrottled) {
    return { field: 'who', message: t('calls.error.codesThrottled', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) }) };
  }
  if (error instanceof CallCodeNotSent) {
    return { field: 'code', message: t('calls.error.codeNotSent') };
  }
  if (error instanceof CallCodeExpired) {
    return { field: 'code', message: t('calls.error.codeExpired') };
  }
  if (error instanceof CallCodeWrong) {
    return { field: 'code', message: t('calls.error.codeWrong', { left: error.attemptsLeft }) };
  }
  if (error instanceof CallCodeSpent) {
    return { field: 'code', message: t('calls.error.codeSpent') };
  }
  if (error instanceof KnowledgeMismatch) {
    return { field: 'nationalId', message: t('calls.error.mismatch', { left: error.attemptsLeft }) };
  }
  if (error instanceof KnowledgeThrottled) {
    return { field: 'nationalId', message: t('calls.error.knowledgeThrottled') };
  }
  return null;
}

type Me = (r: FastifyRequest) => SignedIn;

/** The contact centre's console: calls (identify, read, log, ask for a callback) and the callback queue. */
export function callRoutes(deps: CallsWebDeps, me: Me): WebRoute[] {
  return [...callPages(deps, me), ...callbackPages(deps, me)];
}

/** The console's pages: the start, a call, and a call's forms sent back with their problems. */
function renderers(deps: CallsWebDeps, me: Me) {
  const { contactCentre } = deps;

  const consolePage = async (request: FastifyRequest, reply: FastifyReply, status: number, form: CallForm) => {
    const signedIn = me(request);
    const view = { calls: await contactCentre.recentCalls(signedIn), csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn), form };
    return sendPage(reply, status, <CallsPage ctx={pageContext(request)} view={view} />);
  };

  const callPage = async (request: FastifyRequest, reply: FastifyReply, id: string, status: number, form: CallForm) => {
    const signedIn = me(request);
    const call = await contactCentre.view(signedIn, id);
    if (call === null) {
      return sendNotFoundPage(request, reply);
    }
    const added = (request.query as { callback?: unknown } | undefined)?.callback;
    const view = {
      call, csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn), form, callbackWorkingDays: deps.callbackWorkingDays,
      addedCallback: status === 200 && typeof added === 'string' ? added : null,
    };
    return sendPage(reply, status, <CallPage ctx={pageContext(request)} view={view} />);
  };

  /** A refused write on a call: a missing call is a 404, an ended or identified one a 409 page, bad input the page again with its problems (400). */
  const refused = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, id: string, error: unknown, form: Omit<CallForm, 'errors'>) => {
    const ctx = pageContext(request);
    if (error instanceof CallEnded || error instanceof CallerAlreadyIdentified) {
      const text = ctx.t(error instanceof CallEnded ? 'calls.error.ended' : 'calls.error.identified');
      return sendPage(reply, 409, <MessagePage ctx={ctx} title={ctx.t('calls.title')} text={text} back={paths.call(lang, id)} backLabel={ctx.t('calls.call.backToCall')} />);
    }
    const problem = problemOf(ctx.t, error);
    return problem === null ? sendNotFoundPage(request, reply) : callPage(request, reply, id, 400, { ...form, errors: [problem] });
  };
  return { consolePage, callPage, refused };
}

function callPages(deps: CallsWebDeps, me: Me): WebRoute[] {
  const { contactCentre } = deps;
  const { consolePage, callPage, refused } = renderers(deps, me);
  return [
    route(PATHS.calls, 'GET', OPERATORS, async (request, reply) => consolePage(request, reply, 200, NO_FORM)),
    route(PATHS.calls, 'POST', OPERATORS, async (request, reply, { lang }) => {
      const phone = formString(request.body, 'phone');
      const started = await contactCentre.start(me(request), phone);
      if (started.ok) {
        return reply.redirect(paths.call(lang, started.value.id), 303);
      }
      const problem = problemOf(pageContext(request).t, started.error);
      return consolePage(request, reply, 400, { errors: problem === null ? [] : [problem], values: { phone } });
    }),
    route(PATHS.call, 'GET', OPERATORS, async (request, reply, { params }) => callPage(request, reply, params.id, 200, NO_FORM)),
    route(PATHS.callCode, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const who = formString(request.body, 'who');
      const sent = await contactCentre.sendCode(me(request), params.id, who, lang);
      return sent.ok ? reply.redirect(paths.call(lang, params.id), 303) : refused(request, reply, lang, params.id, sent.error, { values: { who } });
    }),
    route(PATHS.callCodeConfirm, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const confirmed = await contactCentre.confirmCode(me(request), params.id, formString(request.body, 'code'));
      return confirmed.ok ? reply.redirect(paths.call(lang, params.id), 303) : refused(request, reply, lang, params.id, confirmed.error, { values: {} });
    }),
    route(PATHS.callKnowledge, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const body = request.body;
      const values = { nationalId: formString(body, 'nationalId'), caseNumber: formString(body, 'caseNumber'), judgement: formString(body, 'judgement') };
      const birth = readRequiredDate(body, 'birthDate');
      const dates = { birthDate: birth.parts, birthDateProblem: birth.ok ? null : birth.problem };
      if (!birth.ok) {
        const ctx = pageContext(request);
        return callPage(request, reply, params.id, 400, { errors: [{ field: 'birthDate', message: dateProblemText(ctx.t, birth.problem) }], values, ...dates });
      }
      const identified = await contactCentre.identifyByKnowledge(me(request), params.id, { ...values, birthDate: birth.iso });
      return identified.ok ? reply.redirect(paths.call(lang, params.id), 303) : refused(request, reply, lang, params.id, identified.error, { values, ...dates });
    }),
    route(PATHS.callCallback, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const body = request.body;
      const values = { callbackPhone: formString(body, 'callbackPhone'), callbackTopic: formString(body, 'callbackTopic'), preferredTime: formString(body, 'preferredTime') };
      const asked = await contactCentre.requestCallback(me(request), params.id, { phone: values.callbackPhone, topic: values.callbackTopic, preferredTime: values.preferredTime });
      return asked.ok ? reply.redirect(paths.call(lang, params.id, { callback: asked.value.id }), 303) : refused(request, reply, lang, params.id, asked.error, { values });
    }),
    route(PATHS.callLog, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const body = request.body;
      const values = { topic: formString(body, 'topic'), outcome: formString(body, 'outcome'), notes: formString(body, 'notes') };
      const logged = await contactCentre.log(me(request), params.id, values);
      return logged.ok ? reply.redirect(paths.call(lang, params.id), 303) : refused(request, reply, lang, params.id, logged.error, { values });
    }),
  ];
}

/** The callback queue, one callback, taking it and recording its outcome. */
function callbackPages(deps: CallsWebDeps, me: Me): WebRoute[] {
  const { contactCentre } = deps;
  const taken = (request: FastifyRequest, reply: FastifyReply, lang: Lang) => {
    const ctx = pageContext(request);
    return sendPage(reply, 409, <MessagePage ctx={ctx} title={ctx.t('callbacks.title')} text={ctx.t('callbacks.taken')} back={paths.callbacks(lang)} backLabel={ctx.t('callbacks.title')} />);
  };
  return [
    route(PATHS.callbacks, 'GET', OPERATORS, async (request, reply) => {
      const signedIn = me(request);
      const view = { callbacks: await contactCentre.queue(signedIn), me: signedIn.person.id, now: deps.now(), csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn) };
      return sendPage(reply, 200, <CallbacksPage ctx={pageContext(request)} view={view} />);
    }),
    route(PATHS.callbackRequest, 'GET', OPERATORS, async (request, reply, { params }) => {
      const signedIn = me(request);
      const callback = await contactCentre.callback(signedIn, params.id);
      if (callback === null) {
        return sendNotFoundPage(request, reply);
      }
      const view = { callback, me: signedIn.person.id, csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn), form: NO_FORM };
      return sendPage(reply, 200, <CallbackPage ctx={pageContext(request)} view={view} />);
    }),
    route(PATHS.callbackClaim, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const claimed = await contactCentre.claim(me(request), params.id);
      if (claimed.ok) {
        return reply.redirect(paths.callbackRequest(lang, params.id), 303);
      }
      return claimed.error instanceof CallbackTaken ? taken(request, reply, lang) : sendNotFoundPage(request, reply);
    }),
    route(PATHS.callbackDone, 'POST', OPERATORS, async (request, reply, { lang, params }) => {
      const signedIn = me(request);
      const values = { outcome: formString(request.body, 'outcome'), notes: formString(request.body, 'notes') };
      const done = await contactCentre.complete(signedIn, params.id, values);
      if (done.ok) {
        return reply.redirect(paths.callbackRequest(lang, params.id), 303);
      }
      if (done.error instanceof CallbackTaken) {
        return taken(request, reply, lang);
      }
      const ctx = pageContext(request);
      const callback = await contactCentre.callback(signedIn, params.id);
      const problem = problemOf(ctx.t, done.error);
      if (callback === null || problem === null) {
        return sendNotFoundPage(request, reply);
      }
      const view = { callback, me: signedIn.person.id, csrf: signedIn.session.csrfToken, nav: officeNavItems(signedIn), form: { errors: [problem], values } };
      return sendPage(reply, 400, <CallbackPage ctx={ctx} view={view} />);
    }),
  ];
}
