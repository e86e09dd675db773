import { Layout, type PageContext } from '../common/layout.tsx';

/** A static page: no data behind it. It also serves as the in-process ceiling in the benchmarks. */
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accessibility.title')}>
      <h1 class="govuk-heading-l">{t('accessibility.title')}</h1>
      <p class="govuk-body-l">{t('accessibility.intro')}</p>
      <p class="govuk-body">{t('accessibility.standard')}</p>
      <p class="govuk-body">{t('accessibility.channels')}</p>
      <p class="govuk-body">{t('accessibility.feedback')}</p>
    </Layout>
  );
}
