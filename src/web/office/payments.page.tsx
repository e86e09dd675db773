import { formatMoney, type PaymentMismatch } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Button, TableScroll } from '../common/govuk.tsx';
import { DateInput } from '../common/inputs.tsx';
import { errorOf } from './fields.tsx';
import type { PaymentsPeriod } from './payments.view.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { formatDay, formatTime } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface PaymentsView extends PaymentsPeriod {
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
      <form method="get" action={paths.officePayments(lang)} novalidate>
        <div class="app-office-period">
          <DateInput t={t} name="from" legend={t('office.payments.from')} value={view.fromParts} problem={view.problems.from} error={errorOf(view.errors, 'from')} />
          <DateInput t={t} name="to" legend={t('office.payments.to')} value={view.toParts} problem={view.problems.to} error={errorOf(view.errors, 'to')} />
        </div>
        <Button kind="secondary">{t('office.payments.show')}</Button>
      </form>
      {view.mismatches === null || view.from === null || view.to === null ? null : view.mismatches.length === 0 ? (
        <div class="govuk-inset-text" role="status">
          <p class="govuk-body govuk-!-font-weight-bold">{t('office.payments.none')}</p>
          <p class="govuk-body">{t('office.payments.checked', { period: t('office.payments.period', { from: formatDay(lang, view.from), to: formatDay(lang, view.to) }) })}</p>
        </div>
      ) : (
        <TableScroll label={t('office.payments.caption')}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{t('office.payments.caption')}: {t('office.payments.period', { from: formatDay(lang, view.from), to: formatDay(lang, view.to) })}</caption>
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
        </TableScroll>
      )}
    </Layout>
  );
}
