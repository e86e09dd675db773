import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type NearWord, type SearchQuery, distinctCounts, isIndexWord, neighboursOf, searchTerms, spellingCandidates, spellingsOf, wordsQuery, wordsTsQuery } from './catalogue-search.ts';
import { type SearchPage, catalogueSearch } from './catalogue-search.repository.ts';

const termsOf = (query: SearchQuery) => (query.text ? searchTerms(query.text) : []);

/** What a page's search needs of its words, worked out once for the revision. */
interface WordsPlan {
  /** The search's `to_tsquery` expression; null without words. */
  readonly expression: string | null;
  /** Corrected queries to offer if the search finds nothing. */
  readonly corrections: readonly string[];
  /** The corrections' expressions to count, each once (`distinctCounts`), and where each correction's count is (-1: none, it finds what the search finds). */
  readonly counted: readonly string[];
  readonly countAt: readonly number[];
}

/**
 * Search reads for one catalogue revision at a time. The near words of each query word (for the
 * search's neighbours and for "did you mean") are looked up once per word and kept for the
 * revision: people repeat words far more often than whole queries, so a query no cache has seen is
 * usually made of words already looked up (ADR 0020). Each process keeps its own, from the database.
 */
export function createSearchReads(db: Queryable) {
  const words = new RevisionCache<NearWord[]>(20_000);
  const plans = new RevisionCache<WordsPlan>(20_000);
  const nearWords = async (revision: number, terms: readonly string[]): Promise<Map<string, NearWord[]>> => {
    // The words no earlier search looked up, in one statement.
    return words.getMany(revision, terms.filter(isIndexWord), (missing) => catalogueSearch.nearWords(db, missing), []);
  };
  const expressionOf = async (revision: number, query: SearchQuery): Promise<string | null> => {
    const terms = termsOf(query);
    return terms.length > 0 ? wordsTsQuery(terms, neighboursOf(await nearWords(revision, terms))) : null;
  };
  // The corrections and every expression of a query's words, from their near words and the corrections' own.
  const planOf = (revision: number, terms: readonly string[], limit: number): Promise<WordsPlan> =>
    plans.get(revision, `${limit}:${terms.join(' ')}`, async () => {
      const near = await nearWords(revision, terms);
      const corrections = spellingCandidates(terms, spellingsOf(near, 6), limit * 2);
      const neighbours = neighboursOf(new Map([...near, ...(await nearWords(revision, corrections.flatMap(searchTerms)))]));
      const own = terms.length > 0 ? wordsQuery(terms, neighbours) : null;
      const { counted, at } = distinctCounts(own, corrections.map((text) => wordsQuery(searchTerms(text), neighbours)));
      return { expression: own?.expression ?? null, corrections, counted, countAt: at };
    });

  return {
    async search(revision: number, query: SearchQuery): Promise<SearchPage> {
      const { otherTotals: _none, ...page } = await catalogueSearch.search(db, query, await expressionOf(revision, query));
      return page;
    },

    /**
     * A search, and when it finds nothing, corrected queries (each word towards the catalogue's
     * nearest spelling) that find something with the same filters, with how many each finds: one
     * statement, which counts the corrections only when the search finds nothing (ADR 0037), each
     * distinct expression once and none that matches as the search does. The words' near words and
     * the corrections are worked out once for the revision.
     */
    async searchWithSpellings(revision: number, query: SearchQuery, limit: number): Promise<{ page: SearchPage; spellings: Array<{ text: string; total: number }> }> {
      const plan = await planOf(revision, termsOf(query), limit);
      const { otherTotals, ...page } = await catalogueSearch.search(db, query, plan.expression, plan.counted);
      const spellings = page.total > 0 ? [] : plan.corrections.map((text, i) => ({ text, total: otherTotals[plan.countAt[i] ?? -1] ?? 0 })).filter((c) => c.total > 0).slice(0, limit);
      return { page, spellings };
    },

    explain: async (revision: number, query: SearchQuery): Promise<string> =>
      catalogueSearch.explain(db, query, await expressionOf(revision, query)),
  };
}
