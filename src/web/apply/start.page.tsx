import type { Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError, formatTerm, feeSummary } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

/** The start page of an online application: what you will need, the fee, the term, for whom — then Start. */
export function ApplyStartPage({ ctx, service, actingName, csrf, errors = [] }: { ctx: PageContext; service: Service; actingName: string; csrf: string; errors?: readonly FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('apply.start')}: ${service.name[lang]}`} searchBox={false} crumbs={[{ href: paths.service(lang, service.id), label: service.name[lang] }]}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 class="govuk-heading-l">{service.name[lang]}</h1>
      <p class="govuk-body-l">{t('apply.startHint')}</p>
      <h2 class="govuk-heading-m">{t('service.documents')}</h2>
      <ul class="govuk-list govuk-list--bullet">{service.evidence.map((e) => <li key={e.id}>{e.name[lang]}{e.optional === true ? ` ${t('service.optional')}` : ''}</li>)}</ul>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt class="govuk-summary-list__key">{t('apply.feeTitle')}</dt>
          <dd class="govuk-summary-list__value">{feeSummary(t, service)}</dd>
        </div>
        <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt class="govuk-summary-list__key">{t('service.deadline')}</dt>
          <dd class="govuk-summary-list__value">{formatTerm(t, service.deadline)}</dd>
        </div>
      </dl>
      <form method="post" action={paths.apply(lang, service.id)}>
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="govuk-body">{t('apply.startFor', { name: actingName })}</p>
        <button type="submit" class="govuk-button govuk-button--start" id="filter-start">{t('apply.startButton')}</button>
      </form>
    </Layout>
  );
}
