import { paths } from './paths.ts';
import { Layout, type PageContext, SearchForm } from './layout.tsx';

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('notFound.title')} searchBox={false}>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>{t('notFound.search')}</p>
      <SearchForm ctx={ctx} id="not-found-search" />
      <p><a href={paths.home(lang)}>{t('breadcrumbs.home')}</a></p>
    </Layout>
  );
}

export function ServerErrorPage({ ctx, reference }: { ctx: PageContext; reference: string }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('serverError.title')} searchBox={false}>
      <h1>{t('serverError.title')}</h1>
      <p>{t('serverError.text', { id: reference })}</p>
      <p><a href={paths.home(lang)}>{t('breadcrumbs.home')}</a></p>
    </Layout>
  );
}

export function BadRequestPage({ ctx, messages }: { ctx: PageContext; messages: readonly string[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('badRequest.title')} searchBox={false}>
      <div class="error-summary" role="alert" aria-labelledby="bad-request-title">
        <h1 id="bad-request-title">{t('badRequest.title')}</h1>
        <ul>{messages.map((m) => <li key={m}>{m}</li>)}</ul>
      </div>
      <p><a href={paths.home(lang)}>{t('breadcrumbs.home')}</a></p>
    </Layout>
  );
}

export function UnavailablePage({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('unavailable.title')} searchBox={false}>
      <h1>{t('unavailable.title')}</h1>
      <p>{t('unavailable.text')}</p>
      <p>{t('unavailable.retry')}</p>
      <p><a href={paths.home(lang)}>{t('breadcrumbs.home')}</a></p>
    </Layout>
  );
}
