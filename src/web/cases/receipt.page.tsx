import type { ComponentChildren } from 'preact';

import type { Service } from '../../modules/catalogue/index.ts';
import { type CaseRecord, formatMoney } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { formatTerm } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { HashText } from './case-parts.tsx';

/** The receipt: the application was received, its number, when and through which channel, the fee, the term and the hash of what was submitted. */
export function ReceiptPage({ ctx, c, service, organisationName }: { ctx: PageContext; c: CaseRecord; service: Service; organisationName: string }) {
  const { t, lang } = ctx;
  const row = (key: string, value: ComponentChildren) => (
    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{key}</dt><dd class="govuk-summary-list__value">{value}</dd></div>
  );
  return (
    <Layout ctx={ctx} title={t('receipt.title', { number: c.number })} searchBox={false} crumbs={[{ href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">{t('receipt.heading')}</h1>
        <div class="govuk-panel__body">{t('receipt.numberLabel')}<br /><strong>{c.number}</strong></div>
      </div>
      <dl class="govuk-summary-list">
        {row(t('cases.service'), service.name[lang])}
        {row(t('receipt.agency'), organisationName)}
        {row(t('cases.submitted'), formatInstant(c.submittedAt, lang))}
        {row(t('receipt.channel'), t(`channel.case.${c.channel}`))}
        {row(t('receipt.applicant'), `${c.applicantName}${c.party.kind === 'self' ? '' : ` (${t('receipt.onBehalf', { name: c.party.name })})`}`)}
        {row(t('receipt.fee'), c.feeStatus === 'none' ? t('apply.feeNone') : c.feeStatus === 'exempt' ? t('apply.feeExempt') : formatMoney(c.feeAmount, lang))}
        {row(t('receipt.term'), formatTerm(t, c.term))}
        {row(t('cases.due'), c.dueOn === null ? t('receipt.dueAfterPayment') : formatDay(c.dueOn, lang))}
        {row(t('receipt.hash'), <HashText hash={c.answersSha256} />)}
      </dl>
      <p class="govuk-body"><a class="govuk-link" href={paths.receiptPdf(lang, c.id)}>{t('receipt.download')}</a></p>
      <p class="govuk-body"><a class="govuk-button" href={paths.myCase(lang, c.id)}>{c.state === 'awaiting-payment' ? t('receipt.goPay') : t('receipt.follow')}</a></p>
    </Layout>
  );
}
