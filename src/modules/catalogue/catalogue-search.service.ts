import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type NearWord, type SearchQuery, isIndexWord, searchTerms, spellingCandidates, spellingsOf } from './catalogue-search.ts';
import { type SearchPage, catalogueSearch } from './catalogue-search.repository.ts';

const termsOf = (query: SearchQuery) => (query.text ? searchTerms(query.text) : []);

/**
 * Search reads for one catalogue revision at a time. The near words of each query word (for the
 * search's neighbours and for "did you mean") are looked up once per word and kept for the
 * revision: people repeat words far more often than whole queries, so a query no cache has seen is
 * usually made of words already looked up (ADR 0020). Each process keeps its own, from the database.
 */
export function createSearchReads(db: Queryable) {
  const words = new RevisionCache<NearWord[]>(20_000);
  const nearWords = async (revision: number, terms: readonly string[]): Promise<Map<string, NearWord[]>> => {
    // The words no earlier search looked up, in one statement.
    return words.getMany(revision, terms.filter(isIndexWord), (missing) => catalogueSearch.nearWords(db, missing), []);
  };

  return {
    search: async (revision: number, query: SearchQuery): Promise<SearchPage> =>
      catalogueSearch.search(db, query, await nearWords(revision, termsOf(query))),

    /** Corrected queries (each word towards the catalogue's nearest spelling) that find something with the same filters. */
    async spellingSuggestions(revision: number, query: SearchQuery, limit: number): Promise<Array<{ text: string; total: number }>> {
      const terms = termsOf(query);
      const candidates = spellingCandidates(terms, spellingsOf(await nearWords(revision, terms), 6), limit * 2);
      if (candidates.length === 0) {
        return [];
      }
      const near = await nearWords(revision, candidates.flatMap(searchTerms));
      const totals = await catalogueSearch.totals(db, query, candidates, near);
      return candidates.map((text, i) => ({ text, total: totals[i] ?? 0 })).filter((c) => c.total > 0).slice(0, limit);
    },

    explain: async (revision: number, query: SearchQuery): Promise<string> =>
      catalogueSearch.explain(db, query, await nearWords(revision, termsOf(query))),
  };
}
