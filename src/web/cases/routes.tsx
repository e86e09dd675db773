import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import {
  type AnswerFilesFailure, type DraftsService, MAX_ANSWER_FILES, type StorageFull, type StorageQuotaReached, type TooManyFiles, type UploadRefused,
} from '../../modules/applications/index.ts';
import type { BundlesService } from '../../modules/bundles/index.ts';
import type { CollectionService } from '../../modules/collection/index.ts';
import type { RegistriesService } from '../../modules/registries/index.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import { type CaseActionError, type CasePaymentsService, PaymentUnavailable, type CasesService, type PaymentRow, type ReceiptsService } from '../../modules/cases/index.ts';
import { visiblePages } from '../../modules/forms/index.ts';
import { partyKey, type SignedIn } from '../../modules/identity/index.ts';
import type { NoticesService } from '../../modules/notifications/index.ts';
import { caseActionMessage, caseActionStatus } from './errors.ts';
import type { Translator } from '../locales/messages.ts';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { CasePage } from './case.page.tsx';
import { CabinetPage } from './dashboard.page.tsx';
import { cabinetView } from './cabinet.view.ts';
import { MyApplicationsPage } from './my-applications.page.tsx';
import { ReceiptPage } from './receipt.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import type { FieldError } from '../common/components.tsx';
import { sendFile } from '../common/send-file.ts';
import { applicationMessage, refusalStatus } from '../apply/errors.ts';
import { formString } from '../common/form-values.ts';
import { receivedFiles } from '../common/upload-stream.ts';

export interface CasesWebDeps {
  readonly cases: CasesService;
  readonly drafts: DraftsService;
  readonly receipts: ReceiptsService;
  readonly payments: CasePaymentsService | null;
  readonly catalogue: CatalogueService;
  readonly publicUrl: string;
  /** The portal inbox: unread messages on the cabinet, a decision's download recorded on its notices. */
  readonly notices: Pick<NoticesService, 'unreadCount' | 'decisionDownloaded'>;
  /** Where the case's result stands at a centre (ready for collection, collected). */
  readonly collection: Pick<CollectionService, 'standing'>;
  /** The case's evidence from the registries: what the portal is waiting for (ADR 0027). */
  readonly registries: Pick<RegistriesService, 'evidenceOf'>;
  /** The person's life-event bundles, each one item of "My applications" with its parts (ADR 0031). */
  readonly bundles: Pick<BundlesService, 'mine'>;
}

type Params = { id: string; documentId: string; attachmentId: string };
const params = (r: FastifyRequest) => r.params as Params;

/** The applicant's side of cases: "My applications", the case page and its actions, receipts and downloads. */
export function casesRoutes(deps: CasesWebDeps, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const d: Deps = { ...deps, me };
  return [...listRoutes(d), ...actionRoutes(d), ...fileRoutes(d)];
}

type Deps = CasesWebDeps & { readonly me: (r: FastifyRequest) => SignedIn };

const organisationName = async ({ catalogue }: Deps, id: string, lang: Lang) => (await catalogue.organisations()).value.find((o) => o.id === id)?.name[lang] ?? id;

async function renderCase(d: Deps, request: FastifyRequest, reply: FastifyReply, o: { status: number; errors: FieldError[]; notice: string | null; values?: Record<string, string>; returnedFrom?: ReturnedFrom }) {
  const { cases, drafts, me } = d;
  const ctx = pageContext(request);
  const signedIn = me(request);
  const loaded = await cases.forApplicant(signedIn, params(request).id);
  if (loaded === null) {
    return sendNotFoundPage(request, reply);
  }
  const [attachments, fee, collection, evidence] = await Promise.all([
    drafts.attachmentsOfCase(loaded.case.id), d.payments?.feeOf(loaded.case.id) ?? { payments: [], standing: { kind: 'open' } as const }, d.collection.standing(loaded.case.id),
    d.registries.evidenceOf(loaded.case.id),
  ]);
  const { payments, standing: payment } = fee;
  const notice = o.returnedFrom === undefined ? o.notice : returnNotice(ctx.t, payments, o.returnedFrom);
  const view = { ...loaded, attachments, payment, collection, evidence, organisationName: await organisationName(d, loaded.case.organisationId, ctx.lang), errors: o.errors, notice, values: o.values ?? {}, csrf: signedIn.session.csrfToken };
  return sendPage(reply, o.status, <CasePage ctx={ctx} view={view} />);
}

async function afterAction(d: Deps, request: FastifyRequest, reply: FastifyReply, lang: Lang, result: { ok: true } | { ok: false; error: CaseActionError }, field: string, values: Record<string, string> = {}) {
  if (result.ok) {
    return reply.redirect(paths.myCase(lang, params(request).id), 303);
  }
  const { t } = pageContext(request);
  const status = caseActionStatus(result.error);
  if (status === 404) {
    return sendNotFoundPage(request, reply);
  }
  return renderCase(d, request, reply, { status, errors: [{ field, message: caseActionMessage(t, result.error) }], notice: null, values });
}

/** An answer's refusal: of its files (shown beside them), or of the case's (shown as after any action). */
function answerRefusal(e: AnswerFilesFailure): { files: FilesRefused; case: null } | { files: null; case: CaseActionError } {
  switch (e.code) {
    case 'applications.too_many_files':
    case 'applications.not_a_file_question':
    case 'applications.file_empty':
    case 'applications.file_too_large':
    case 'applications.file_type':
    case 'applications.quota_bytes':
    case 'applications.storage_full':
      return { files: e, case: null };
    case 'cases.answer_required':
    case 'cases.not_found':
    case 'cases.no_open_request':
    case 'workflow.unknown_event':
    case 'workflow.not_allowed_from_state':
    case 'workflow.role_not_allowed':
    case 'workflow.reason_required':
    case 'workflow.refusal_ground_required':
    case 'workflow.refusal_ground_unknown':
    case 'workflow.documents_incomplete':
    case 'workflow.fee_unpaid':
      return { files: null, case: e };
  }
}

type FilesRefused = TooManyFiles | UploadRefused | StorageQuotaReached | StorageFull;
type ReturnedFrom = { readonly payment: string | null };

/** The notice on coming back from the provider, from the payment as the portal has it (its callback may not have come yet). */
function returnNotice(t: Translator, payments: readonly PaymentRow[], from: ReturnedFrom): string | null {
  const payment = payments.find((p) => p.id === from.payment) ?? payments.at(-1);
  switch (payment?.status) {
    case undefined:
      return null;
    case 'paid':
      return t('cases.paymentReceived');
    case 'pending':
      return t('cases.confirmingPayment');
    case 'declined':
    case 'failed':
      return t('cases.declinedNotice');
    case 'abandoned':
      return t('cases.abandonedNotice');
  }
}

function listRoutes(d: Deps): WebRoute[] {
  const { cases, drafts, catalogue, me } = d;
  return [
    route(PATHS.cabinet, 'GET', SIGNED_IN, async (request, reply) => {
      const signedIn = me(request);
      const [cabinet, unread] = await Promise.all([drafts.cabinet(signedIn), d.notices.unreadCount(signedIn)]);
      const view = cabinetView(cabinet.parties, partyKey(signedIn.actor.acting.party), cabinet.at);
      return sendPage(reply, 200, <CabinetPage ctx={pageContext(request)} signedIn={signedIn} view={view} unread={unread} />);
    }),
    route(PATHS.myApplications, 'GET', SIGNED_IN, async (request, reply) => {
      const signedIn = me(request);
      const query = request.query as { after?: unknown; before?: unknown };
      const key = (v: unknown): string | null => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,400}$/.test(v) ? v : null);
      const after = key(query.after);
      const before = after === null ? key(query.before) : null;
      const cursor = after !== null ? { after } : before !== null ? { before } : null;
      const [mine, draftRows, bundleRows] = await Promise.all([cases.mine(signedIn, { cursor }), drafts.mine(signedIn), cursor === null ? d.bundles.mine(signedIn) : []]);
      const withServices = await Promise.all(mine.rows.map(async (c) => ({ case: c, service: (await catalogue.service(c.serviceId)).value })));
      const view = {
        actingName: signedIn.actor.acting.name,
        acting: partyKey(signedIn.actor.acting.party),
        bundles: bundleRows,
        cases: withServices.flatMap((r) => (r.service === null ? [] : [{ case: r.case, service: r.service }])),
        previous: mine.previous === null ? null : paths.myApplications(pageContext(request).lang, { before: mine.previous }),
        next: mine.next === null ? null : paths.myApplications(pageContext(request).lang, { after: mine.next }),
        drafts: draftRows.map(({ draft, service }) => ({ draft, service, firstPage: service?.form ? (visiblePages(service.form, draft.answers)[0]?.id ?? null) : null })),
      };
      return sendPage(reply, 200, <MyApplicationsPage ctx={pageContext(request)} view={view} />);
    }),
    route(PATHS.myCase, 'GET', SIGNED_IN, async (request, reply) => {
      // Back from the payment provider: what its address says is a hint; the notice tells what the portal knows.
      const query = request.query as { status?: unknown; payment?: unknown };
      const returnedFrom = typeof query.status === 'string' ? { payment: typeof query.payment === 'string' ? query.payment : null } : undefined;
      return renderCase(d, request, reply, { status: 200, errors: [], notice: null, ...(returnedFrom === undefined ? {} : { returnedFrom }) });
    }),
  ];
}

function actionRoutes(d: Deps): WebRoute[] {
  const { cases, me } = d;
  return [
    // A plain form, or multipart with files (each read as a stream, cut at the case's service's limit).
    route(PATHS.caseAnswer, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const answer = formString(request.body, 'answer');
      const files = receivedFiles(request.body, 'files').map((f) => ({ field: 'answer', filename: f.filename, bytes: f.received.bytes, truncated: f.received.truncated }));
      const answered = await d.drafts.answer(me(request), params.id, answer, files);
      if (answered.ok) {
        return afterAction(d, request, reply, lang, answered, 'answer', { answer });
      }
      const refusal = answerRefusal(answered.error);
      if (refusal.files === null) {
        return afterAction(d, request, reply, lang, { ok: false, error: refusal.case }, 'answer', { answer });
      }
      const { t } = pageContext(request);
      const message = applicationMessage(t, refusal.files, await d.drafts.answerLimitMb(params.id));
      return renderCase(d, request, reply, { status: refusalStatus(refusal.files), errors: [{ field: 'files', message }], notice: null, values: { answer } });
    }, { upload: { files: MAX_ANSWER_FILES + 1, limitBytes: (request) => d.drafts.answerLimitBytes(params(request).id) } }),
    route(PATHS.caseWithdraw, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => afterAction(d, request, reply, lang, await cases.withdraw(me(request), params.id, formString(request.body, 'reason')), 'reason')),
    route(PATHS.caseRate, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      const given = formString(request.body, 'rating');
      const rating = /^[1-5]$/.test(given) ? Number(given) : 0;
      return afterAction(d, request, reply, lang, await cases.rate(me(request), params.id, rating, formString(request.body, 'comment')), 'rating');
    }),
    route(PATHS.casePay, 'POST', SIGNED_IN, async (request, reply, { lang, params }) => {
      if (d.payments === null) {
        return afterAction(d, request, reply, lang, { ok: false, error: new PaymentUnavailable() }, 'pay');
      }
      const started = await d.payments.start(me(request), params.id, `${d.publicUrl}${paths.myCase(lang, params.id)}`);
      return started.ok ? reply.redirect(started.value.redirectUrl, 303) : afterAction(d, request, reply, lang, started, 'pay');
    }),
  ];
}

function fileRoutes(d: Deps): WebRoute[] {
  const { cases, drafts, receipts, me } = d;
  return [
    route(PATHS.receipt, 'GET', SIGNED_IN, async (request, reply, { lang, params }) => {
      const loaded = await cases.forApplicant(me(request), params.id);
      if (loaded === null) {
        return sendNotFoundPage(request, reply);
      }
      const ctx = pageContext(request);
      return sendPage(reply, 200, <ReceiptPage ctx={ctx} c={loaded.case} service={loaded.service} organisationName={await organisationName(d, loaded.case.organisationId, lang)} />);
    }),
    route(PATHS.receiptPdf, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const receipt = await receipts.receiptPdf(me(request), params.id);
      return receipt === null ? sendNotFoundPage(request, reply) : sendFile(reply, { bytes: receipt.pdf, type: 'application/pdf', name: `receipt-${receipt.number}.pdf`, disposition: 'attachment' });
    }),
    route(PATHS.caseDocument, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const doc = await cases.documentForApplicant(me(request), params.id, params.documentId);
      if (doc !== null) {
        await d.notices.decisionDownloaded(me(request), params.documentId);
      }
      return doc === null ? sendNotFoundPage(request, reply) : sendFile(reply, { bytes: doc.pdf, type: 'application/pdf', name: `${doc.number}.pdf`, disposition: 'attachment' });
    }, { writes: true }),
    route(PATHS.caseAttachment, 'GET', SIGNED_IN, async (request, reply, { params }) => {
      const file = await drafts.caseFileForApplicant(me(request), params.id, params.attachmentId);
      return file === null ? sendNotFoundPage(request, reply) : sendFile(reply, { bytes: file.bytes, type: file.attachment.contentType, name: file.attachment.filename, disposition: 'attachment' });
    }),
  ];
}
