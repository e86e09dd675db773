import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Postings, ServiceFilters } from './catalogue-matches.ts';

/** Each read says the catalogue revision it saw: what it read belongs to that revision only. */
const REVISION = '(SELECT revision FROM catalogue_revision WHERE id = 1)';

export const catalogueMatches = {
  /** The filter columns of every service, ordered by id: the positions postings refer to. */
  async serviceFilters(q: Queryable): Promise<{ revision: number; services: ServiceFilters }> {
    const [row] = await q.query<{ revision: number; ids: string[] | null; audience: string[][] | null; organisations: string[] | null; events: string[][] | null; channels: string[][] | null; online: boolean[] | null }>(
      prepared(`SELECT ${REVISION} AS revision,
         array_agg(id ORDER BY id) AS ids,
         json_agg(audience ORDER BY id) AS audience,
         array_agg(organisation_id ORDER BY id) AS organisations,
         json_agg(event_ids ORDER BY id) AS events,
         json_agg(channel_types ORDER BY id) AS channels,
         array_agg(online ORDER BY id) AS online
       FROM services`),
    );
    return {
      revision: Number(row?.revision ?? 0),
      services: {
        ids: row?.ids ?? [],
        audience: row?.audience ?? [],
        organisationId: row?.organisations ?? [],
        eventIds: row?.events ?? [],
        channelTypes: row?.channels ?? [],
        online: row?.online ?? [],
      },
    };
  },

  /**
   * For each of `words`, the ids of the services it matches in each reading of `catalogue_text_search`,
   * read as `to_tsquery` reads a word of its expression; a reading of no lexeme drops the word, and one
   * of several (a phrase) is not kept. The GIN index finds each word's services, in one plan for all
   * words (`catalogue_word_postings`, ADR 0040).
   */
  async wordPostings(q: Queryable, words: readonly string[], positions: ReadonlyMap<string, number>): Promise<{ revision: number; postings: Map<string, Postings> }> {
    const rows = await q.query<{ revision: number; word: string; simple_nodes: number; english_nodes: number; simple_ids: string[]; english_ids: string[] }>(
      prepared('SELECT revision, word, simple_nodes, english_nodes, simple_ids, english_ids FROM catalogue_word_postings($1::text[])'),
      [words],
    );
    const list = (nodes: number, ids: readonly string[]) =>
      nodes === 0 ? null : Int32Array.from(ids.map((id) => positions.get(id) ?? -1).filter((p) => p >= 0)).sort();
    const postings = new Map<string, Postings>();
    for (const r of rows) {
      postings.set(r.word, Number(r.simple_nodes) > 1 || Number(r.english_nodes) > 1
        ? 'undecided'
        : { simple: list(Number(r.simple_nodes), r.simple_ids), english: list(Number(r.english_nodes), r.english_ids) });
    }
    return { revision: Number(rows[0]?.revision ?? 0), postings };
  },
};
