import type { Attachment } from '../../modules/applications/index.ts';
import { type InformationRequest, MAX_CASE_TEXT } from '../../modules/cases/index.ts';
import { pruneHidden, visibleFields, visiblePages } from '../../modules/forms/index.ts';
import { paths } from '../common/paths.ts';
import { formatInstant } from '../common/dates.ts';
import { answerText } from '../common/form-fields.tsx';
import { Radios, Textarea } from '../common/inputs.tsx';
import type { PageContext } from '../common/layout.tsx';
import type { CaseView } from './case.page.tsx';

/** The parts of the case page below its status: questions and answers, the application's answers, withdrawing and rating. */
export function Requests({ ctx, caseId, requests, attachments }: { ctx: PageContext; caseId: string; requests: readonly InformationRequest[]; attachments: readonly Attachment[] }) {
  const { t, lang } = ctx;
  const filesOf = (requestId: string) => attachments.filter((a) => a.requestId === requestId);
  return (
    <section aria-labelledby="requests-title">
      <h2 class="govuk-heading-m" id="requests-title">{t('cases.requests')}</h2>
      <dl class="govuk-summary-list">
        {requests.map((r) => (
          <div class="govuk-summary-list__row" key={r.id}>
            <dt class="govuk-summary-list__key">{formatInstant(r.askedAt, lang)}: {r.question}</dt>
            <dd class="govuk-summary-list__value">
              {r.answer ?? t('cases.notAnswered')}
              {filesOf(r.id).length > 0 ? (
                <ul class="govuk-list" aria-label={t('cases.answerFilesSent')}>
                  {filesOf(r.id).map((a) => <li key={a.id}><a class="govuk-link" href={paths.caseAttachment(lang, caseId, a.id)}>{a.filename}</a></li>)}
                </ul>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Answers({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const form = view.service.form;
  if (form === undefined) {
    return null;
  }
  const answers = pruneHidden(form, view.case.answers);
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t('cases.yourAnswers')}</span></summary>
      <div class="govuk-details__text">
      {visiblePages(form, answers).map((page) => (
        <dl class="govuk-summary-list" key={page.id} aria-label={page.title[lang]}>
          {visibleFields(page, answers).map((f) => (
            <div class="govuk-summary-list__row" key={f.name}>
              <dt class="govuk-summary-list__key">{f.label[lang]}</dt>
              <dd class="govuk-summary-list__value">
                {f.kind === 'file' && typeof answers[f.name] === 'string'
                  ? <a class="govuk-link" href={paths.caseAttachment(lang, view.case.id, answers[f.name] as string)}>{answerText(ctx, f, answers[f.name], view.attachments)}</a>
                  : answerText(ctx, f, answers[f.name], view.attachments)}
              </dd>
            </div>
          ))}
        </dl>
      ))}
      <p class="govuk-hint">{t('cases.hash', { hash: '' })}<HashText hash={view.case.answersSha256} /></p>
      </div>
    </details>
  );
}

export function WithdrawForm({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t('cases.withdrawTitle')}</span></summary>
      <form class="govuk-details__text" method="post" action={paths.caseAction(lang, view.case.id, 'withdraw')}>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <Textarea t={t} name="reason" label={t('cases.withdrawReason')} rows={3} maxLength={MAX_CASE_TEXT} />
        <button type="submit" class="govuk-button govuk-button--warning">{t('cases.withdraw')}</button>
      </form>
    </details>
  );
}

export function RateForm({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const error = view.errors.find((e) => e.field === 'rating')?.message;
  return (
    <form method="post" action={paths.caseAction(lang, view.case.id, 'rate')} novalidate>
      <input type="hidden" name="_csrf" value={view.csrf} />
      <h2 class="govuk-heading-m">{t('cases.rateTitle')}</h2>
      <Radios t={t} name="rating" legend={t('cases.rateLegend')} error={error} small
        options={([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: t(`cases.rating${n}`) }))} />
      <Textarea t={t} name="comment" label={t('cases.rateComment')} rows={3} maxLength={MAX_CASE_TEXT} />
      <button type="submit" class="govuk-button">{t('cases.rateSend')}</button>
    </form>
  );
}

/** A long hash that may break every 16 characters (a word break, not a space: copying it gives it whole). */
export function HashText({ hash }: { hash: string }) {
  const parts = hash.match(/.{1,16}/g) ?? [];
  return <code>{parts.flatMap((p, i) => (i > 0 ? [<wbr key={`b${i}`} />, p] : [p]))}</code>;
}
