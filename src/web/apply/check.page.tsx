import type { DraftView } from '../../modules/applications/index.ts';
import { type Fee, formatMoney } from '../../modules/cases/index.ts';
import type { AnswerIssue } from '../../modules/forms/index.ts';
import { paths } from '../common/paths.ts';
import { Checkboxes, ErrorSummary, type FieldError, formatTerm } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { type AnswerValue, type CheckRow, checkSections } from './check.view.ts';
import { screenOfField, screenPath } from './screens.view.ts';
import { sourceText } from './sources.view.ts';

export interface CheckView {
  readonly draft: DraftView;
  readonly issues: readonly AnswerIssue[];
  readonly fee: Fee;
  readonly idempotencyKey: string;
  readonly errors: readonly FieldError[];
  readonly csrf: string;
}

function Value({ ctx, value }: { ctx: PageContext; value: AnswerValue }) {
  const { t } = ctx;
  switch (value.kind) {
    case 'text':
      return <>{value.text}</>;
    case 'list':
      return <ul class="govuk-list">{value.items.map((i) => <li key={i}>{i}</li>)}</ul>;
    case 'file':
      return <>{value.name} ({value.size})</>;
    case 'yes':
      return <>{t('apply.yes')}</>;
    case 'no':
      return <>{t('apply.no')}</>;
    case 'missing':
      return <span class="govuk-hint govuk-!-margin-0">{t('apply.notAnswered')}</span>;
    case 'file-missing':
      return <>{t('apply.fileMissing')}</>;
  }
}

function Row({ ctx, row, draftId, source }: { ctx: PageContext; row: CheckRow; draftId: string; source: string | null }) {
  const { t, lang } = ctx;
  return (
    <div class={`govuk-summary-list__row${row.change === null ? ' govuk-summary-list__row--no-actions' : ''}`}>
      <dt class="govuk-summary-list__key">{row.label}</dt>
      <dd class="govuk-summary-list__value"><Value ctx={ctx} value={row.value} />{row.change === null ? <div class="govuk-hint govuk-!-margin-0">{source ?? t('form.fromRegister')}</div> : null}</dd>
      {row.change === null ? null : (
        <dd class="govuk-summary-list__actions">
          <a class="govuk-link" href={`${screenPath(lang, draftId, row.change)}#filter-${row.field}`}>{t('apply.change')}<span class="govuk-visually-hidden"> {row.label}</span></a>
        </dd>
      )}
    </div>
  );
}

/** Check your answers: a summary list per page with Change links, what is missing, the fee, the declaration, submit. */
export function CheckPage({ ctx, view }: { ctx: PageContext; view: CheckView }) {
  const { t, lang } = ctx;
  const { draft, service, form, attachments, locked, sources } = view.draft;
  const sourceOf = (field: string) => {
    const source = sources[field];
    return source === undefined ? null : sourceText(t, lang, source);
  };
  const declarationError = view.errors.find((e) => e.field === 'declaration')?.message;
  const sections = checkSections(form, draft.answers, { files: attachments, locked, lang });
  const missingHref = (i: AnswerIssue) => {
    const screen = screenOfField(form, i.field, draft.answers);
    return `${screen === null ? paths.applyPage(lang, draft.id, i.pageId) : screenPath(lang, draft.id, screen)}#filter-${i.field}`;
  };
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('apply.checkTitle')} — ${service.name[lang]}`} searchBox={false}
      crumbs={[{ href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <span class="govuk-caption-l">{service.name[lang]}</span>
      <h1 class="govuk-heading-l">{t('apply.checkTitle')}</h1>
      {draft.party.kind === 'self' ? null : <p class="govuk-body">{t('apply.forParty', { name: draft.party.name })}</p>}
      {sections.map((s) => (
        <section key={s.pageId} aria-labelledby={`check-${s.pageId}`}>
          <h2 class="govuk-heading-m" id={`check-${s.pageId}`}>{s.title}</h2>
          <dl class="govuk-summary-list govuk-!-margin-bottom-9">{s.rows.map((r) => <Row key={r.field} ctx={ctx} row={r} draftId={draft.id} source={sourceOf(r.field)} />)}</dl>
        </section>
      ))}
      <h2 class="govuk-heading-m">{t('apply.feeTitle')}</h2>
      <p class="govuk-body">{view.fee.status === 'due' ? t('apply.feeDue', { amount: formatMoney(view.fee.amount, lang) }) : view.fee.status === 'exempt' ? t('apply.feeExempt') : t('apply.feeNone')}</p>
      <p class="govuk-body">{t('form.term', { term: formatTerm(t, service.deadline) })}</p>
      {view.issues.length > 0 ? (
        <div class="govuk-warning-text" id="filter-answers">
          <h2 class="govuk-heading-m">{t('apply.missingTitle')}</h2>
          <ul class="govuk-list govuk-list--bullet">{view.issues.map((i) => <li key={i.field}><a class="govuk-link" href={missingHref(i)}>{form.pages.flatMap((p) => p.fields).find((f) => f.name === i.field)?.label[lang] ?? i.field}</a></li>)}</ul>
        </div>
      ) : (
        <form method="post" action={paths.applySubmit(lang, draft.id)} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
          <Checkboxes t={t} name="declaration" legend={t('apply.declarationTitle')} size="m" error={declarationError} small
            options={[{ value: 'yes', label: form.declaration?.[lang] ?? t('apply.declaration') }]} />
          <button type="submit" class="govuk-button">{view.fee.status === 'due' ? t('apply.submitAndPay') : t('apply.submit')}</button>
        </form>
      )}
      <form method="post" action={paths.applyDiscard(lang, draft.id)}>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <button type="submit" class="govuk-button govuk-button--warning">{t('apply.discard')}</button>
      </form>
    </Layout>
  );
}
