import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError, Select, TextInput } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import type { TextKey } from '../locales/messages.ts';
import { SearchResults } from './search-results.tsx';
import { chosenFilters, type ChosenFilter, type FilterGroup, filterGroups, filterInput, type FilterName, FILTER_NAMES, type SearchView } from './search.view.ts';

export type { SearchView } from './search.view.ts';

const GROUP_LABEL: Record<FilterName, TextKey> = {
  audience: 'filter.audience',
  agency: 'filter.agency',
  event: 'filter.event',
  channel: 'filter.channel',
  online: 'filter.online',
};

/** The search page: the words on top, filters in a third beside the results on wide screens, above them on small. */
export function SearchResultsPage({ ctx, view }: { ctx: PageContext; view: SearchView }) {
  const { t } = ctx;
  const q = view.values['q'] ?? '';
  const title = q && view.errors.length === 0 ? t('results.titleFor', { q }) : t('results.title');
  const input = filterInput(ctx.lang, view);
  const groups = filterGroups(t, input);
  const chosen = chosenFilters(t, input);
  return (
    <Layout ctx={ctx} title={title} searchBox={false} crumbs={[]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1 class="govuk-heading-l">{title}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <WordsForm ctx={ctx} view={view} />
        </div>
      </div>
      <div class="govuk-grid-row">
        {groups.length > 0 || chosen.length > 0 ? (
          <div class="govuk-grid-column-one-third">
            <FiltersForm ctx={ctx} view={view} groups={groups} chosen={chosen} />
          </div>
        ) : null}
        <div class="govuk-grid-column-two-thirds">
          {view.result ? <SearchResults ctx={ctx} view={view} result={view.result} /> : null}
        </div>
      </div>
    </Layout>
  );
}

function WordsForm({ ctx, view }: { ctx: PageContext; view: SearchView }) {
  const { t, lang } = ctx;
  const error = view.errors.find((e) => e.field === 'q')?.message;
  return (
    <form action={paths.search(lang)} method="get" role="search">
      <TextInput t={t} name="q" size="m" label={t('search.label')} hint={t('search.placeholderHint')} error={error} type="search" value={view.values['q'] ?? ''} maxLength={200} spellcheck={false} />
      {FILTER_NAMES.map((name) => (view.values[name] ? <input key={name} type="hidden" name={name} value={view.values[name]} /> : null))}
      <button type="submit" class="govuk-button">{t('search.button')}</button>
    </form>
  );
}

function FiltersForm({ ctx, view, groups, chosen }: { ctx: PageContext; view: SearchView; groups: readonly FilterGroup[]; chosen: readonly ChosenFilter[] }) {
  const { t, lang } = ctx;
  const q = view.values['q'] ?? '';
  return (
    <form action={paths.search(lang)} method="get" class="app-search-filters" aria-labelledby="filters-heading">
      <h2 class="govuk-heading-m" id="filters-heading">{t('results.filters')}</h2>
      {chosen.length > 0 ? (
        <>
          <h3 class="govuk-heading-s">{t('results.selected')}</h3>
          <ul class="govuk-list" id="chosen-filters">
            {chosen.map((c) => (
              <li key={c.name}><a class="govuk-link" href={c.removeHref}>{t('results.removeFilter')}: {c.label}</a></li>
            ))}
          </ul>
        </>
      ) : null}
      {q ? <input type="hidden" name="q" value={q} /> : null}
      {groups.map((g) => <FilterSelect key={g.name} ctx={ctx} group={g} errors={view.errors} />)}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary">{t('results.apply')}</button>
        {chosen.length > 0 ? <a class="govuk-link" href={paths.search(lang, { q: q || undefined })}>{t('results.clear')}</a> : null}
      </div>
    </form>
  );
}

function FilterSelect({ ctx, group, errors }: { ctx: PageContext; group: FilterGroup; errors: readonly FieldError[] }) {
  const { t } = ctx;
  const options = group.options.map((o) => ({ value: o.value, label: o.count === null ? o.label : t('results.filterCount', { label: o.label, count: o.count }) }));
  return (
    <Select t={t} name={group.name} size="s" label={t(GROUP_LABEL[group.name])} error={errors.find((e) => e.field === group.name)?.message} fullWidth
      choose={t('results.any')} options={options} value={group.options.find((o) => o.selected)?.value} />
  );
}
