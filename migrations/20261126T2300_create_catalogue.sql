-- The national catalogue of public services (CPSV-AP 3.2.0 plus the Ukrainian information card).
-- History lives in catalogue_versions (append-only); the other tables hold the current version of
-- each record, shaped for the portal's reads and search.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE catalogue_revision (
  id smallint PRIMARY KEY CHECK (id = 1),
  revision bigint NOT NULL
);
INSERT INTO catalogue_revision (id, revision) VALUES (1, 0);

CREATE TABLE catalogue_versions (
  kind text NOT NULL CHECK (kind IN ('organisation', 'centre', 'event', 'service')),
  record_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  data jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  revision bigint NOT NULL,
  PRIMARY KEY (kind, record_id, version)
);

CREATE FUNCTION catalogue_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'catalogue_versions is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER catalogue_versions_no_rewrite
  BEFORE UPDATE OR DELETE ON catalogue_versions
  FOR EACH ROW EXECUTE FUNCTION catalogue_versions_immutable();

CREATE TABLE organisations (
  id text PRIMARY KEY,
  version integer NOT NULL,
  parent_id text REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
  name_uk text NOT NULL,
  name_en text NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX organisations_parent_idx ON organisations (parent_id);

CREATE TABLE centres (
  id text PRIMARY KEY,
  version integer NOT NULL,
  organisation_id text NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
  name_uk text NOT NULL,
  name_en text NOT NULL,
  city_uk text NOT NULL,
  city_en text NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX centres_organisation_idx ON centres (organisation_id);

CREATE TABLE events (
  id text PRIMARY KEY,
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('life', 'business')),
  name_uk text NOT NULL,
  name_en text NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE services (
  id text PRIMARY KEY,
  version integer NOT NULL,
  identifier text NOT NULL UNIQUE,
  organisation_id text NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
  audience text[] NOT NULL,
  event_ids text[] NOT NULL,
  channel_types text[] NOT NULL,
  centre_ids text[] NOT NULL,
  online boolean NOT NULL,
  thematic_area text NOT NULL,
  eu_basic_service text,
  popularity integer NOT NULL DEFAULT 0,
  name_uk text NOT NULL,
  name_en text NOT NULL,
  search_vector tsvector NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
-- GIN indexes without the pending list: the catalogue is written rarely and read all the time, and a
-- pending list would make every search scan it.
CREATE INDEX services_search_vector_idx ON services USING gin (search_vector) WITH (fastupdate = off);
CREATE INDEX services_audience_idx ON services USING gin (audience) WITH (fastupdate = off);
CREATE INDEX services_event_ids_idx ON services USING gin (event_ids) WITH (fastupdate = off);
CREATE INDEX services_channel_types_idx ON services USING gin (channel_types) WITH (fastupdate = off);
CREATE INDEX services_centre_ids_idx ON services USING gin (centre_ids) WITH (fastupdate = off);
CREATE INDEX services_organisation_idx ON services (organisation_id);
CREATE INDEX services_popularity_idx ON services (popularity DESC, name_uk);

-- Every word of service names and keywords, for typo tolerance: a misspelt query word is matched to
-- its nearest words here (trigram distance, index-backed) and the full-text query runs with them.
CREATE TABLE search_words (
  word text PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING gist (word gist_trgm_ops);
