import { Layout, type PageContext } from '../common/layout.tsx';

/** The privacy statement: what the portal keeps about whom, and what it does not keep. */
export function PrivacyPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('privacy.title')}>
      <h1 class="govuk-heading-l">{t('privacy.title')}</h1>
      <p class="govuk-body-l">{t('privacy.intro')}</p>
      <p class="govuk-body">{t('privacy.signIn')}</p>
      <p class="govuk-body">{t('privacy.staff')}</p>
      <p class="govuk-body">{t('privacy.feedback')}</p>
      <p class="govuk-body">{t('privacy.rights')}</p>
    </Layout>
  );
}
