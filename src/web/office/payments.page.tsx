import { formatMoney, type PaymentMismatch } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { formatDay, formatTime } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface PaymentsView {
  readonly from: string;
  readonly to: string;
  readonly mismatches: readonly PaymentMismatch[] | null;
  readonly errors: readonly FieldError[];
  readonly nav: OfficeNavItems;
}

type PaymentState = 'pending' | 'paid' | 'declined' | 'abandoned';
const side = (ctx: PageContext, p: { status: PaymentState; amount: number } | undefined) =>
  (p === undefined ? '—' : `${ctx.t(`office.payments.status.${p.status}`)}, ${formatMoney(p.amount, ctx.lang)}`);

/** The provider's time of a transaction, in the page's language; as sent when it is not a date. */
const formatWhen = (lang: PageContext['lang'], at: string): string => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : formatTime(lang, date);
};

/** Reconciliation: the portal's payments of a period against the payment service's list, mismatches only. */
export function OfficePaymentsPage({ ctx, view }: { ctx: PageContext; view: PaymentsView }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.payments.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="payments" />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1 class="govuk-heading-l">{t('office.payments.title')}</h1>
      <p class="govuk-body-l">{t('office.payments.lead')}</p>
      <form method="get" action={paths.officePayments(lang)}>
        <div class={`govuk-form-group${view.errors.length > 0 ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="filter-from">{t('office.payments.from')}</label>
          <input class="govuk-input govuk-input--width-10" id="filter-from" name="from" type="date" value={view.from} />
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="filter-to">{t('office.payments.to')}</label>
          <input class="govuk-input govuk-input--width-10" id="filter-to" name="to" type="date" value={view.to} />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('office.payments.show')}</button>
      </form>
      {view.mismatches === null ? null : view.mismatches.length === 0 ? (
        <p class="govuk-body" role="status">{t('office.payments.none')} {t('office.payments.period', { from: formatDay(lang, view.from), to: formatDay(lang, view.to) })}</p>
      ) : (
        <div class="app-table-scroll" role="region" aria-labelledby="payments-caption" tabIndex={0}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m" id="payments-caption">{t('office.payments.caption')}: {t('office.payments.period', { from: formatDay(lang, view.from), to: formatDay(lang, view.to) })}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">{t('office.payments.kind')}</th><th scope="col" class="govuk-table__header">{t('office.payments.case')}</th><th scope="col" class="govuk-table__header">{t('office.payments.portal')}</th><th scope="col" class="govuk-table__header">{t('office.payments.provider')}</th></tr></thead>
          <tbody class="govuk-table__body">
            {view.mismatches.map((m, i) => {
              const local = 'local' in m ? m.local : undefined;
              const remote = 'remote' in m ? m.remote : undefined;
              return (
                <tr class="govuk-table__row" key={i}>
                  <th scope="row" class="govuk-table__header">{t(`office.payments.kind.${m.kind}`)}</th>
                  <td class="govuk-table__cell app-nowrap">{local?.caseNumber ?? remote?.paymentId ?? ''}</td>
                  <td class="govuk-table__cell">{side(ctx, local)}</td>
                  <td class="govuk-table__cell">{side(ctx, remote)}{remote === undefined ? null : <><br /><span class="govuk-hint govuk-!-margin-bottom-0">{formatWhen(lang, remote.updatedAt)}</span></>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
    </Layout>
  );
}
