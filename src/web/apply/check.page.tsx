import type { DraftView } from '../../modules/applications/index.ts';
import { type Fee, formatMoney } from '../../modules/cases/index.ts';
import { type AnswerIssue, pruneHidden, visibleFields, visiblePages } from '../../modules/forms/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { answerText } from '../common/form-fields.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface CheckView {
  readonly draft: DraftView;
  readonly issues: readonly AnswerIssue[];
  readonly fee: Fee;
  readonly idempotencyKey: string;
  readonly errors: readonly FieldError[];
  readonly csrf: string;
}

/** Check your answers: every visible answer with a Change link, what is missing, the fee, the declaration, submit. */
export function CheckPage({ ctx, view }: { ctx: PageContext; view: CheckView }) {
  const { t, lang } = ctx;
  const { draft, service, form, attachments } = view.draft;
  const answers = pruneHidden(form, draft.answers);
  const declarationError = view.errors.find((e) => e.field === 'declaration')?.message;
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('apply.checkTitle')} — ${service.name[lang]}`} searchBox={false}
      crumbs={[{ href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <p class="caption">{service.name[lang]}</p>
      <h1>{t('apply.checkTitle')}</h1>
      {draft.party.kind === 'self' ? null : <p class="notice">{t('apply.forParty', { name: draft.party.name })}</p>}
      {visiblePages(form, answers).map((page) => (
        <section key={page.id} aria-labelledby={`check-${page.id}`}>
          <h2 id={`check-${page.id}`}>{page.title[lang]}</h2>
          <dl class="summary-list">
            {visibleFields(page, answers).map((f) => (
              <div class="summary-row" key={f.name}>
                <dt>{f.label[lang]}</dt>
                <dd>{answerText(ctx, f, answers[f.name], attachments)}</dd>
                <dd><a href={`${paths.applyPage(lang, draft.id, page.id)}#filter-${f.name}`}>{t('apply.change')}<span class="visually-hidden"> {f.label[lang]}</span></a></dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <h2>{t('apply.feeTitle')}</h2>
      <p>{view.fee.status === 'due' ? t('apply.feeDue', { amount: formatMoney(view.fee.amount, lang) }) : view.fee.status === 'exempt' ? t('apply.feeExempt') : t('apply.feeNone')}</p>
      <p>{t('apply.term', { days: service.deadline.days, unit: service.deadline.unit === 'working' ? t('apply.workingDays') : t('apply.calendarDays') })}</p>
      {view.issues.length > 0 ? (
        <div class="notice" role="status">
          <h2>{t('apply.missingTitle')}</h2>
          <ul>{view.issues.map((i) => <li key={i.field}><a href={`${paths.applyPage(lang, draft.id, i.pageId)}#filter-${i.field}`}>{form.pages.flatMap((p) => p.fields).find((f) => f.name === i.field)?.label[lang] ?? i.field}</a></li>)}</ul>
        </div>
      ) : (
        <form method="post" action={paths.applySubmit(lang, draft.id)} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
          <h2>{t('apply.declarationTitle')}</h2>
          <div class={`field${declarationError ? ' field-error' : ''}`}>
            {declarationError ? <p class="error-message" id="declaration-error">{declarationError}</p> : null}
            <div class="checkbox">
              <input type="checkbox" id="filter-declaration" name="declaration" value="yes" aria-describedby={declarationError ? 'declaration-error' : undefined} />
              <label for="filter-declaration">{form.declaration?.[lang] ?? t('apply.declaration')}</label>
            </div>
          </div>
          <button type="submit">{view.fee.status === 'due' ? t('apply.submitAndPay') : t('apply.submit')}</button>
        </form>
      )}
      <form method="post" action={paths.applyDiscard(lang, draft.id)}>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <button type="submit" class="link-button">{t('apply.discard')}</button>
      </form>
    </Layout>
  );
}
