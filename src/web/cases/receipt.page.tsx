import type { Service } from '../../modules/catalogue/index.ts';
import { type CaseRecord, formatMoney } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';

/** The receipt: the application was received, its number, when, the fee and the hash of what was submitted. */
export function ReceiptPage({ ctx, c, service, organisationName }: { ctx: PageContext; c: CaseRecord; service: Service; organisationName: string }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('receipt.title', { number: c.number })} searchBox={false} crumbs={[{ href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <div class="panel-confirmation">
        <h1>{t('receipt.heading')}</h1>
        <p>{t('receipt.numberLabel')}<br /><strong class="case-number">{c.number}</strong></p>
      </div>
      <dl class="summary-list">
        <div class="summary-row"><dt>{t('cases.service')}</dt><dd>{service.name[lang]}</dd></div>
        <div class="summary-row"><dt>{t('receipt.agency')}</dt><dd>{organisationName}</dd></div>
        <div class="summary-row"><dt>{t('cases.submitted')}</dt><dd>{formatInstant(c.submittedAt, lang)}</dd></div>
        <div class="summary-row"><dt>{t('receipt.applicant')}</dt><dd>{c.applicantName}{c.party.kind === 'self' ? '' : ` (${t('receipt.onBehalf', { name: c.party.name })})`}</dd></div>
        <div class="summary-row"><dt>{t('receipt.fee')}</dt><dd>{c.feeStatus === 'none' ? t('apply.feeNone') : c.feeStatus === 'exempt' ? t('apply.feeExempt') : formatMoney(c.feeAmount, lang)}</dd></div>
        <div class="summary-row"><dt>{t('cases.due')}</dt><dd>{c.dueOn === null ? t('receipt.dueAfterPayment') : formatDay(c.dueOn, lang)}</dd></div>
        <div class="summary-row"><dt>{t('receipt.hash')}</dt><dd><code class="hash">{c.answersSha256}</code></dd></div>
      </dl>
      <p><a href={paths.receiptPdf(lang, c.id)}>{t('receipt.download')}</a></p>
      <p><a class="button" href={paths.myCase(lang, c.id)}>{c.state === 'awaiting-payment' ? t('receipt.goPay') : t('receipt.follow')}</a></p>
    </Layout>
  );
}
