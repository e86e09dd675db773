import type { Audience, ChannelType } from './catalogue-record.schemas.ts';

/** What a person can ask the catalogue search for. */
export interface SearchQuery {
  readonly text: string | null;
  readonly audience: Audience | null;
  readonly organisationId: string | null;
  readonly eventId: string | null;
  readonly channel: ChannelType | null;
  readonly online: boolean | null;
  readonly page: number;
  readonly pageSize: number;
}

export const FACETS = ['audience', 'organisation', 'event', 'channel', 'online'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, ReadonlyArray<{ readonly value: string; readonly count: number }>>;

const MAX_TERMS = 8;

/** The words of a query, lower-cased and stripped of anything but letters and digits. */
export function searchTerms(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].filter((w) => w.length > 0).slice(0, MAX_TERMS);
}

/**
 * A `to_tsquery` expression: every term must match, as itself or as one of its neighbours — the
 * catalogue's own words nearest in spelling, which cover typos (`pasport` → `passport`), Ukrainian
 * inflections (`паспорта` → `паспорт`) and unfinished words (`реєстр` → `реєстрація`). Whole
 * lexemes keep the GIN index cheap, where prefix matches (`:*`) would not. Terms and neighbours
 * hold only letters and digits, so the expression cannot carry tsquery syntax from the user.
 */
export function wordsTsQuery(terms: readonly string[], neighbours: ReadonlyMap<string, readonly string[]> = new Map()): string {
  return wordsQuery(terms, neighbours).expression;
}

/** A search's words as `wordsTsQuery` gives them, with a key that is the same for every expression that finds the same services. */
export interface WordsQuery {
  readonly expression: string;
  /** Each word with the words that may stand in for it: the expression's groups, in its order. */
  readonly groups: ReadonlyArray<readonly string[]>;
  /** The alternatives of each word in order, the words in order: the same matches whatever order they came in. */
  readonly key: string;
}

export function wordsQuery(terms: readonly string[], neighbours: ReadonlyMap<string, readonly string[]> = new Map()): WordsQuery {
  const groups = terms.map((t) => [t, ...(neighbours.get(t) ?? []).filter((n) => n !== t && isPlainWord(n))]);
  return {
    expression: groups.map((g) => (g.length === 1 ? g[0] : `(${g.join(' | ')})`)).join(' & '),
    groups,
    key: groups.map((g) => [...g].sort().join('|')).sort().join('&'),
  };
}

const isPlainWord = (w: string) => /^[\p{L}\p{N}]+$/u.test(w);

/**
 * The expressions to count, each once, for a list of `queries` (the corrections of a search that
 * found nothing, `found` being the search's own): `counted` are the distinct ones not matching as the
 * search does, and `at[i]` is where `queries[i]` is in `counted`, or -1 when it matches as the
 * search does (it finds nothing with the same filters, so nothing is counted).
 */
export function distinctCounts(found: WordsQuery | null, queries: readonly WordsQuery[]): { counted: WordsQuery[]; at: number[] } {
  const index = new Map<string, number>();
  const counted: WordsQuery[] = [];
  const at = queries.map((query) => {
    const { key } = query;
    if (key === found?.key) {
      return -1;
    }
    let i = index.get(key);
    if (i === undefined) {
      i = counted.push(query) - 1;
      index.set(key, i);
    }
    return i;
  });
  return { counted, at };
}

/** A catalogue word near a query word in spelling, with its trigram similarity (0 to 1, as pg_trgm gives it). */
export interface NearWord {
  readonly word: string;
  readonly similarity: number;
}

/** The similarity from which a catalogue word stands in for a query word (pg_trgm's default threshold). */
const NEIGHBOUR_SIMILARITY = 0.3;
/** Catalogue words that may stand in for one query word, the word itself included. */
const NEIGHBOURS = 4;

/** Nearest first; equally near words in alphabetical order, so every process picks the same ones. */
const nearestFirst = (words: readonly NearWord[]) =>
  [...words].sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));

/** For each query word, the catalogue words that may stand in for it in a search (typos, inflections). */
export function neighboursOf(near: ReadonlyMap<string, readonly NearWord[]>): Map<string, string[]> {
  return new Map([...near].map(([term, words]) => [
    term,
    nearestFirst(words).filter((w) => w.similarity >= NEIGHBOUR_SIMILARITY).slice(0, NEIGHBOURS).map((w) => w.word),
  ]));
}

/**
 * For each query word, up to `per` other catalogue words near it in spelling, nearest first —
 * looser than the search's own neighbours, for "did you mean" after a search that found nothing.
 */
export function spellingsOf(near: ReadonlyMap<string, readonly NearWord[]>, per: number): Map<string, string[]> {
  return new Map([...near].map(([term, words]) => [term, nearestFirst(words).filter((w) => w.word !== term).slice(0, per).map((w) => w.word)]));
}

/** Words worth correcting a typo towards: letters only, three or more of them. */
export function isIndexWord(word: string): boolean {
  return word.length >= 3 && /^\p{L}+$/u.test(word);
}

/** The words of a service's names and keywords in both languages, for the typo-tolerance dictionary. */
export function indexWords(service: { name: { uk: string; en: string }; keywords: { uk: readonly string[]; en: readonly string[] } }): string[] {
  const text = [service.name.uk, service.name.en, ...service.keywords.uk, ...service.keywords.en].join(' ');
  return [...new Set(searchTermsUnbounded(text).filter(isIndexWord))];
}

function searchTermsUnbounded(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Corrected queries to offer after a search that found nothing: each word replaced by its nearest
 * catalogue spelling (words with none are kept), then one word at a time by its next nearest.
 * The original query and repeats are left out; at most `limit`.
 */
export function spellingCandidates(terms: readonly string[], near: ReadonlyMap<string, readonly string[]>, limit: number): string[] {
  return rankedCandidates(terms, new Map(terms.map((t) => [t, rankedSpellings(t, near.get(t) ?? [])])), limit);
}

/** `spellingCandidates` from each term's spellings already ranked by `rankedSpellings` (a word's, kept for the revision). */
export function rankedCandidates(terms: readonly string[], ranked: ReadonlyMap<string, readonly string[]>, limit: number): string[] {
  const best = terms.map((t) => ranked.get(t)?.[0] ?? t);
  const candidates = [best.join(' ')];
  terms.forEach((t, i) => {
    for (const alternative of (ranked.get(t) ?? []).slice(1)) {
      candidates.push(best.map((w, j) => (j === i ? alternative : w)).join(' '));
    }
  });
  const original = terms.join(' ');
  return [...new Set(candidates)].filter((c) => c !== original).slice(0, limit);
}

/** Words nearest to `term` first by edit distance; ties keep their order (the trigram distance). */
export function rankedSpellings(term: string, words: readonly string[]): string[] {
  return words.map((w, i) => ({ w, i, d: editDistance(term, w) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.w);
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn one word into another, counted
 * over code points. Three rows of the table at a time, in typed arrays: it runs for every spelling
 * offered to every search that finds nothing, so it must not allocate a table of arrays.
 */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  const n = y.length;
  let twoBack = new Int32Array(n + 1);
  let back = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Int32Array(n + 1);
  for (let i = 1; i <= x.length; i += 1) {
    row[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= n; j += 1) {
      const yj = y[j - 1];
      let best = Math.min((back[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (back[j - 1] ?? 0) + (xi === yj ? 0 : 1));
      if (i > 1 && j > 1 && xi === y[j - 2] && x[i - 2] === yj) {
        best = Math.min(best, (twoBack[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    [twoBack, back, row] = [back, row, twoBack];
  }
  return back[n] ?? 0;
}

export function cacheKey(q: SearchQuery): string {
  return [q.text ?? '', q.audience, q.organisationId, q.eventId, q.channel, q.online, q.page, q.pageSize].join('|');
}

/** Filters that name a record the catalogue does not have; both the search page and the API refuse them. */
export function unknownFilterReferences(
  filters: { readonly agency?: string | undefined; readonly event?: string | undefined },
  known: { readonly organisations: ReadonlyArray<{ readonly id: string }>; readonly events: ReadonlyArray<{ readonly id: string }> },
): Array<'agency' | 'event'> {
  const unknown: Array<'agency' | 'event'> = [];
  if (filters.agency && !known.organisations.some((o) => o.id === filters.agency)) {
    unknown.push('agency');
  }
  if (filters.event && !known.events.some((e) => e.id === filters.event)) {
    unknown.push('event');
  }
  return unknown;
}
