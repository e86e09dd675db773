import type { FacetCounts, SearchQuery } from './catalogue-search.ts';

/**
 * The services a word matches, in each of the search's two readings (`simple` for Ukrainian,
 * `english` for English; see `catalogue_text_search`): the positions of the services (in
 * `ServiceFilters.ids`) whose search vector holds the word's one lexeme, in ascending order, or
 * `null` when the reading drops the word (a stop word, or no lexeme at all). A word that reads as
 * more than one lexeme (a phrase) has no postings here: `'undecided'`, and searches with it go to the
 * database.
 */
export interface WordPostings {
  readonly simple: Int32Array | null;
  readonly english: Int32Array | null;
}
export type Postings = WordPostings | 'undecided';

/** What the search's filters look at, for every service of one revision, in one order. */
export interface ServiceFilters {
  readonly ids: readonly string[];
  readonly audience: ReadonlyArray<readonly string[]>;
  readonly organisationId: readonly string[];
  readonly eventIds: ReadonlyArray<readonly string[]>;
  readonly channelTypes: ReadonlyArray<readonly string[]>;
  readonly online: readonly boolean[];
}

type Filters = Pick<SearchQuery, 'audience' | 'organisationId' | 'eventId' | 'channel' | 'online'>;

/**
 * The services the words `groups` match with the query's filters (`wordsQuery`: every group must
 * match, by one of its words), as `catalogue_text_search` finds them: a service matches the simple
 * reading or the English one. As `to_tsquery` does, a reading leaves out the words it drops, and a
 * group left empty; a reading left with no group matches nothing. Their positions in `services`, each
 * once, in an order that depends only on the arguments; `null` when a word has no postings (not
 * looked up, or a phrase): the database must search.
 */
export function matchingServices(groups: ReadonlyArray<readonly string[]>, postings: ReadonlyMap<string, Postings>, services: ServiceFilters, filters: Filters): number[] | null {
  const matched = new Set<number>();
  for (const reading of ['simple', 'english'] as const) {
    const lists: Int32Array[][] = [];
    for (const group of groups) {
      const alternatives: Int32Array[] = [];
      for (const word of group) {
        const p = postings.get(word);
        if (p === undefined || p === 'undecided') {
          return null;
        }
        const list = p[reading];
        if (list !== null) {
          alternatives.push(list);
        }
      }
      if (alternatives.length > 0) {
        lists.push(alternatives);
      }
    }
    for (const s of matchingAll(lists)) {
      matched.add(s);
    }
  }
  return [...matched].filter((s) => passes(services, s, filters));
}

/**
 * What `catalogue_text_search` counts under each filter value for the services at `positions`: each
 * audience, event and channel a service lists, its agency and whether it is online
 * (`'true'`, `'false'`). Values in order of their first service.
 */
export function facetsOf(positions: readonly number[], services: ServiceFilters): FacetCounts {
  const counters = { audience: new Map<string, number>(), organisation: new Map<string, number>(), event: new Map<string, number>(), channel: new Map<string, number>(), online: new Map<string, number>() };
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const s of positions) {
    services.audience[s]?.forEach((a) => add(counters.audience, a));
    add(counters.organisation, services.organisationId[s] ?? '');
    services.eventIds[s]?.forEach((e) => add(counters.event, e));
    services.channelTypes[s]?.forEach((c) => add(counters.channel, c));
    add(counters.online, String(services.online[s] ?? false));
  }
  const list = (m: ReadonlyMap<string, number>) => [...m].map(([value, count]) => ({ value, count }));
  return { audience: list(counters.audience), organisation: list(counters.organisation), event: list(counters.event), channel: list(counters.channel), online: list(counters.online) };
}

/** The services in at least one list of every group; none without groups. */
function matchingAll(groups: ReadonlyArray<readonly Int32Array[]>): number[] {
  if (groups.length === 0) {
    return [];
  }
  const size = (g: readonly Int32Array[]) => g.reduce((n, l) => n + l.length, 0);
  const [smallest, ...others] = [...groups].sort((a, b) => size(a) - size(b));
  const found: number[] = [];
  for (const list of smallest ?? []) {
    for (const s of list) {
      if (others.every((g) => g.some((l) => holds(l, s)))) {
        found.push(s);
      }
    }
  }
  return found;
}

/** Binary search in an ascending list. */
function holds(list: Int32Array, s: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid] ?? 0;
    if (v === s) {
      return true;
    }
    if (v < s) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return false;
}

function passes(services: ServiceFilters, s: number, f: Filters): boolean {
  return (f.audience === null || (services.audience[s]?.includes(f.audience) ?? false))
    && (f.organisationId === null || services.organisationId[s] === f.organisationId)
    && (f.eventId === null || (services.eventIds[s]?.includes(f.eventId) ?? false))
    && (f.channel === null || (services.channelTypes[s]?.includes(f.channel) ?? false))
    && (f.online === null || services.online[s] === f.online);
}
