import { type Attachment, MAX_ANSWER_FILES } from '../../modules/applications/index.ts';
import type { Service } from '../../modules/catalogue/index.ts';
import { type CaseDocument, type CaseEventRecord, type CaseRecord, MAX_CASE_TEXT, formatMoney, type InformationRequest, type PaymentStanding, workflowOf } from '../../modules/cases/index.ts';
import { pruneHidden, visibleFields, visiblePages } from '../../modules/forms/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { answerText } from '../common/form-fields.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface CaseView {
  readonly case: CaseRecord;
  readonly service: Service;
  readonly events: readonly CaseEventRecord[];
  readonly requests: readonly InformationRequest[];
  readonly documents: readonly CaseDocument[];
  readonly attachments: readonly Attachment[];
  /** Where the fee stands: while a payment is being confirmed (or paid) no second one is offered. */
  readonly payment: PaymentStanding;
  readonly organisationName: string;
  readonly errors: readonly FieldError[];
  readonly notice: string | null;
  readonly values: Readonly<Record<string, string>>;
  readonly csrf: string;
}

/** One case as the applicant sees it: where it stands in plain words, what happens next and by when, and what they can do. */
export function CasePage({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const c = view.case;
  const states = workflowOf(view.service).states;
  const label = (id: string) => states.find((s) => s.id === id)?.label[lang] ?? id;
  const open = view.requests.find((r) => r.answeredAt === null);
  const confirming = c.state === 'awaiting-payment' && view.payment.kind !== 'open';
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('cases.caseTitle', { number: c.number })}`} searchBox={false}
      crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? <div class="notice" role="status">{view.notice}</div> : null}
      <p class="caption">{view.service.name[lang]} · {view.organisationName}</p>
      <h1>{t('cases.caseTitle', { number: c.number })}</h1>
      <div class="status-panel">
        <p><strong>{t('cases.status')}:</strong> <span class="status-label">{confirming ? t('cases.confirmingLabel') : label(c.state)}</span></p>
        <p>{confirming ? t('cases.confirmingPayment') : nextStep(ctx, c)}</p>
        {c.party.kind === 'self' ? null : <p>{t('cases.forParty', { name: c.party.name, applicant: c.applicantName })}</p>}
      </div>
      {c.state === 'awaiting-payment' && !confirming ? (
        <form method="post" action={paths.caseAction(lang, c.id, 'pay')}>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <p>{t('cases.payLead', { amount: formatMoney(c.feeAmount, lang) })}</p>
          <button type="submit">{t('cases.pay', { amount: formatMoney(c.feeAmount, lang) })}</button>
        </form>
      ) : null}
      {open ? <AnswerForm ctx={ctx} view={view} request={open} /> : null}
      <Documents ctx={ctx} view={view} />
      <h2>{t('cases.history')}</h2>
      <ol class="timeline">
        {view.events.map((e) => (
          <li key={e.id}>
            <span class="timeline-when">{formatInstant(e.at, lang)}</span> — <strong>{label(e.to)}</strong>
            {e.reason ? <p class="timeline-reason">{e.reason}</p> : null}
            {e.refusalGroundId ? <p class="timeline-reason">{view.service.refusalGrounds.find((g) => g.id === e.refusalGroundId)?.text[lang]}</p> : null}
          </li>
        ))}
      </ol>
      {view.requests.length > 0 ? <Requests ctx={ctx} caseId={c.id} requests={view.requests} attachments={view.attachments} /> : null}
      <Answers ctx={ctx} view={view} />
      {c.outcome === null ? <WithdrawForm ctx={ctx} view={view} /> : null}
      {c.outcome !== null && c.rating === null ? <RateForm ctx={ctx} view={view} /> : null}
      {c.rating !== null ? <p>{t('cases.rated', { rating: c.rating })}</p> : null}
    </Layout>
  );
}

function nextStep(ctx: PageContext, c: CaseRecord): string {
  const { t, lang } = ctx;
  const due = c.dueOn === null ? '' : formatDay(c.dueOn, lang);
  switch (c.state) {
    case 'awaiting-payment':
      return t('cases.next.awaiting-payment');
    case 'information-requested':
      return t('cases.next.information-requested');
    case 'submitted':
    case 'registered':
    case 'in-review':
      return c.dueOn === null ? t('cases.next.review') : t('cases.next.reviewBy', { due });
    default:
      return c.outcome === 'granted' ? t('cases.next.granted') : c.outcome === 'refused' ? t('cases.next.refused') : c.outcome === 'withdrawn' ? t('cases.next.withdrawn') : t('cases.next.review');
  }
}

function AnswerForm({ ctx, view, request }: { ctx: PageContext; view: CaseView; request: InformationRequest }) {
  const { t, lang } = ctx;
  const error = view.errors.find((e) => e.field === 'answer')?.message;
  const filesError = view.errors.find((e) => e.field === 'files')?.message;
  return (
    <section aria-labelledby="request-title" class="request-panel">
      <h2 id="request-title">{t('cases.requestTitle')}</h2>
      <p class="hint">{t('cases.requestAsked', { at: formatInstant(request.askedAt, lang) })}</p>
      <blockquote>{request.question}</blockquote>
      <form method="post" action={paths.caseAction(lang, view.case.id, 'answer')} encType="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <div class={`field${error ? ' field-error' : ''}`}>
          <label for="filter-answer">{t('cases.answerLabel')}</label>
          {error ? <p class="error-message" id="answer-error">{error}</p> : null}
          <textarea id="filter-answer" name="answer" rows={6} maxLength={MAX_CASE_TEXT} aria-describedby={error ? 'answer-error' : undefined}>{view.values['answer'] ?? ''}</textarea>
        </div>
        <div class={`field${filesError ? ' field-error' : ''}`}>
          <label for="filter-files">{t('cases.answerFiles')}</label>
          <p class="hint" id="files-hint">{t('cases.answerFilesHint', { mb: view.service.form?.maxAttachmentMb ?? 10, n: MAX_ANSWER_FILES })}</p>
          {filesError ? <p class="error-message" id="files-error">{filesError}</p> : null}
          <input type="file" id="filter-files" name="files" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby={filesError ? 'files-hint files-error' : 'files-hint'} />
        </div>
        <button type="submit">{t('cases.sendAnswer')}</button>
      </form>
    </section>
  );
}

function Documents({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('cases.documents')}</h2>
      <ul class="plain-list">
        <li><a href={paths.receipt(lang, view.case.id)}>{t('cases.receipt')}</a></li>
        {view.documents.map((d) => (
          <li key={d.id}>
            <a href={paths.caseDocument(lang, view.case.id, d.id)}>{t(`document.${d.kind === 'decision-refused' ? 'decision-refused' : d.kind === 'silent-consent' ? 'silent-consent' : 'decision-granted'}`)} {d.number} (PDF)</a>
            {' · '}<a href={paths.verify(lang, d.id)}>{t('cases.verifyLink')}</a>
            {d.status === 'revoked' ? <strong> · {t('verify.revoked')}</strong> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Requests({ ctx, caseId, requests, attachments }: { ctx: PageContext; caseId: string; requests: readonly InformationRequest[]; attachments: readonly Attachment[] }) {
  const { t, lang } = ctx;
  const filesOf = (requestId: string) => attachments.filter((a) => a.requestId === requestId);
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('cases.requests')}</h2>
      <dl class="summary-list">
        {requests.map((r) => (
          <div class="summary-row" key={r.id}>
            <dt>{formatInstant(r.askedAt, lang)}: {r.question}</dt>
            <dd>
              {r.answer ?? t('cases.notAnswered')}
              {filesOf(r.id).length > 0 ? (
                <ul class="plain-list" aria-label={t('cases.answerFilesSent')}>
                  {filesOf(r.id).map((a) => <li key={a.id}><a href={paths.caseAttachment(lang, caseId, a.id)}>{a.filename}</a></li>)}
                </ul>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Answers({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const form = view.service.form;
  if (form === undefined) {
    return null;
  }
  const answers = pruneHidden(form, view.case.answers);
  return (
    <details class="answers">
      <summary>{t('cases.yourAnswers')}</summary>
      {visiblePages(form, answers).map((page) => (
        <dl class="summary-list" key={page.id} aria-label={page.title[lang]}>
          {visibleFields(page, answers).map((f) => (
            <div class="summary-row" key={f.name}>
              <dt>{f.label[lang]}</dt>
              <dd>
                {f.kind === 'file' && typeof answers[f.name] === 'string'
                  ? <a href={paths.caseAttachment(lang, view.case.id, answers[f.name] as string)}>{answerText(ctx, f, answers[f.name], view.attachments)}</a>
                  : answerText(ctx, f, answers[f.name], view.attachments)}
              </dd>
            </div>
          ))}
        </dl>
      ))}
      <p class="hint">{t('cases.hash', { hash: view.case.answersSha256 })}</p>
    </details>
  );
}

function WithdrawForm({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  return (
    <details class="withdraw">
      <summary>{t('cases.withdrawTitle')}</summary>
      <form method="post" action={paths.caseAction(lang, view.case.id, 'withdraw')}>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <div class="field">
          <label for="filter-reason">{t('cases.withdrawReason')}</label>
          <textarea id="filter-reason" name="reason" rows={3} maxLength={MAX_CASE_TEXT} />
        </div>
        <button type="submit" class="warning">{t('cases.withdraw')}</button>
      </form>
    </details>
  );
}

function RateForm({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const error = view.errors.find((e) => e.field === 'rating')?.message;
  return (
    <form method="post" action={paths.caseAction(lang, view.case.id, 'rate')} novalidate>
      <input type="hidden" name="_csrf" value={view.csrf} />
      <h2>{t('cases.rateTitle')}</h2>
      <fieldset class={`field${error ? ' field-error' : ''}`} id="filter-rating">
        <legend>{t('cases.rateLegend')}</legend>
        {error ? <p class="error-message">{error}</p> : null}
        {[1, 2, 3, 4, 5].map((n) => (
          <div class="radio" key={n}>
            <input type="radio" id={`rating-${n}`} name="rating" value={String(n)} />
            <label for={`rating-${n}`}>{t(`cases.rating${n as 1 | 2 | 3 | 4 | 5}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="filter-comment">{t('cases.rateComment')}</label>
        <textarea id="filter-comment" name="comment" rows={3} maxLength={MAX_CASE_TEXT} />
      </div>
      <button type="submit">{t('cases.rateSend')}</button>
    </form>
  );
}
