import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Service } from './catalogue.ts';
import { type FacetCounts, type NearWord, type SearchQuery, neighboursOf, wordsTsQuery, searchTerms } from './catalogue-search.ts';

export interface SearchPage {
  readonly total: number;
  readonly items: readonly Service[];
  readonly facets: FacetCounts;
}

interface Built {
  readonly where: string;
  /** Relevance, when there is text to rank by. */
  readonly rank: string;
  readonly params: unknown[];
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

/**
 * Full-text search in both languages (the `simple` configuration for Ukrainian, `english` for
 * English), every word matched as itself or as one of its spelling neighbours (`near`, looked up
 * with `nearWords`); one condition on the GIN index of `search_vector`.
 */
function build(query: SearchQuery, near: ReadonlyMap<string, readonly NearWord[]>): Built {
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  const conditions: string[] = [];
  let rank = '0::real';
  const terms = query.text ? searchTerms(query.text) : [];
  if (terms.length > 0) {
    const tsquery = bothLanguages(add(wordsTsQuery(terms, neighboursOf(near))));
    conditions.push(`search_vector @@ ${tsquery}`);
    rank = `ts_rank(search_vector, ${tsquery})`;
  }
  conditions.push(...filterConditions(query, add));
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', rank, params };
}

const ORDER = 'rank DESC, popularity DESC, name_uk, id';

/** Near words looked up for each query word: the term itself, four neighbours and six spellings fit with room for ties. */
const NEAR_WORDS = 12;
/** The loosest similarity any use of near words accepts ("did you mean"). */
const MIN_SIMILARITY = 0.2;

export const catalogueSearch = {
  /**
   * The catalogue words nearest in spelling to each of `words` (trigram distance, GiST-indexed), nearest first,
   * with their similarity, in one statement; enough of them for the search's neighbours and for "did you mean".
   */
  async nearWords(q: Queryable, words: readonly string[]): Promise<Map<string, NearWord[]>> {
    const rows = await q.query<{ term: string; word: string; similarity: number }>(
      prepared(`SELECT t.term, w.word, w.similarity
         FROM unnest($1::text[]) AS t(term)
         CROSS JOIN LATERAL (
           SELECT word, similarity(word, t.term) AS similarity FROM search_words ORDER BY word <-> t.term LIMIT ${NEAR_WORDS}
         ) AS w
        WHERE w.similarity >= ${MIN_SIMILARITY}
        ORDER BY t.term, w.similarity DESC, w.word`),
      [words],
    );
    const near = new Map<string, NearWord[]>(words.map((w) => [w, []]));
    for (const r of rows) {
      near.get(r.term)?.push({ word: r.word, similarity: Number(r.similarity) });
    }
    return near;
  },

  /**
   * How many services each of `texts` finds with the filters of `query` — the totals `search` would
   * give, in one statement for all of them. `near` holds the near words of every word of `texts`.
   */
  async totals(q: Queryable, query: SearchQuery, texts: readonly string[], near: ReadonlyMap<string, readonly NearWord[]>): Promise<number[]> {
    const termsOf = texts.map(searchTerms);
    if (termsOf.some((terms) => terms.length === 0)) {
      throw new Error('totals needs words to count');
    }
    const neighbours = neighboursOf(near);
    const params: unknown[] = [termsOf.map((terms) => wordsTsQuery(terms, neighbours))];
    const add = (v: unknown) => `$${params.push(v)}`;
    const conditions = [`search_vector @@ ${bothLanguages('c.expression')}`, ...filterConditions(query, add)];
    const rows = await q.query<{ n: number }>(
      prepared(`SELECT (SELECT count(*) FROM services WHERE ${conditions.join(' AND ')})::int AS n
       FROM unnest($1::text[]) WITH ORDINALITY AS c(expression, i) ORDER BY c.i`),
      params,
    );
    return rows.map((r) => r.n);
  },

  /**
   * One round trip: the matching services are computed once (a materialised CTE) and give the page,
   * the total and the count under each filter value.
   */
  async search(q: Queryable, query: SearchQuery, near: ReadonlyMap<string, readonly NearWord[]>): Promise<SearchPage> {
    const { where, rank, params } = build(query, near);
    const limit = `$${params.length + 1}`;
    const offset = `$${params.length + 2}`;
    const [row] = await q.query<{ total: number; items: Array<{ data: object; version: number }>; facets: Array<{ facet: keyof FacetCounts; value: string; n: number }> }>(
      prepared(`WITH m AS MATERIALIZED (
         SELECT id, data, version, audience, organisation_id, event_ids, channel_types, online, popularity, name_uk, ${rank} AS rank
         FROM services ${where}
       ),
       page AS (SELECT data, version, rank, popularity, name_uk, id FROM m ORDER BY ${ORDER} LIMIT ${limit} OFFSET ${offset}),
       f AS (
         SELECT 'audience' AS facet, a AS value, count(*) AS n FROM m, unnest(m.audience) AS a GROUP BY a
         UNION ALL SELECT 'organisation', organisation_id, count(*) FROM m GROUP BY organisation_id
         UNION ALL SELECT 'event', e, count(*) FROM m, unnest(m.event_ids) AS e GROUP BY e
         UNION ALL SELECT 'channel', c, count(*) FROM m, unnest(m.channel_types) AS c GROUP BY c
         UNION ALL SELECT 'online', online::text, count(*) FROM m GROUP BY online
       )
       SELECT (SELECT count(*) FROM m) AS total,
         (SELECT coalesce(json_agg(json_build_object('data', data, 'version', version) ORDER BY ${ORDER}), '[]'::json) FROM page) AS items,
         (SELECT coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'n', n)), '[]'::json) FROM f) AS facets`),
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const facets: Record<keyof FacetCounts, Array<{ value: string; count: number }>> = { audience: [], organisation: [], event: [], channel: [], online: [] };
    for (const f of row?.facets ?? []) {
      facets[f.facet].push({ value: f.value, count: f.n });
    }
    const items = (row?.items ?? []).map((r) => ({ ...r.data, version: r.version }) as Service);
    return { total: row?.total ?? 0, items, facets };
  },

  /** The query plan of a search, for tests and benchmarks that prove it stays index-backed. */
  async explain(q: Queryable, query: SearchQuery, near: ReadonlyMap<string, readonly NearWord[]>): Promise<string> {
    const { where, rank, params } = build(query, near);
    const rows = await q.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT data FROM services ${where} ORDER BY ${rank} DESC, popularity DESC, name_uk LIMIT 20`,
      params,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  },
};
