import type { FastifyReply, FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../../kernel/text.ts';
import { type ApplicationRefused, type DraftsService, type DraftView } from '../../modules/applications/index.ts';
import { feeFor } from '../../modules/cases/index.ts';
import { findPage, type FormPage, type RawBody, visiblePages } from '../../modules/forms/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { isEligibilityProblem, whyNot, whyNotTitle } from './eligibility.tsx';
import { answerMessage, applicationMessage, refusalStatus } from './errors.ts';
import { CheckPage } from './check.page.tsx';
import { ApplyStartPage } from './start.page.tsx';
import { QuestionPage } from './question.page.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { MessagePage } from '../common/message.page.tsx';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute } from '../common/route-table.ts';
import type { FieldError } from '../common/components.tsx';
import { receivedFiles } from '../common/upload-stream.ts';

type Params = { id: string; draftId: string; pageId: string; field: string };
const params = (r: FastifyRequest) => r.params as Params;


interface Deps {
  readonly drafts: DraftsService;
  readonly me: (r: FastifyRequest) => SignedIn;
}

/** The application journey: start, one page at a time, files, check your answers, submit. */
export function applyRoutes(drafts: DraftsService, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const d: Deps = { drafts, me };
  return LANGS.flatMap((lang) => [...startRoutes(d, lang), ...pageRoutes(d, lang), ...fileRoutes(d, lang), ...finishRoutes(d, lang)]);
}

function refused(request: FastifyRequest, reply: FastifyReply, e: ApplicationRefused) {
  const { t, lang } = pageContext(request);
  const signedIn = request.signedIn;
  if (signedIn !== null && isEligibilityProblem(e.problem)) {
    // Whom the person acts for cannot apply: say why, and offer to act for someone else.
    const acting = signedIn.actor.acting;
    return sendPage(reply, 403, <MessagePage ctx={pageContext(request)} title={whyNotTitle(t, acting)} text={whyNot(t, e.problem, acting)} back={paths.actAs(lang)} backLabel={t('session.changeActing')} />);
  }
  const title = e.problem === 'storage-full' ? t('storageFull.title') : t('applyError.title');
  return sendPage(reply, refusalStatus(e), <MessagePage ctx={pageContext(request)} title={title} text={applicationMessage(t, e.problem, 0, e.limit)} back={paths.myApplications(lang)} backLabel={t('cases.mine')} />);
}

function question({ me }: Deps, request: FastifyRequest, reply: FastifyReply, view: DraftView, page: FormPage, o: { status: number; errors: FieldError[]; notice?: string | null }) {
  const ctx = pageContext(request);
  const pages = visiblePages(view.form, view.draft.answers);
  const at = Math.max(0, pages.findIndex((p) => p.id === page.id));
  const previous = at > 0 ? paths.applyPage(ctx.lang, view.draft.id, (pages[at - 1] as FormPage).id) : null;
  return sendPage(reply, o.status, <QuestionPage ctx={ctx} view={{ draft: view, page, step: at + 1, steps: pages.length, previous, errors: o.errors, notice: o.notice ?? null, csrf: me(request).session.csrfToken }} />);
}

function check({ drafts, me }: Deps, request: FastifyRequest, reply: FastifyReply, view: DraftView, status: number, errors: FieldError[]) {
  const { service, form } = view;
  const fee = feeFor({ costs: service.costs, feeField: form.feeField, exemptionField: form.exemptionField }, view.draft.answers, 'online');
  const checkView = { draft: view, issues: drafts.problems(view), fee, idempotencyKey: crypto.randomUUID(), errors, csrf: me(request).session.csrfToken };
  return sendPage(reply, status, <CheckPage ctx={pageContext(request)} view={checkView} />);
}

async function loadPage({ drafts, me }: Deps, request: FastifyRequest) {
  const view = await drafts.get(me(request), params(request).draftId);
  if (!view.ok) {
    return view;
  }
  const page = findPage(view.value.form, params(request).pageId);
  return { ok: true as const, value: { view: view.value, page } };
}

function startRoutes(d: Deps, lang: Lang): WebRoute[] {
  const { drafts, me } = d;
  return [
    {
      method: 'GET', url: `/${lang}/services/:id/apply`, auth: SIGNED_IN, params: { id: 'slug' },
      handler: async (request, reply) => {
        const allowed = await drafts.applicable(me(request), params(request).id);
        if (!allowed.ok) {
          return refused(request, reply, allowed.error);
        }
        const signedIn = me(request);
        return sendPage(reply, 200, <ApplyStartPage ctx={pageContext(request)} service={allowed.value.service} actingName={signedIn.actor.acting.name} csrf={signedIn.session.csrfToken} />);
      },
    },
    {
      method: 'POST', url: `/${lang}/services/:id/apply`, auth: SIGNED_IN, params: { id: 'slug' },
      handler: async (request, reply) => {
        const started = await drafts.start(me(request), params(request).id);
        if (!started.ok && started.error.problem === 'quota-drafts') {
          const allowed = await drafts.applicable(me(request), params(request).id);
          const signedIn = me(request);
          const errors = [{ field: 'start', message: applicationMessage(pageContext(request).t, 'quota-drafts', 0, started.error.limit) }];
          return allowed.ok
            ? sendPage(reply, 403, <ApplyStartPage ctx={pageContext(request)} service={allowed.value.service} actingName={signedIn.actor.acting.name} csrf={signedIn.session.csrfToken} errors={errors} />)
            : refused(request, reply, started.error);
        }
        if (!started.ok) {
          return refused(request, reply, started.error);
        }
        const view = await drafts.get(me(request), started.value.id);
        const first = view.ok ? visiblePages(view.value.form, started.value.answers)[0] : undefined;
        return reply.redirect(first ? paths.applyPage(lang, started.value.id, first.id) : paths.myApplications(lang), 303);
      },
    },
  ];
}

function pageRoutes(d: Deps, lang: Lang): WebRoute[] {
  const { drafts, me } = d;
  return [
    {
      method: 'GET', url: `/${lang}/applications/:draftId/pages/:pageId`, auth: SIGNED_IN, params: { draftId: 'uuid', pageId: 'slug' },
      handler: async (request, reply) => {
        const loaded = await loadPage(d, request);
        if (!loaded.ok) {
          return refused(request, reply, loaded.error);
        }
        const { view, page } = loaded.value;
        if (page === null) {
          return sendNotFoundPage(request, reply);
        }
        const uploaded = (request.query as { uploaded?: string }).uploaded;
        return question(d, request, reply, view, page, { status: 200, errors: [], notice: uploaded ? pageContext(request).t('apply.uploaded') : null });
      },
    },
    {
      method: 'POST', url: `/${lang}/applications/:draftId/pages/:pageId`, auth: SIGNED_IN, params: { draftId: 'uuid', pageId: 'slug' },
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const saved = await drafts.savePage(me(request), params(request).draftId, params(request).pageId, request.body as RawBody);
        if (!saved.ok) {
          return refused(request, reply, saved.error);
        }
        const { issues, next, draft } = saved.value;
        if (issues.length > 0) {
          const view = await drafts.get(me(request), draft.id);
          const page = view.ok ? findPage(view.value.form, params(request).pageId) : null;
          if (!view.ok || page === null) {
            return sendNotFoundPage(request, reply);
          }
          // A question revealed by this very answer (a condition now met) was not on the page the
          // applicant saw: it is shown now, without an error, rather than reported as missing.
          const shown = new Set(String((request.body as RawBody)['_shown'] ?? '').split(','));
          const fileQuestions = new Set(page.fields.filter((f) => f.kind === 'file').map((f) => f.name));
          const errors = issues.flatMap((i) => {
            const field = page.fields.find((f) => f.name === i.field);
            const revealedNow = field?.when !== undefined && !shown.has(i.field) && !fileQuestions.has(i.field);
            return field && !revealedNow ? [{ field: i.field, message: answerMessage(t, field, i) }] : [];
          });
          return question(d, request, reply, view.value, page, { status: errors.length > 0 ? 400 : 200, errors });
        }
        return reply.redirect(next === null ? paths.applyCheck(lang, draft.id) : paths.applyPage(lang, draft.id, next), 303);
      },
    },
  ];
}

function fileRoutes(d: Deps, lang: Lang): WebRoute[] {
  const { drafts, me } = d;
  return [
    {
      method: 'POST', url: `/${lang}/applications/:draftId/pages/:pageId/files/:field`, auth: SIGNED_IN, params: { draftId: 'uuid', pageId: 'slug', field: 'name' },
      // The file is read as a stream and cut at the draft's service's own limit (upload-stream.ts).
      upload: { files: 1, limitBytes: (request) => drafts.uploadLimitBytes(params(request).draftId) },
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const { draftId, pageId, field } = params(request);
        const [part] = receivedFiles(request.body, 'file');
        const upload = { field, filename: part?.filename ?? '', bytes: part?.received.bytes ?? Buffer.alloc(0), truncated: part?.received.truncated ?? false };
        const uploaded = await drafts.upload(me(request), draftId, upload);
        if (uploaded.ok) {
          return reply.redirect(`${paths.applyPage(lang, draftId, pageId)}?uploaded=${encodeURIComponent(field)}`, 303);
        }
        const loaded = await loadPage(d, request);
        if (!loaded.ok || loaded.value.page === null || ['draft-not-found', 'other-party', 'not-allowed', 'not-a-file-question', 'storage-full'].includes(uploaded.error.problem)) {
          return refused(request, reply, uploaded.error);
        }
        const message = applicationMessage(t, uploaded.error.problem, loaded.value.view.form.maxAttachmentMb, uploaded.error.limit);
        return question(d, request, reply, loaded.value.view, loaded.value.page, { status: refusalStatus(uploaded.error), errors: [{ field, message }] });
      },
    },
    {
      method: 'POST', url: `/${lang}/applications/:draftId/pages/:pageId/files/:field/remove`, auth: SIGNED_IN, params: { draftId: 'uuid', pageId: 'slug', field: 'name' },
      handler: async (request, reply) => {
        const { draftId, pageId, field } = params(request);
        const removed = await drafts.removeFile(me(request), draftId, field);
        return removed.ok ? reply.redirect(paths.applyPage(lang, draftId, pageId), 303) : refused(request, reply, removed.error);
      },
    },
  ];
}

function finishRoutes(d: Deps, lang: Lang): WebRoute[] {
  const { drafts, me } = d;
  return [
    {
      method: 'GET', url: `/${lang}/applications/:draftId/check`, auth: SIGNED_IN, params: { draftId: 'uuid' },
      handler: async (request, reply) => {
        const view = await drafts.get(me(request), params(request).draftId);
        return view.ok ? check(d, request, reply, view.value, 200, []) : refused(request, reply, view.error);
      },
    },
    {
      method: 'POST', url: `/${lang}/applications/:draftId/submit`, auth: SIGNED_IN, params: { draftId: 'uuid' },
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const given = formString(request.body, 'idempotencyKey');
        const key = /^[A-Za-z0-9-]{8,80}$/.test(given) ? given : crypto.randomUUID();
        const submitted = await drafts.submit(me(request), params(request).draftId, { idempotencyKey: key, declared: formString(request.body, 'declaration') === 'yes', channel: 'web', lang });
        if (submitted.ok) {
          return reply.redirect(paths.receipt(lang, submitted.value.id), 303);
        }
        if (submitted.error.problem !== 'declaration-required' && submitted.error.problem !== 'incomplete') {
          return refused(request, reply, submitted.error);
        }
        const view = await drafts.get(me(request), params(request).draftId);
        if (!view.ok) {
          return refused(request, reply, view.error);
        }
        const field = submitted.error.problem === 'declaration-required' ? 'declaration' : 'answers';
        return check(d, request, reply, view.value, 400, [{ field, message: t(`applyError.${submitted.error.problem}`) }]);
      },
    },
    {
      method: 'POST', url: `/${lang}/applications/:draftId/discard`, auth: SIGNED_IN, params: { draftId: 'uuid' },
      handler: async (request, reply) => {
        const discarded = await drafts.discard(me(request), params(request).draftId);
        return discarded.ok ? reply.redirect(paths.myApplications(lang), 303) : refused(request, reply, discarded.error);
      },
    },
  ];
}
