import type { ComponentChildren } from 'preact';

import type { Attachment } from '../../modules/applications/index.ts';
import { MAX_CASE_TEXT, formatMoney } from '../../modules/cases/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import type { PageContext } from '../common/layout.tsx';
import { Day, StandingBadge, When, channelLabel, documentKindLabel, formatDay, formatTime, partyText, stateLabel, workflowFor } from './format.tsx';
import { Timeline } from '../common/moj.tsx';
import { eventByline } from '../common/case-actor.ts';
import { isNamed } from '../cases/case.view.ts';
import { Button, Details, type SummaryRow, SummaryList, TableScroll, Tag } from '../common/govuk.tsx';
import { Csrf, ReasonTextarea } from './fields.tsx';
import type { CaseView } from './query.tsx';
import { AttachmentFile } from './attachment-file.tsx';

/** The read-only parts of the case view: the summary, the answers, information requests, history and documents. */

function feeText(t: Translator, c: CaseView['case']): string {
  const amount = formatMoney(c.feeAmount, t.lang);
  switch (c.feeStatus) {
    case 'none':
      return t('office.fee.none');
    case 'due':
      return t('office.fee.due', { amount });
    case 'paid':
      return t('office.fee.paid', { amount });
    case 'exempt':
      return t('office.fee.exempt');
  }
}

export function CaseSummary({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const c = view.case;
  const row = (key: string, value: ComponentChildren): SummaryRow => ({ key, value });
  return (
    <SummaryList t={t} rows={[
      row(t('office.case.service'), view.service.name[lang]),
      row(t('office.case.applicant'), c.applicantName),
      row(t('office.case.party'), partyText(t, c.party)),
      row(t('office.case.state'), stateLabel(workflowFor(view.service), c.state, lang)),
      row(t('office.case.submitted'), <When lang={lang} at={c.submittedAt} />),
      row(t('office.case.channel'), channelLabel(t, c.channel)),
      ...(c.clockPaused
        ? [row(t('office.case.due'), <StandingBadge ctx={ctx} standing={null} paused />)]
        : [
          row(t('office.case.due'), c.dueOn === null ? t('office.case.notStarted') : <Day lang={lang} day={c.dueOn} />),
          row(t('office.col.deadline'), <StandingBadge ctx={ctx} standing={view.standing} paused={false} />),
        ]),
      row(t('office.case.fee'), feeText(t, c)),
      row(t('office.case.assignee'), c.assignedName ?? t('office.unassigned')),
    ]} />
  );
}

const plain = (value: unknown): string => {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
};

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

function AnswerValue({ ctx, caseId, field, value, attachments }: { ctx: PageContext; caseId: string; field: FormField | null; value: unknown; attachments: readonly Attachment[] }) {
  const { t, lang } = ctx;
  const optionLabel = (v: unknown) => field?.options?.find((o) => o.value === v)?.label[lang] ?? plain(v);
  switch (field?.kind) {
    case 'file': {
      const file = attachments.find((a) => a.id === value);
      if (file === undefined) {
        return <>{t('office.answers.missingFile')}</>;
      }
      return <AttachmentFile ctx={ctx} caseId={caseId} file={file} />;
    }
    case 'yes-no':
      return <>{value === true ? t('office.answers.yes') : value === false ? t('office.answers.no') : plain(value)}</>;
    case 'radio':
    case 'select':
      return <>{optionLabel(value)}</>;
    case 'checkboxes':
      return <>{(Array.isArray(value) ? (value as unknown[]) : [value]).map(optionLabel).join(', ')}</>;
    case 'date':
      return <>{formatDay(lang, plain(value))}</>;
    case 'text':
    case 'textarea':
    case 'email':
    case 'tel':
    case 'number':
    case undefined:
      return <span class="app-office-text">{plain(value)}</span>;
  }
}

/** The submitted answers under the form's page titles, each question in the page's language. */
export function Answers({ ctx, view, attachments }: { ctx: PageContext; view: CaseView; attachments: readonly Attachment[] }) {
  const { t, lang } = ctx;
  const answers = view.case.answers;
  const pages = (view.service.form?.pages ?? [])
    .map((page) => ({ page, fields: page.fields.filter((f) => present(answers[f.name])) }))
    .filter((p) => p.fields.length > 0);
  const known = new Set(pages.flatMap((p) => p.fields.map((f) => f.name)));
  const others = Object.keys(answers).filter((k) => !known.has(k) && present(answers[k]));
  const item = (key: string, label: string, field: FormField | null) => (
    <div class="govuk-summary-list__row" key={key}>
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value"><AnswerValue ctx={ctx} caseId={view.case.id} field={field} value={answers[key]} attachments={attachments} /></dd>
    </div>
  );
  return (
    <section aria-labelledby="answers-title">
      <h2 class="govuk-heading-m" id="answers-title">{t('office.answers.title')}</h2>
      {pages.length === 0 && others.length === 0 ? <p class="govuk-body">{t('office.answers.none')}</p> : null}
      {pages.map(({ page, fields }) => (
        <div key={page.id}>
          <h3 class="govuk-heading-s">{page.title[lang]}</h3>
          <dl class="govuk-summary-list">{fields.map((f) => item(f.name, f.label[lang], f))}</dl>
        </div>
      ))}
      {others.length > 0 ? (
        <>
          <h3 class="govuk-heading-s">{t('office.answers.other')}</h3>
          <dl class="govuk-summary-list">{others.map((k) => item(k, k, null))}</dl>
        </>
      ) : null}
    </section>
  );
}

/** Each question put to the applicant, with the answer and its files, as a summary list of its own. */
export function Requests({ ctx, view, attachments }: { ctx: PageContext; view: CaseView; attachments: readonly Attachment[] }) {
  const { t, lang } = ctx;
  const filesOf = (requestId: string) => attachments.filter((a) => a.requestId === requestId);
  return (
    <section aria-labelledby="requests-title">
      <h2 class="govuk-heading-m" id="requests-title">{t('office.requests.title')}</h2>
      {view.requests.length === 0 ? <p class="govuk-body">{t('office.requests.none')}</p> : null}
      {view.requests.map((r) => {
        const files = filesOf(r.id);
        const rows: SummaryRow[] = [
          { key: t('office.requests.question', { date: formatDay(lang, r.askedOn) }), value: <span class="app-office-text">{r.question}</span> },
          r.answer === null
            ? { key: t('office.requests.answerTitle'), value: <><strong>{t('office.requests.waiting')}</strong>{r.answerDueOn === null ? null : ` ${t('office.requests.dueBy', { date: formatDay(lang, r.answerDueOn) })}`}</> }
            : { key: t('office.requests.answer', { date: formatDay(lang, r.answeredOn ?? '') }), value: <span class="app-office-text">{r.answer}</span> },
          ...(files.length === 0 ? [] : [{
            key: t('office.requests.files'),
            value: <ul class="govuk-list">{files.map((a) => <li key={a.id}><AttachmentFile ctx={ctx} caseId={view.case.id} file={a} /></li>)}</ul>,
          }]),
        ];
        return <SummaryList key={r.id} t={t} rows={rows} />;
      })}
    </section>
  );
}

/** The case's history as a timeline (the MoJ pattern), newest first: who moved it from which state to which, when, and why. */
export function History({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const workflow = workflowFor(view.service);
  const ground = (id: string | null) => (id === null ? null : (view.service.refusalGrounds.find((g) => g.id === id)?.text[lang] ?? id));
  return (
    <section aria-labelledby="history-title">
      <h2 class="govuk-heading-m" id="history-title">{t('office.history.title')}</h2>
      <p class="govuk-hint">{t('office.history.caption')}</p>
      <div class="app-office-timeline">
        <Timeline headingLevel={3} items={[...view.events].reverse().map((e) => ({
          title: e.from === e.to && isNamed(e.event) ? t(`cases.event.${e.event}`) : `${stateLabel(workflow, e.from, lang)} → ${stateLabel(workflow, e.to, lang)}`,
          byline: eventByline(t, e, view.case, { names: true }),
          datetime: e.at.toISOString(),
          when: formatTime(lang, e.at),
          children: e.reason === null && e.refusalGroundId === null ? undefined : (
            <>
              {e.reason === null ? null : <p class="govuk-body app-office-text">{e.reason}</p>}
              {e.refusalGroundId === null ? null : <p class="govuk-body">{t('office.history.ground', { ground: ground(e.refusalGroundId) ?? '' })}</p>}
            </>
          ),
        }))} />
      </div>
    </section>
  );
}

export function Documents({ ctx, view, csrf }: { ctx: PageContext; view: CaseView; csrf: string }) {
  const { t, lang } = ctx;
  const revocable = view.canRevoke ? view.documents.filter((d) => d.status === 'valid') : [];
  return (
    <section aria-labelledby="documents-title">
      <h2 class="govuk-heading-m" id="documents-title">{t('office.documents.title')}</h2>
      {view.documents.length === 0 ? (
        <p class="govuk-body">{t('office.documents.none')}</p>
      ) : (
        <TableScroll label={t('office.documents.caption')}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t('office.documents.caption')}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t('office.documents.kind')}</th>
                <th scope="col" class="govuk-table__header">{t('office.documents.number')}</th>
                <th scope="col" class="govuk-table__header">{t('office.documents.issued')}</th>
                <th scope="col" class="govuk-table__header">{t('office.documents.status')}</th>
                <th scope="col" class="govuk-table__header">{t('office.documents.links')}</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {view.documents.map((d) => (
                <tr class="govuk-table__row" key={d.id}>
                  <th scope="row" class="govuk-table__header">{documentKindLabel(t, d.kind)}</th>
                  <td class="govuk-table__cell app-nowrap">{d.number}</td>
                  <td class="govuk-table__cell"><When lang={lang} at={d.issuedAt} /></td>
                  <td class="govuk-table__cell"><Tag colour={d.status === 'valid' ? 'green' : 'red'}>{d.status === 'valid' ? t('office.documents.valid') : t('office.documents.revoked')}</Tag></td>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={paths.officeDocument(lang, d.id)} type="application/pdf">{t('office.documents.download', { number: d.number })}</a>
                    <br /><a class="govuk-link" href={paths.verify(lang, d.id)}>{t('office.documents.verify', { number: d.number })}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {revocable.map((d) => (
        <Details key={d.id} summary={t('office.documents.revoke', { number: d.number })}>
          <form method="post" action={paths.officeRevokeDocument(lang, d.id)} novalidate>
            <Csrf token={csrf} />
            <ReasonTextarea t={t} field={`revoke-${d.id}`} name="reason" label={t('office.documents.revokeReason', { number: d.number })} value="" rows={2} maxLength={MAX_CASE_TEXT} required />
            <Button kind="warning">{t('office.documents.revoke', { number: d.number })}</Button>
          </form>
        </Details>
      ))}
    </section>
  );
}
