import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type SearchQuery, type WordsQuery, distinctCounts, isIndexWord, neighboursOf, rankedCandidates, rankedSpellings, searchTerms, spellingsOf, wordsQuery } from './catalogue-search.ts';
import { type SearchPage, catalogueSearch } from './catalogue-search.repository.ts';
import { type Matches, createMatches } from './catalogue-matches.service.ts';
import { facetsOf } from './catalogue-matches.ts';

const termsOf = (query: SearchQuery) => (query.text ? searchTerms(query.text) : []);

/** What a page's search needs of its words, worked out once for the revision. */
interface WordsPlan {
  /** The search's words; null without words. */
  readonly own: WordsQuery | null;
  /** Corrected queries to offer if the search finds nothing. */
  readonly corrections: readonly string[];
  /** The corrections' words to count, each once (`distinctCounts`), and where each correction's count is (-1: none, it finds what the search finds). */
  readonly counted: readonly WordsQuery[];
  readonly countAt: readonly number[];
}

/** What the search needs of a word, worked out once for the revision from its near words (ADR 0020). */
interface WordFacts {
  /** The catalogue words that may stand in for it in a search. */
  readonly neighbours: readonly string[];
  /** The catalogue words to correct it towards, nearest by edit distance first. */
  readonly spellings: readonly string[];
}
const NO_FACTS: WordFacts = { neighbours: [], spellings: [] };
/** Near words looked at for each word's spellings. */
const SPELLINGS = 6;

const NOTHING: SearchPage = { total: 0, items: [], facets: { audience: [], organisation: [], event: [], channel: [], online: [] } };
/** The most matching services whose page the database ranks among them, by their keys, rather than searching again (ADR 0040). */
const RANKED_BY_KEY = 200;

/**
 * Search reads for one catalogue revision at a time. The near words of each query word (for the
 * search's neighbours and for "did you mean") are looked up once per word and kept for the
 * revision: people repeat words far more often than whole queries, so a query no cache has seen is
 * usually made of words already looked up (ADR 0020). Each process keeps its own, from the database.
 * `rankedByKey`: the most matching services whose page is ranked among them rather than searched again.
 */
export function createSearchReads(db: Queryable, options: { readonly rankedByKey: number } = { rankedByKey: RANKED_BY_KEY }) {
  const words = new RevisionCache<WordFacts>(20_000);
  const plans = new RevisionCache<WordsPlan>(20_000);
  const matchesOf = createMatches(db);
  // What the search needs of each word, from its near words: the words no earlier search looked up, in one statement.
  const factsOf = async (revision: number, terms: readonly string[]): Promise<Map<string, WordFacts>> =>
    words.getMany(revision, terms.filter(isIndexWord), async (missing) => {
      const near = await catalogueSearch.nearWords(db, missing);
      const neighbours = neighboursOf(near);
      const spellings = spellingsOf(near, SPELLINGS);
      return new Map(missing.map((w) => [w, { neighbours: neighbours.get(w) ?? [], spellings: rankedSpellings(w, spellings.get(w) ?? []) }]));
    }, NO_FACTS);
  const neighboursIn = (facts: ReadonlyMap<string, WordFacts>) => new Map([...facts].map(([w, f]) => [w, f.neighbours]));
  const wordsOf = async (revision: number, query: SearchQuery): Promise<WordsQuery | null> => {
    const terms = termsOf(query);
    return terms.length > 0 ? wordsQuery(terms, neighboursIn(await factsOf(revision, terms))) : null;
  };
  // The corrections and every expression of a query's words, from their near words and the corrections' own.
  const planOf = (revision: number, terms: readonly string[], limit: number): Promise<WordsPlan> =>
    plans.get(revision, `${limit}:${terms.join(' ')}`, async () => {
      const facts = await factsOf(revision, terms);
      const corrections = rankedCandidates(terms, new Map([...facts].map(([w, f]) => [w, f.spellings])), limit * 2);
      const neighbours = neighboursIn(new Map([...facts, ...(await factsOf(revision, corrections.flatMap(searchTerms)))]));
      const own = terms.length > 0 ? wordsQuery(terms, neighbours) : null;
      const { counted, at } = distinctCounts(own, corrections.map((text) => wordsQuery(searchTerms(text), neighbours)));
      return { own, corrections, counted, countAt: at };
    });

  /**
   * The page of a search from what its words matched in the portal (ADR 0039, 0040): nothing, or the
   * total and the facets counted here and the page ranked by the database among the services matched.
   * `null` when the database must search: too many matched, or the page was read at another revision.
   */
  const pageFrom = async (revision: number, query: SearchQuery, expression: string, matches: Matches): Promise<SearchPage | null> => {
    const own = matches.matched[0] ?? [];
    if (own.length === 0) {
      return NOTHING;
    }
    if (own.length > options.rankedByKey) {
      return null;
    }
    const page = { total: own.length, facets: facetsOf(own, matches.services) };
    const offset = (query.page - 1) * query.pageSize;
    if (offset >= own.length) {
      return { ...page, items: [] };
    }
    const ranked = await catalogueSearch.rankedPage(db, own.map((s) => matches.services.ids[s] ?? ''), expression, query.pageSize, offset);
    return ranked.revision === revision ? { ...page, items: ranked.items } : null;
  };

  return {
    /** A search; one that matches few services is found in the portal and ranked by the database among them (ADR 0039, 0040). */
    async search(revision: number, query: SearchQuery): Promise<SearchPage> {
      const words = await wordsOf(revision, query);
      const matches = words === null ? null : await matchesOf(revision, query, [words.groups]);
      const found = words === null || matches === null ? null : await pageFrom(revision, query, words.expression, matches);
      if (found !== null) {
        return found;
      }
      const { otherTotals: _none, ...page } = await catalogueSearch.search(db, query, words?.expression ?? null);
      return page;
    },

    /**
     * A search, and when it finds nothing, corrected queries (each word towards the catalogue's
     * nearest spelling) that find something with the same filters, with how many each finds: one
     * statement, which counts the corrections only when the search finds nothing (ADR 0037), each
     * distinct expression once and none that matches as the search does. The words' near words and
     * the corrections are worked out once for the revision. What the search and the corrections
     * match is first found from the words' matches kept for the revision (ADR 0039): a search that
     * finds nothing then needs no statement, and one that finds few services only the ranking of
     * their page (ADR 0040).
     */
    async searchWithSpellings(revision: number, query: SearchQuery, limit: number): Promise<{ page: SearchPage; spellings: Array<{ text: string; total: number }> }> {
      const { own, counted, corrections, countAt } = await planOf(revision, termsOf(query), limit);
      const matches = own === null ? null : await matchesOf(revision, query, [own.groups, ...counted.map((c) => c.groups)]);
      const found = own === null || matches === null ? null : await pageFrom(revision, query, own.expression, matches);
      const { otherTotals, ...page } = found !== null && matches !== null
        ? { ...found, otherTotals: matches.matched.slice(1).map((m) => m.length) }
        : await catalogueSearch.search(db, query, own?.expression ?? null, counted.map((c) => c.expression));
      const spellings = page.total > 0 ? [] : corrections.map((text, i) => ({ text, total: otherTotals[countAt[i] ?? -1] ?? 0 })).filter((c) => c.total > 0).slice(0, limit);
      return { page, spellings };
    },

    explain: async (revision: number, query: SearchQuery): Promise<string> =>
      catalogueSearch.explain(db, query, (await wordsOf(revision, query))?.expression ?? null),
  };
}
