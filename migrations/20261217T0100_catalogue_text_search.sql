-- A search by words, planned once per connection (ADR 0037). As a prepared statement, PostgreSQL planned
-- the search again for every execution (a plan for the words given, 0.4 ms, twice the execution): its
-- estimate of one plan for all words was never below that of a plan for the words at hand. Inside this
-- function the plan is the generic one, which is the same as the planned one in every case that matters:
-- the GIN index of search_vector finds the matches, and the filters are conditions on those rows.
-- Filters left NULL are not applied. `others` are further to_tsquery expressions, counted with the same
-- filters only when the search finds nothing (the spellings offered instead).
CREATE FUNCTION catalogue_text_search(
  p_expression text, p_audience text, p_organisation text, p_event text, p_channel text, p_online boolean,
  p_limit integer, p_offset integer, p_others text[]
) RETURNS TABLE (total bigint, items json, facets json, others integer[])
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH m AS MATERIALIZED (
    SELECT s.id, s.data, s.version, s.audience, s.organisation_id, s.event_ids, s.channel_types, s.online, s.popularity, s.name_uk,
           ts_rank(s.search_vector, to_tsquery('simple', p_expression) || to_tsquery('english', p_expression)) AS rank
      FROM services s
     WHERE s.search_vector @@ (to_tsquery('simple', p_expression) || to_tsquery('english', p_expression))
       AND (p_audience IS NULL OR s.audience @> ARRAY[p_audience])
       AND (p_organisation IS NULL OR s.organisation_id = p_organisation)
       AND (p_event IS NULL OR s.event_ids @> ARRAY[p_event])
       AND (p_channel IS NULL OR s.channel_types @> ARRAY[p_channel])
       AND (p_online IS NULL OR s.online = p_online)
  ),
  page AS (
    SELECT m.data, m.version, m.rank, m.popularity, m.name_uk, m.id FROM m
     ORDER BY m.rank DESC, m.popularity DESC, m.name_uk, m.id LIMIT p_limit OFFSET p_offset
  ),
  f AS (
    SELECT 'audience' AS facet, a AS value, count(*) AS n FROM m, unnest(m.audience) AS a GROUP BY a
    UNION ALL SELECT 'organisation', m.organisation_id, count(*) FROM m GROUP BY m.organisation_id
    UNION ALL SELECT 'event', e, count(*) FROM m, unnest(m.event_ids) AS e GROUP BY e
    UNION ALL SELECT 'channel', c, count(*) FROM m, unnest(m.channel_types) AS c GROUP BY c
    UNION ALL SELECT 'online', m.online::text, count(*) FROM m GROUP BY m.online
  )
  SELECT (SELECT count(*) FROM m),
    (SELECT coalesce(json_agg(json_build_object('data', page.data, 'version', page.version)
       ORDER BY page.rank DESC, page.popularity DESC, page.name_uk, page.id), '[]'::json) FROM page),
    (SELECT coalesce(json_agg(json_build_object('facet', f.facet, 'value', f.value, 'n', f.n)), '[]'::json) FROM f),
    (SELECT array_agg((
        SELECT count(*) FROM services s
         WHERE s.search_vector @@ (to_tsquery('simple', o.expression) || to_tsquery('english', o.expression))
           AND (p_audience IS NULL OR s.audience @> ARRAY[p_audience])
           AND (p_organisation IS NULL OR s.organisation_id = p_organisation)
           AND (p_event IS NULL OR s.event_ids @> ARRAY[p_event])
           AND (p_channel IS NULL OR s.channel_types @> ARRAY[p_channel])
           AND (p_online IS NULL OR s.online = p_online))::integer ORDER BY o.i)
       FROM unnest(p_others) WITH ORDINALITY AS o(expression, i) WHERE NOT EXISTS (SELECT 1 FROM m));
END
$$;
