import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { SearchQuery } from './catalogue-search.ts';
import { type Postings, type ServiceFilters, matchingServices } from './catalogue-matches.ts';
import { catalogueMatches } from './catalogue-matches.repository.ts';

interface Services {
  readonly filters: ServiceFilters;
  readonly positions: ReadonlyMap<string, number>;
}

/** Words whose matches are kept for a revision; each holds at most the catalogue's services (ADR 0039). */
const WORDS_KEPT = 20_000;

/** What each of several groups of words matched, as positions in the filter columns of every service. */
export interface Matches {
  readonly services: ServiceFilters;
  readonly matched: ReadonlyArray<readonly number[]>;
}

/**
 * What groups of words match (`wordsQuery`) with a query's filters, found in this process from each
 * word's matches, read once for the revision like the words' near words (ADR 0020), and the filter
 * columns of every service, read once for the revision (ADR 0039). `null` when the database must
 * search: a word reads as a phrase, or a read saw another revision than the one asked for.
 */
export function createMatches(db: Queryable) {
  const postings = new RevisionCache<Postings>(WORDS_KEPT);
  // Read once for the revision, shared by the requests that ask meanwhile; null when the read saw another revision.
  const services = new RevisionCache<Services | null>(1);
  const servicesAt = (revision: number): Promise<Services | null> =>
    services.get(revision, 'services', async () => {
      const read = await catalogueMatches.serviceFilters(db);
      return read.revision === revision ? { filters: read.services, positions: new Map(read.services.ids.map((id, i) => [id, i])) } : null;
    });

  return async (revision: number, query: SearchQuery, groups: ReadonlyArray<ReadonlyArray<readonly string[]>>): Promise<Matches | null> => {
    const at = await servicesAt(revision);
    if (at === null) {
      return null;
    }
    const words = groups.flatMap((g) => g.flat());
    // A read of another revision is kept as undecided: the revision asked for is then already past.
    const kept = await postings.getMany(revision, words, async (missing) => {
      const read = await catalogueMatches.wordPostings(db, missing, at.positions);
      return read.revision === revision ? read.postings : new Map();
    }, 'undecided');
    const matched: number[][] = [];
    for (const g of groups) {
      const found = matchingServices(g, kept, at.filters, query);
      if (found === null) {
        return null;
      }
      matched.push(found);
    }
    return { services: at.filters, matched };
  };
}
