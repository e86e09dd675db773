import { paths } from './paths.ts';
import { Layout, type PageContext } from './layout.tsx';

/**
 * A refusal at the edge, in the page's language: what was wrong with the request (too large, a bad
 * character, a field sent twice), and the way back to the form the person came from.
 */
export function EdgePage({ ctx, title, texts, back }: { ctx: PageContext; title: string; texts: readonly string[]; back: string | null }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={title} searchBox={false}>
      <div class="govuk-error-summary" role="alert" aria-labelledby="edge-title">
        <h1 class="govuk-error-summary__title" id="edge-title">{title}</h1>
        <div class="govuk-error-summary__body">
          {texts.map((text) => <p class="govuk-body" key={text}>{text}</p>)}
        </div>
      </div>
      {back === null ? null : <p class="govuk-body"><a class="govuk-link" href={back}>{t('edge.back')}</a></p>}
      <p class="govuk-body"><a class="govuk-link" href={paths.home(lang)}>{t('breadcrumbs.home')}</a></p>
    </Layout>
  );
}
