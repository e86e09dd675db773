import { formatMoney, type PaymentMismatch } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface PaymentsView {
  readonly from: string;
  readonly to: string;
  readonly mismatches: readonly PaymentMismatch[] | null;
  readonly errors: readonly FieldError[];
}

const side = (ctx: PageContext, p: { status: string; amount: number } | undefined) => (p === undefined ? '—' : `${p.status}, ${formatMoney(p.amount, ctx.lang)}`);

/** Reconciliation: the portal's payments of a period against the payment service's list, mismatches only. */
export function OfficePaymentsPage({ ctx, view }: { ctx: PageContext; view: PaymentsView }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.payments.title')} searchBox={false} crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1>{t('office.payments.title')}</h1>
      <p class="lead">{t('office.payments.lead')}</p>
      <form method="get" action={paths.officePayments(lang)} class="office-filters">
        <div class={`field${view.errors.length > 0 ? ' field-error' : ''}`}>
          <label for="filter-from">{t('office.payments.from')}</label>
          <input id="filter-from" name="from" type="date" value={view.from} />
        </div>
        <div class="field">
          <label for="filter-to">{t('office.payments.to')}</label>
          <input id="filter-to" name="to" type="date" value={view.to} />
        </div>
        <button type="submit" class="secondary">{t('office.payments.show')}</button>
      </form>
      {view.mismatches === null ? null : view.mismatches.length === 0 ? <p role="status">{t('office.payments.none')}</p> : (
        <table class="data">
          <caption>{t('office.payments.caption')}</caption>
          <thead><tr><th scope="col">{t('office.payments.kind')}</th><th scope="col">{t('office.payments.case')}</th><th scope="col">{t('office.payments.portal')}</th><th scope="col">{t('office.payments.provider')}</th></tr></thead>
          <tbody>
            {view.mismatches.map((m, i) => {
              const local = 'local' in m ? m.local : undefined;
              const remote = 'remote' in m ? m.remote : undefined;
              return (
                <tr key={i}>
                  <th scope="row">{t(`office.payments.kind.${m.kind}`)}</th>
                  <td>{local?.caseNumber ?? remote?.paymentId ?? ''}</td>
                  <td>{side(ctx, local)}</td>
                  <td>{side(ctx, remote)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
