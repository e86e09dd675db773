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
  // The corrections of a query's words, worked out from their near words (edit distances) once for the revision.
  const corrections = new RevisionCache<string[]>(20_000);
  const nearWords = async (revision: number, terms: readonly string[]): Promise<Map<string, NearWord[]>> => {
    // The words no earlier search looked up, in one statement.
    return words.getMany(revision, terms.filter(isIndexWord), (missing) => catalogueSearch.nearWords(db, missing), []);
  };

  return {
    async search(revision: number, query: SearchQuery): Promise<SearchPage> {
      const { otherTotals: _none, ...page } = await catalogueSearch.search(db, query, await nearWords(revision, termsOf(query)));
      return page;
    },

    /**
     * A search, and when it finds nothing, corrected queries (each word towards the catalogue's
     * nearest spelling) that find something with the same filters, with how many each finds. When
     * the near words of the corrections' words are known for the revision, the corrections are
     * counted by the search's own statement; otherwise, only after a search that found nothing, in
     * a second one (ADR 0020).
     */
    async searchWithSpellings(revision: number, query: SearchQuery, limit: number): Promise<{ page: SearchPage; spellings: Array<{ text: string; total: number }> }> {
      const terms = termsOf(query);
      const near = await nearWords(revision, terms);
      const candidates = await corrections.get(revision, `${limit}:${terms.join(' ')}`, async () => spellingCandidates(terms, spellingsOf(near, 6), limit * 2));
      const candidateWords = candidates.flatMap(searchTerms).filter(isIndexWord);
      const together = candidates.length > 0 && words.holdsAll(revision, candidateWords);
      const both = together ? new Map([...near, ...(await nearWords(revision, candidateWords))]) : near;
      const { otherTotals, ...page } = await catalogueSearch.search(db, query, both, together ? candidates : []);
      if (page.total > 0 || candidates.length === 0) {
        return { page, spellings: [] };
      }
      const totals = together ? otherTotals : await catalogueSearch.totals(db, query, candidates, await nearWords(revision, candidateWords));
      const spellings = candidates.map((text, i) => ({ text, total: totals[i] ?? 0 })).filter((c) => c.total > 0).slice(0, limit);
      return { page, spellings };
    },

    explain: async (revision: number, query: SearchQuery): Promise<string> =>
      catalogueSearch.explain(db, query, await nearWords(revision, termsOf(query))),
  };
}
