import { paths } from './paths.ts';
import { Layout, type PageContext, SearchForm } from './layout.tsx';

const Home = ({ ctx }: { ctx: PageContext }) => (
  <p class="govuk-body"><a class="govuk-link" href={paths.home(ctx.lang)}>{ctx.t('breadcrumbs.home')}</a></p>
);

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notFound.title')} searchBox={false}>
      <h1 class="govuk-heading-l">{t('notFound.title')}</h1>
      <p class="govuk-body">{t('notFound.text')}</p>
      <p class="govuk-body">{t('notFound.search')}</p>
      <SearchForm ctx={ctx} id="not-found-search" />
      <Home ctx={ctx} />
    </Layout>
  );
}

export function ServerErrorPage({ ctx, reference }: { ctx: PageContext; reference: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serverError.title')} searchBox={false}>
      <h1 class="govuk-heading-l">{t('serverError.title')}</h1>
      <p class="govuk-body app-break-anywhere">{t('serverError.text', { id: reference })}</p>
      <Home ctx={ctx} />
    </Layout>
  );
}

export function BadRequestPage({ ctx, messages }: { ctx: PageContext; messages: readonly string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('badRequest.title')} searchBox={false}>
      <div class="govuk-error-summary" role="alert" aria-labelledby="bad-request-title">
        <h1 class="govuk-error-summary__title" id="bad-request-title">{t('badRequest.title')}</h1>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list app-break-anywhere">{messages.map((m) => <li key={m}>{m}</li>)}</ul>
        </div>
      </div>
      <Home ctx={ctx} />
    </Layout>
  );
}

export function UnavailablePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('unavailable.title')} searchBox={false}>
      <h1 class="govuk-heading-l">{t('unavailable.title')}</h1>
      <p class="govuk-body">{t('unavailable.text')}</p>
      <p class="govuk-body">{t('unavailable.retry')}</p>
      <Home ctx={ctx} />
    </Layout>
  );
}
