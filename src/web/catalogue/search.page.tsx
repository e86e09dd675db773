import type { CatalogueEvent, FacetCounts, Organisation, SearchPage } from '../../modules/catalogue/index.ts';
import { AUDIENCES, CHANNEL_TYPES } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError, ServiceList } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface SearchView {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
  readonly result: SearchPage | null;
  readonly page: number;
  readonly pageSize: number;
  readonly organisations: readonly Organisation[];
  readonly events: readonly CatalogueEvent[];
}

interface Option {
  readonly value: string;
  readonly label: string;
}

export function SearchResultsPage({ ctx, view }: { ctx: PageContext; view: SearchView }) {
  const { t, lang } = ctx;
  const q = view.values['q'] ?? '';
  const title = q && view.errors.length === 0 ? t('results.titleFor', { q }) : t('results.title');
  const facets = view.result?.facets;
  const count = (facet: keyof FacetCounts, value: string) => facets?.[facet].find((f) => f.value === value)?.count ?? 0;
  const filters: Array<{ name: string; label: string; facet: keyof FacetCounts; options: Option[] }> = [
    { name: 'audience', label: t('filter.audience'), facet: 'audience', options: AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) })) },
    { name: 'agency', label: t('filter.agency'), facet: 'organisation', options: view.organisations.map((o) => ({ value: o.id, label: o.name[lang] })) },
    { name: 'event', label: t('filter.event'), facet: 'event', options: view.events.map((e) => ({ value: e.id, label: e.name[lang] })) },
    { name: 'channel', label: t('filter.channel'), facet: 'channel', options: CHANNEL_TYPES.map((c) => ({ value: c, label: t(`channel.${c}`) })) },
    { name: 'online', label: t('filter.online'), facet: 'online', options: [{ value: 'yes', label: t('filter.onlineYes') }, { value: 'no', label: t('filter.onlineNo') }] },
  ];
  const facetValue = (name: string, value: string) => (name === 'online' ? (value === 'yes' ? 'true' : 'false') : value);
  return (
    <Layout ctx={ctx} title={title} searchBox={false} crumbs={[]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1>{title}</h1>
      <form class="search-page" action={paths.search(lang)} method="get">
        <div class={`field${view.errors.some((e) => e.field === 'q') ? ' field-error' : ''}`}>
          <label for="filter-q" class="search-label">{t('search.label')}</label>
          <p class="hint" id="filter-q-hint">{t('search.placeholderHint')}</p>
          <FieldMessage errors={view.errors} field="q" />
          <div class="search-row">
            <input id="filter-q" name="q" type="search" value={q} maxLength={200} aria-describedby="filter-q-hint" />
            <button type="submit">{t('search.button')}</button>
          </div>
        </div>
        <fieldset class="filters">
          <legend>{t('results.filters')}</legend>
          {filters.map((f) => (
            <div key={f.name} class={`field${view.errors.some((e) => e.field === f.name) ? ' field-error' : ''}`}>
              <label for={`filter-${f.name}`}>{f.label}</label>
              <FieldMessage errors={view.errors} field={f.name} />
              <select id={`filter-${f.name}`} name={f.name}>
                <option value="">{t('results.any')}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value} selected={view.values[f.name] === o.value}>
                    {view.result ? `${o.label} (${count(f.facet, facetValue(f.name, o.value))})` : o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" class="secondary">{t('results.apply')}</button>{' '}
          <a href={paths.search(lang, { q: q || undefined })}>{t('results.clear')}</a>
        </fieldset>
      </form>
      {view.result ? <Results ctx={ctx} view={view} result={view.result} /> : null}
    </Layout>
  );
}

function FieldMessage({ errors, field }: { errors: readonly FieldError[]; field: string }) {
  const error = errors.find((e) => e.field === field);
  return error ? <p class="error-message" id={`filter-${field}-error`}>{error.message}</p> : null;
}

/** A page number past the last page of a search that found something (`?page=999`): that page does not exist. */
export const isPastLastPage = (result: Pick<SearchPage, 'total'>, view: Pick<SearchView, 'page' | 'pageSize'>): boolean =>
  result.total > 0 && view.page > Math.ceil(result.total / view.pageSize);

function Results({ ctx, view, result }: { ctx: PageContext; view: SearchView; result: SearchPage }) {
  const { t, lang } = ctx;
  const pages = Math.max(1, Math.ceil(result.total / view.pageSize));
  const link = (page: number) => paths.search(lang, { ...view.values, page: page === 1 ? undefined : page });
  if (isPastLastPage(result, view)) {
    const total = t.plural('results.count', result.total);
    return (
      <section aria-labelledby="results-count">
        <h2 id="results-count" class="results-count">
          {pages === 1 ? t('results.pastEndOne', { page: view.page, total }) : t('results.pastEnd', { page: view.page, total, pages })}
        </h2>
        <p><a href={link(pages)}>{t('results.backToLast')}</a></p>
      </section>
    );
  }
  return (
    <section aria-labelledby="results-count">
      <h2 id="results-count" class="results-count">
        {t.plural('results.count', result.total)}
      </h2>
      {result.total === 0 ? <p>{t('results.none')}</p> : <ServiceList ctx={ctx} services={result.items} />}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t('results.pagination')}>
          {view.page > 1 ? <a href={link(view.page - 1)} rel="prev">{t('results.previous')}</a> : null}
          <span>{t('results.page', { page: view.page, pages })}</span>
          {view.page < pages ? <a href={link(view.page + 1)} rel="next">{t('results.next')}</a> : null}
        </nav>
      ) : null}
    </section>
  );
}
