-- The page of a search whose matching services the portal already knows (ADR 0040): those services,
-- in the order `catalogue_text_search` gives its page (rank, popularity, Ukrainian name, id), read by
-- their keys. It runs one plan for every list of ids, as `catalogue_text_search` does for every
-- expression (ADR 0037): planned for the ids at hand, the statement was planned again on every call.
-- `revision` is the catalogue revision the page was read at, so a caller can tell a page of another
-- revision than the ids it gave.
CREATE FUNCTION catalogue_ranked_page(p_ids text[], p_expression text, p_limit integer, p_offset integer)
RETURNS TABLE (revision bigint, items json)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH page AS (
    SELECT s.data, s.version, s.popularity, s.name_uk, s.id,
           ts_rank(s.search_vector, to_tsquery('simple', p_expression) || to_tsquery('english', p_expression)) AS rank
      FROM services s
     WHERE s.id = ANY (p_ids)
     ORDER BY rank DESC, s.popularity DESC, s.name_uk, s.id
     LIMIT p_limit OFFSET p_offset
  )
  SELECT (SELECT r.revision FROM catalogue_revision r WHERE r.id = 1),
    (SELECT coalesce(json_agg(json_build_object('data', page.data, 'version', page.version)
       ORDER BY page.rank DESC, page.popularity DESC, page.name_uk, page.id), '[]'::json) FROM page);
END
$$;

-- The reads of what the portal keeps for each new word of a search (ADR 0020, 0039), one plan for all
-- words. As prepared statements they were planned again for every execution, for the words at hand
-- (0.14 ms of planning to 0.07 ms of execution for a word's matches, 0.07 to 0.25 for its near words),
-- with the plan every execution then used anyway: the GIN index of search_vector for the matches, the
-- GiST index of search_words, nearest first, for the near words.

-- For each of `p_words`, the services each reading of `catalogue_text_search` matches with the word
-- alone (`to_tsquery` of the word), and how many lexemes each reading makes of it; with the revision.
CREATE FUNCTION catalogue_word_postings(p_words text[])
RETURNS TABLE (revision bigint, word text, simple_nodes integer, english_nodes integer, simple_ids text[], english_ids text[])
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT (SELECT r.revision FROM catalogue_revision r WHERE r.id = 1), w.word,
    numnode(to_tsquery('simple', w.word)), numnode(to_tsquery('english', w.word)),
    ARRAY(SELECT s.id FROM services s WHERE s.search_vector @@ to_tsquery('simple', w.word)),
    ARRAY(SELECT s.id FROM services s WHERE s.search_vector @@ to_tsquery('english', w.word))
  FROM unnest(p_words) AS w(word);
END
$$;

-- The `p_limit` catalogue words nearest in spelling to each of `p_words` (trigram distance) with at
-- least `p_min` similarity: by word, then nearest first, then alphabetically.
CREATE FUNCTION catalogue_near_words(p_words text[], p_limit integer, p_min real)
RETURNS TABLE (term text, word text, similarity real)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT t.term, n.word, n.similarity
    FROM unnest(p_words) AS t(term)
    CROSS JOIN LATERAL (
      SELECT sw.word, similarity(sw.word, t.term) AS similarity FROM search_words sw ORDER BY sw.word <-> t.term LIMIT p_limit
    ) AS n
   WHERE n.similarity >= p_min
   ORDER BY t.term, n.similarity DESC, n.word;
END
$$;
