import type { Lang } from '../../kernel/text.ts';
import type { CatalogueEvent, FacetCounts, Organisation, SearchPage } from '../../modules/catalogue/index.ts';
import { AUDIENCES, CHANNEL_TYPES } from '../../modules/catalogue/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';

export interface SearchView {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  readonly result: SearchPage | null;
  readonly page: number;
  readonly pageSize: number;
  readonly organisations: readonly Organisation[];
  readonly events: readonly CatalogueEvent[];
  /** Corrected spellings that find something, offered when the search found nothing. */
  readonly spellings: ReadonlyArray<{ readonly text: string; readonly total: number }>;
}

/** A page number past the last page of a search that found something (`?page=999`): that page does not exist. */
export const isPastLastPage = (result: Pick<SearchPage, 'total'>, view: Pick<SearchView, 'page' | 'pageSize'>): boolean =>
  result.total > 0 && view.page > Math.ceil(result.total / view.pageSize);

export const FILTER_NAMES = ['audience', 'agency', 'event', 'channel', 'online'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface FilterOption {
  readonly value: string;
  readonly label: string;
  /** Services found with this value chosen; null when there is no result to count (a refused query). */
  readonly count: number | null;
  readonly selected: boolean;
}

export interface FilterGroup {
  readonly name: FilterName;
  readonly options: readonly FilterOption[];
}

export interface ChosenFilter {
  readonly name: FilterName;
  readonly label: string;
  /** The same search without this filter. */
  readonly removeHref: string;
}

export interface FilterInput {
  readonly lang: Lang;
  /** The query string as typed (only non-empty strings). */
  readonly values: Readonly<Record<string, string>>;
  readonly facets: FacetCounts | null;
  readonly organisations: readonly Organisation[];
  readonly events: readonly CatalogueEvent[];
}

export const filterInput = (lang: Lang, view: SearchView): FilterInput => ({
  lang, values: view.values, facets: view.result?.facets ?? null, organisations: view.organisations, events: view.events,
});

const FACET_OF: Record<FilterName, keyof FacetCounts> = { audience: 'audience', agency: 'organisation', event: 'event', channel: 'channel', online: 'online' };
/** The online filter says yes/no; its facet counts the stored boolean. */
const facetValue = (name: FilterName, value: string) => (name === 'online' ? String(value === 'yes') : value);

const collators: Record<Lang, Intl.Collator> = { uk: new Intl.Collator('uk'), en: new Intl.Collator('en') };
/** Agencies or events as choices in the order of their names, kept for each list the catalogue's cache gives (one per revision). */
const sortedChoices = new WeakMap<readonly object[], Partial<Record<Lang, ReadonlyArray<{ value: string; label: string }>>>>();

function byName(records: ReadonlyArray<{ readonly id: string; readonly name: Readonly<Record<Lang, string>> }>, lang: Lang): ReadonlyArray<{ value: string; label: string }> {
  let kept = sortedChoices.get(records);
  if (kept === undefined) {
    kept = {};
    sortedChoices.set(records, kept);
  }
  return (kept[lang] ??= records.map((r) => ({ value: r.id, label: r.name[lang] })).sort((a, b) => collators[lang].compare(a.label, b.label)));
}

function choices(t: Translator, input: FilterInput, name: FilterName): ReadonlyArray<{ value: string; label: string }> {
  const { lang } = input;
  switch (name) {
    case 'audience':
      return AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }));
    case 'channel':
      return CHANNEL_TYPES.map((c) => ({ value: c, label: t(`channel.${c}`) }));
    case 'online':
      return [{ value: 'yes', label: t('filter.onlineYes') }, { value: 'no', label: t('filter.onlineNo') }];
    case 'agency':
      return byName(input.organisations, lang);
    case 'event':
      return byName(input.events, lang);
  }
}

/**
 * The filters to show: each value that would find something, with its count; a chosen value always
 * stays (so it can be unchosen) even when nothing matches it. A group with nothing to offer is left
 * out. Without a result to count (a refused query), every value is offered without counts.
 */
export function filterGroups(t: Translator, input: FilterInput): FilterGroup[] {
  const groups: FilterGroup[] = [];
  for (const name of FILTER_NAMES) {
    const facet = input.facets?.[FACET_OF[name]];
    const counts = facet ? new Map(facet.map((f) => [f.value, f.count])) : null;
    const options: FilterOption[] = [];
    for (const c of choices(t, input, name)) {
      const count = counts ? (counts.get(facetValue(name, c.value)) ?? 0) : null;
      const selected = input.values[name] === c.value;
      if (selected || count === null || count > 0) {
        options.push({ ...c, count, selected });
      }
    }
    if (options.length > 0) {
      groups.push({ name, options });
    }
  }
  return groups;
}

/** The filters in force, each with a link to the same search without it (and back to page 1). */
export function chosenFilters(t: Translator, input: FilterInput): ChosenFilter[] {
  const { page: _page, ...rest } = input.values;
  return FILTER_NAMES.flatMap((name) => {
    const value = input.values[name];
    if (!value) {
      return [];
    }
    const label = choices(t, input, name).find((c) => c.value === value)?.label ?? value;
    const { [name]: _removed, ...others } = rest;
    return [{ name, label, removeHref: paths.search(input.lang, others) }];
  });
}

export interface Suggestion {
  readonly text: string;
  readonly total: number;
  readonly href: string;
}

export interface ZeroResultView {
  /** Corrected spellings that find something, as links to their searches. */
  readonly suggestions: readonly Suggestion[];
  /** The same words without any filter, when filters were chosen. */
  readonly withoutFilters: string | null;
  /** Life events to browse instead. */
  readonly events: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** What a search that found nothing offers instead: spellings, the same words unfiltered, life events. */
export function zeroResultView(
  input: FilterInput,
  spellings: ReadonlyArray<{ readonly text: string; readonly total: number }>,
  maxEvents = 6,
): ZeroResultView {
  const { lang, values } = input;
  const filtered = FILTER_NAMES.some((name) => values[name]);
  const keep = Object.fromEntries(FILTER_NAMES.map((name) => [name, values[name]]));
  return {
    suggestions: spellings.map((s) => ({ ...s, href: paths.search(lang, { q: s.text, ...keep }) })),
    withoutFilters: filtered ? paths.search(lang, { q: values['q'] }) : null,
    events: input.events.filter((e) => e.kind === 'life').slice(0, maxEvents).map((e) => ({ id: e.id, name: e.name[lang] })),
  };
}

export interface PageLinks {
  readonly previous: string | null;
  readonly next: string | null;
  readonly items: ReadonlyArray<{ readonly page: number; readonly href: string; readonly current: boolean } | 'gap'>;
}

/** Pagination links: first, last, and the pages either side of the current one, with gaps between. */
export function pageLinks(lang: Lang, values: Readonly<Record<string, string>>, page: number, pages: number): PageLinks {
  const href = (p: number) => paths.search(lang, { ...values, page: p === 1 ? undefined : p });
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: Array<PageLinks['items'][number]> = [];
  shown.forEach((p, i) => {
    if (i > 0 && p - (shown[i - 1] ?? p) > 1) {
      items.push('gap');
    }
    items.push({ page: p, href: href(p), current: p === page });
  });
  return { previous: page > 1 ? href(page - 1) : null, next: page < pages ? href(page + 1) : null, items };
}
