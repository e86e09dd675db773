import { Layout, type PageContext } from '../common/layout.tsx';

/** A static page: no data behind it. It also serves as the in-process ceiling in the benchmarks. */
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accessibility.title')}>
      <h1>{t('accessibility.title')}</h1>
      <p class="lead">{t('accessibility.intro')}</p>
      <p>{t('accessibility.standard')}</p>
      <p>{t('accessibility.channels')}</p>
      <p>{t('accessibility.feedback')}</p>
    </Layout>
  );
}
