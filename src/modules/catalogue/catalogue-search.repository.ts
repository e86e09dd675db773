import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Service } from './catalogue.ts';
import type { FacetCounts, NearWord, SearchQuery } from './catalogue-search.ts';

export interface SearchPage {
  readonly total: number;
  readonly items: readonly Service[];
  readonly facets: FacetCounts;
}

/** The filter conditions of a query (everything but its words), numbering parameters through `add`. */
function filterConditions(query: SearchQuery, add: (v: unknown) => string): string[] {
  const conditions: string[] = [];
  if (query.audience) {
    conditions.push(`audience @> ARRAY[${add(query.audience)}]::text[]`);
  }
  if (query.organisationId) {
    conditions.push(`organisation_id = ${add(query.organisationId)}`);
  }
  if (query.eventId) {
    conditions.push(`event_ids @> ARRAY[${add(query.eventId)}]::text[]`);
  }
  if (query.channel) {
    conditions.push(`channel_types @> ARRAY[${add(query.channel)}]::text[]`);
  }
  if (query.online !== null) {
    conditions.push(`online = ${add(query.online)}`);
  }
  return conditions;
}

/** Both languages' reading of a `to_tsquery` expression (`simple` for Ukrainian, `english` for English). */
const bothLanguages = (expression: string) => `(to_tsquery('simple', ${expression}) || to_tsquery('english', ${expression}))`;

type SearchRow = {
  readonly total: number | string;
  readonly items: Array<{ data: object; version: number }>;
  readonly facets: Array<{ facet: keyof FacetCounts; value: string; n: number }>;
  readonly others: number[] | null;
};

/** A search by words (a `to_tsquery` expression), and the totals of `others` (expressions too) when it finds nothing. */
async function textSearch(q: Queryable, query: SearchQuery, expression: string, others: readonly string[]): Promise<SearchRow | undefined> {
  const [row] = await q.query<SearchRow>(
    prepared('SELECT total, items, facets, others FROM catalogue_text_search($1, $2, $3, $4, $5, $6, $7, $8, $9::text[])'),
    [expression, query.audience, query.organisationId, query.eventId, query.channel, query.online, query.pageSize, (query.page - 1) * query.pageSize, others],
  );
  return row;
}

/**
 * A search by filters alone (every service when there are none). Its page and facets are those of
 * `catalogue_text_search` without the words; it stays a prepared statement per filter shape, planned
 * for the filters at hand (ADR 0037), so a change to one belongs in the other.
 */
async function filterSearch(q: Queryable, query: SearchQuery): Promise<SearchRow | undefined> {
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  const conditions = filterConditions(query, add);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const order = 'popularity DESC, name_uk, id';
  const [row] = await q.query<SearchRow>(
    prepared(`WITH m AS MATERIALIZED (
       SELECT id, data, version, audience, organisation_id, event_ids, channel_types, online, popularity, name_uk FROM services ${where}
     ),
     page AS (SELECT data, version, popularity, name_uk, id FROM m ORDER BY ${order} LIMIT ${add(query.pageSize)} OFFSET ${add((query.page - 1) * query.pageSize)}),
     f AS (
       SELECT 'audience' AS facet, a AS value, count(*) AS n FROM m, unnest(m.audience) AS a GROUP BY a
       UNION ALL SELECT 'organisation', organisation_id, count(*) FROM m GROUP BY organisation_id
       UNION ALL SELECT 'event', e, count(*) FROM m, unnest(m.event_ids) AS e GROUP BY e
       UNION ALL SELECT 'channel', c, count(*) FROM m, unnest(m.channel_types) AS c GROUP BY c
       UNION ALL SELECT 'online', online::text, count(*) FROM m GROUP BY online
     )
     SELECT (SELECT count(*) FROM m) AS total,
       (SELECT coalesce(json_agg(json_build_object('data', data, 'version', version) ORDER BY ${order}), '[]'::json) FROM page) AS items,
       (SELECT coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'n', n)), '[]'::json) FROM f) AS facets,
       NULL::int[] AS others`),
    params,
  );
  return row;
}

/** Near words looked up for each query word: the term itself, four neighbours and six spellings fit with room for ties. */
const NEAR_WORDS = 12;
/** The loosest similarity any use of near words accepts ("did you mean"). */
const MIN_SIMILARITY = 0.2;

export const catalogueSearch = {
  /**
   * The catalogue words nearest in spelling to each of `words` (trigram distance, GiST-indexed), nearest first,
   * with their similarity, in one statement planned once for all words (`catalogue_near_words`, ADR 0040);
   * enough of them for the search's neighbours and for "did you mean".
   */
  async nearWords(q: Queryable, words: readonly string[]): Promise<Map<string, NearWord[]>> {
    const rows = await q.query<{ term: string; word: string; similarity: number }>(
      prepared(`SELECT term, word, similarity FROM catalogue_near_words($1::text[], ${NEAR_WORDS}, ${MIN_SIMILARITY})`),
      [words],
    );
    const near = new Map<string, NearWord[]>(words.map((w) => [w, []]));
    for (const r of rows) {
      near.get(r.term)?.push({ word: r.word, similarity: Number(r.similarity) });
    }
    return near;
  },

  /**
   * One round trip: the matching services are computed once (a materialised CTE) and give the page,
   * the total and the count under each filter value. A search by words (`expression`, from
   * `wordsTsQuery`) runs in `catalogue_text_search`, which keeps one plan for all words (ADR 0037);
   * when it finds nothing, it also counts what each of `otherExpressions` finds with the same filters
   * (`otherTotals`, in their order). Otherwise, and without words, `otherTotals` is empty.
   */
  async search(q: Queryable, query: SearchQuery, expression: string | null, otherExpressions: readonly string[] = []): Promise<SearchPage & { otherTotals: number[] }> {
    const row = expression !== null ? await textSearch(q, query, expression, otherExpressions) : await filterSearch(q, query);
    const facets: Record<keyof FacetCounts, Array<{ value: string; count: number }>> = { audience: [], organisation: [], event: [], channel: [], online: [] };
    for (const f of row?.facets ?? []) {
      facets[f.facet].push({ value: f.value, count: f.n });
    }
    const items = (row?.items ?? []).map((r) => ({ ...r.data, version: r.version }) as Service);
    return { total: Number(row?.total ?? 0), items, facets, otherTotals: (row?.others ?? []).map(Number) };
  },

  /**
   * The page of services `ids` (what a search matched, known in the portal) in the order of
   * `catalogue_text_search`'s page for `expression`, and the catalogue revision it was read at (ADR 0040).
   */
  async rankedPage(q: Queryable, ids: readonly string[], expression: string, limit: number, offset: number): Promise<{ revision: number; items: Service[] }> {
    const [row] = await q.query<{ revision: number | string; items: Array<{ data: object; version: number }> }>(
      prepared('SELECT revision, items FROM catalogue_ranked_page($1::text[], $2, $3, $4)'),
      [ids, expression, limit, offset],
    );
    return { revision: Number(row?.revision ?? 0), items: (row?.items ?? []).map((r) => ({ ...r.data, version: r.version }) as Service) };
  },

  /**
   * The plan of a search's matching, for tests and benchmarks that prove it stays index-backed. A search by
   * words is planned as `catalogue_text_search` plans it, once for all words: every value is a parameter
   * the planner does not see (a sub-select), the filters left NULL included.
   */
  async explain(q: Queryable, query: SearchQuery, expression: string | null): Promise<string> {
    const params: unknown[] = [];
    const unseen = (v: unknown, type: string) => `(SELECT $${params.push(v)}::${type})`;
    let sql: string;
    if (expression !== null) {
      const words = unseen(expression, 'text');
      const [audience, organisation, event, channel, online] = [unseen(query.audience, 'text'), unseen(query.organisationId, 'text'), unseen(query.eventId, 'text'), unseen(query.channel, 'text'), unseen(query.online, 'boolean')];
      sql = `EXPLAIN SELECT data FROM services WHERE search_vector @@ ${bothLanguages(words)}
        AND (${audience} IS NULL OR audience @> ARRAY[${audience}]) AND (${organisation} IS NULL OR organisation_id = ${organisation})
        AND (${event} IS NULL OR event_ids @> ARRAY[${event}]) AND (${channel} IS NULL OR channel_types @> ARRAY[${channel}])
        AND (${online} IS NULL OR online = ${online})
        ORDER BY ts_rank(search_vector, ${bothLanguages(words)}) DESC, popularity DESC, name_uk LIMIT 20`;
    } else {
      const conditions = filterConditions(query, (v) => `$${params.push(v)}`);
      sql = `EXPLAIN SELECT data FROM services ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY popularity DESC, name_uk LIMIT 20`;
    }
    const rows = await q.query<{ 'QUERY PLAN': string }>(sql, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  },
};
