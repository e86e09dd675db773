-- "Was this page useful?" answers and the searches that found nothing. Neither table holds personal
-- data: no address, no person, no session, no time finer than the day (see modules/feedback/README.md).

CREATE TABLE page_feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the page's path without its query, e.g. /en/services/foreign-passport
  path text NOT NULL CHECK (path ~ '^/(uk|en)(/|$)' AND length(path) <= 200),
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  -- the service the page belongs to and its competent agency, when it is a service's page
  service_id text,
  organisation_id text,
  useful boolean NOT NULL,
  -- what was wrong, as typed (optional)
  comment text CHECK (comment IS NULL OR (comment <> '' AND length(comment) <= 1000)),
  day date NOT NULL
);
CREATE INDEX page_feedback_by_organisation ON page_feedback (organisation_id, day DESC) WHERE organisation_id IS NOT NULL;
CREATE INDEX page_feedback_by_service ON page_feedback (service_id) WHERE service_id IS NOT NULL;

CREATE TABLE search_gaps (
  -- the query normalised: lower case, letters and digits, single spaces
  query text NOT NULL CHECK (query <> '' AND length(query) <= 200),
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  searches integer NOT NULL DEFAULT 1 CHECK (searches > 0),
  first_day date NOT NULL,
  last_day date NOT NULL,
  PRIMARY KEY (lang, query)
);
CREATE INDEX search_gaps_by_count ON search_gaps (searches DESC, last_day DESC);

-- The ratings given after cases, counted per service on its public page and per agency for its staff.
CREATE INDEX cases_rated_by_service ON cases (service_id, rating) WHERE rating IS NOT NULL;
CREATE INDEX cases_rated_by_organisation ON cases (organisation_id, rated_at DESC) WHERE rating IS NOT NULL;
