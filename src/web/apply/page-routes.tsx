import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import type { ApplicationError, DraftView } from '../../modules/applications/index.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import type { FieldError } from '../common/components.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { receivedFiles } from '../common/upload-stream.ts';
import { answerValue } from './check.view.ts';
import { answerMessage, applicationMessage, refusalStatus } from './errors.ts';
import { textBody } from './form-body.ts';
import { QuestionPage } from './question.page.tsx';
import { type Deps, params, refused } from './respond.tsx';
import { findScreen, nextScreen, previousScreen, progressOf, type Screen, screenOfField, screenPath, screensOf } from './screens.view.ts';

/** Refusals of an upload that concern the whole draft, not the file: answered with a page of their own. */

/** Refusals about the draft itself, not the file: shown as a page of their own rather than beside the question. */
const DRAFT_PROBLEMS: ReadonlySet<ApplicationError['code']> = new Set<ApplicationError['code']>([
  'applications.draft_not_found', 'applications.other_party', 'applications.not_allowed', 'applications.not_a_file_question', 'applications.storage_full', 'applications.stale',
]);

function question({ me }: Deps, request: FastifyRequest, reply: FastifyReply, view: DraftView, screen: Screen, o: { status: number; errors: FieldError[]; notice?: string | null }) {
  const ctx = pageContext(request);
  const { form, draft } = view;
  const previous = previousScreen(form, screen, draft.answers);
  const trigger = screen.about === null ? undefined : screen.page.fields.find((f) => f.name === screen.about);
  const said = trigger === undefined ? null : answerValue(trigger, draft.answers[trigger.name], [], ctx.lang);
  const answer = said === null ? '' : said.kind === 'text' ? said.text : said.kind === 'yes' ? ctx.t('apply.yes') : said.kind === 'no' ? ctx.t('apply.no') : said.kind === 'list' ? said.items.join(', ') : '';
  const questionView = {
    draft: view, screen, progress: progressOf(form, screen, draft.answers), previous: previous === null ? null : screenPath(ctx.lang, draft.id, previous),
    followUp: trigger === undefined ? null : { question: trigger.label[ctx.lang], answer }, errors: o.errors, notice: o.notice ?? null, csrf: me(request).session.csrfToken,
  };
  return sendPage(reply, o.status, <QuestionPage ctx={ctx} view={questionView} />);
}

/** The screen a request names (its page, and the question a follow-up is about), for the draft's answers now. */
async function loadScreen(d: Deps, request: FastifyRequest, about: string | null) {
  const view = await d.drafts.get(d.me(request), params(request).draftId);
  if (!view.ok) {
    return view;
  }
  return { ok: true as const, value: { view: view.value, screen: findScreen(view.value.form, params(request).pageId, about, view.value.draft.answers) } };
}

const aboutOf = (request: FastifyRequest, followUp: boolean) => (followUp ? params(request).about : null);

async function showScreen(d: Deps, request: FastifyRequest, reply: FastifyReply, lang: Lang, followUp: boolean) {
  const loaded = await loadScreen(d, request, aboutOf(request, followUp));
  if (!loaded.ok) {
    return refused(request, reply, loaded.error);
  }
  const { view, screen } = loaded.value;
  if (screen === null) {
    return sendNotFoundPage(request, reply);
  }
  if (screen.fields.length === 0) {
    // Nothing to ask here for these answers (a follow-up not revealed, a page whose questions are all hidden): go on.
    const next = nextScreen(view.form, screen, view.draft.answers);
    return reply.redirect(next === null ? paths.applyCheck(lang, view.draft.id) : screenPath(lang, view.draft.id, next), 303);
  }
  const uploaded = (request.query as { uploaded?: unknown }).uploaded;
  const file = typeof uploaded === 'string' ? view.attachments.find((a) => a.id === view.draft.answers[uploaded]) : undefined;
  const notice = file === undefined ? null : pageContext(request).t('form.uploadedNamed', { name: file.filename });
  return question(d, request, reply, view, screen, { status: 200, errors: [], notice });
}

/** Stores every file chosen on the screen, whichever button was pressed; answers the problems, by question. */
async function storeFiles(d: Deps, request: FastifyRequest, view: DraftView, screen: Screen) {
  const { t } = pageContext(request);
  const errors: Array<FieldError & { status: number }> = [];
  const stored: string[] = [];
  let cut = false;
  for (const field of screen.fields.filter((f) => f.kind === 'file')) {
    const [part] = receivedFiles(request.body, field.name);
    if (part === undefined) {
      continue;
    }
    cut ||= part.received.truncated;
    const done = await d.drafts.upload(d.me(request), view.draft.id, { field: field.name, filename: part.filename, bytes: part.received.bytes, truncated: part.received.truncated });
    if (done.ok) {
      stored.push(field.name);
    } else if (DRAFT_PROBLEMS.has(done.error.code)) {
      return { ok: false as const, error: done.error };
    } else {
      errors.push({ field: field.name, message: applicationMessage(t, done.error, view.form.maxAttachmentMb), status: refusalStatus(done.error) });
    }
  }
  return { ok: true as const, value: { errors, stored, cut } };
}

async function saveScreen(d: Deps, request: FastifyRequest, reply: FastifyReply, lang: Lang, followUp: boolean) {
  const { t } = pageContext(request);
  const loaded = await loadScreen(d, request, aboutOf(request, followUp));
  if (!loaded.ok) {
    return refused(request, reply, loaded.error);
  }
  const { view, screen } = loaded.value;
  if (screen === null) {
    return sendNotFoundPage(request, reply);
  }
  const files = await storeFiles(d, request, view, screen);
  if (!files.ok) {
    return refused(request, reply, files.error);
  }
  const body = textBody(request.body);
  // A file cut at the size limit ends the reading of the body: what came after it is not there, so nothing else is saved.
  if (!files.value.cut) {
    const saved = await d.drafts.savePage(d.me(request), view.draft.id, screen.page.id, body, screen.fields.map((f) => f.name));
    if (!saved.ok) {
      return refused(request, reply, saved.error);
    }
  }
  const after = await d.drafts.get(d.me(request), view.draft.id);
  if (!after.ok) {
    return refused(request, reply, after.error);
  }
  const now = findScreen(after.value.form, screen.page.id, screen.about, after.value.draft.answers) ?? screen;
  const uploadOnly = typeof body['_upload'] === 'string';
  const chosen = String(body['_upload'] ?? '');
  // Upload pressed with no file chosen: say so on that question.
  const noFile = uploadOnly && !files.value.stored.includes(chosen) && !files.value.errors.some((e) => e.field === chosen) && now.fields.some((f) => f.name === chosen)
    ? [{ field: chosen, message: t('form.chooseFile'), status: 400 }] : [];
  const fileErrors = [...files.value.errors, ...noFile];
  if (uploadOnly && fileErrors.length === 0) {
    return reply.redirect(`${screenPath(lang, view.draft.id, now)}?uploaded=${encodeURIComponent(String(body['_upload']))}`, 303);
  }
  const shown = new Set(now.fields.map((f) => f.name));
  const issues = uploadOnly ? [] : d.drafts.problems(after.value).filter((i) => shown.has(i.field) && !fileErrors.some((e) => e.field === i.field));
  const errors = [...fileErrors.map(({ field, message }) => ({ field, message })), ...issues.flatMap((i) => {
    const field = now.fields.find((f) => f.name === i.field);
    return field === undefined ? [] : [{ field: i.field, message: answerMessage(t, field, i) }];
  })];
  if (errors.length > 0) {
    return question(d, request, reply, after.value, now, { status: fileErrors[0]?.status ?? 400, errors });
  }
  const next = nextScreen(after.value.form, now, after.value.draft.answers);
  return reply.redirect(next === null ? paths.applyCheck(lang, view.draft.id) : screenPath(lang, view.draft.id, next), 303);
}

/** The screen to come back to after a file of a question changes. */
function screenForField(view: DraftView, field: string, lang: Lang, pageId: string) {
  const screen = screenOfField(view.form, field, view.draft.answers) ?? screensOf(view.form, view.draft.answers).find((s) => s.page.id === pageId);
  return screen === undefined ? paths.applyPage(lang, view.draft.id, pageId) : screenPath(lang, view.draft.id, screen);
}

/** The screens of the form (a page, its follow-ups), the upload of one file, and its removal. */
export function pageRoutes(d: Deps): WebRoute[] {
  const { drafts, me } = d;
  const upload = { files: 8, limitBytes: (request: FastifyRequest) => drafts.uploadLimitBytes(params(request).draftId) };
  return [
    route(PATHS.applyPage, 'GET', SIGNED_IN, (request, reply, { lang }) => showScreen(d, request, reply, lang, false)),
    route(PATHS.applyFollowUp, 'GET', SIGNED_IN, (request, reply, { lang }) => showScreen(d, request, reply, lang, true)),
    route(PATHS.applyPage, 'POST', SIGNED_IN, (request, reply, { lang }) => saveScreen(d, request, reply, lang, false), { upload }),
    route(PATHS.applyFollowUp, 'POST', SIGNED_IN, (request, reply, { lang }) => saveScreen(d, request, reply, lang, true), { upload }),
    // One file on its own (the question's Upload button of older pages, API clients): read as a stream, cut at the service's limit.
    route(PATHS.applyUpload, 'POST', SIGNED_IN, async (request, reply, { lang, params: { draftId, field } }) => {
      const [part] = receivedFiles(request.body, 'file');
      const uploaded = await drafts.upload(me(request), draftId, { field, filename: part?.filename ?? '', bytes: part?.received.bytes ?? Buffer.alloc(0), truncated: part?.received.truncated ?? false });
      return fileDone(d, request, reply, lang, uploaded.ok ? null : uploaded.error);
    }, { upload: { files: 1, limitBytes: upload.limitBytes } }),
    route(PATHS.applyRemoveFile, 'POST', SIGNED_IN, async (request, reply, { lang, params: { draftId, field } }) => {
      const removed = await drafts.removeFile(me(request), draftId, field);
      return fileDone(d, request, reply, lang, removed.ok ? null : removed.error, false);
    }),
  ];
}

async function fileDone(d: Deps, request: FastifyRequest, reply: FastifyReply, lang: Lang, error: ApplicationError | null, notice = true) {
  const { draftId, pageId, field } = params(request);
  const view = await d.drafts.get(d.me(request), draftId);
  if (!view.ok) {
    return refused(request, reply, view.error);
  }
  if (error !== null && DRAFT_PROBLEMS.has(error.code)) {
    return refused(request, reply, error);
  }
  const back = screenForField(view.value, field, lang, pageId);
  if (error === null) {
    return reply.redirect(notice ? `${back}?uploaded=${encodeURIComponent(field)}` : back, 303);
  }
  const screen = screenOfField(view.value.form, field, view.value.draft.answers) ?? findScreen(view.value.form, pageId, null, view.value.draft.answers);
  if (screen === null) {
    return sendNotFoundPage(request, reply);
  }
  const message = applicationMessage(pageContext(request).t, error, view.value.form.maxAttachmentMb);
  return question(d, request, reply, view.value, screen, { status: refusalStatus(error), errors: [{ field, message }] });
}
