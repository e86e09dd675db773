-- Public performance figures, computed from the case and appeal events, never typed in (ADR 0030).
-- A background job folds new events into daily aggregates from a watermark; pages and open data read
-- only these tables.

-- Per Kyiv day (of the event), service, agency and channel of the application: submissions and decisions.
CREATE TABLE performance_case_days (
  day date NOT NULL,
  service_id text NOT NULL,
  organisation_id text NOT NULL,
  channel text NOT NULL,
  submitted integer NOT NULL DEFAULT 0,
  decided integer NOT NULL DEFAULT 0,
  -- decisions of cases with a statutory due date, and those of them on or before it
  timed integer NOT NULL DEFAULT 0,
  on_time integer NOT NULL DEFAULT 0,
  granted integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  silent_consents integer NOT NULL DEFAULT 0,
  withdrawn integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, service_id, organisation_id, channel)
);
CREATE INDEX performance_case_days_service ON performance_case_days (service_id, day);
CREATE INDEX performance_case_days_agency ON performance_case_days (organisation_id, day);

-- The histogram of processing times: decisions per day, service, agency and whole calendar days from the
-- start of the term to the decision (capped at 366), from which the median and the 90th percentile come.
CREATE TABLE performance_durations (
  day date NOT NULL,
  service_id text NOT NULL,
  organisation_id text NOT NULL,
  days integer NOT NULL CHECK (days BETWEEN 0 AND 366),
  decided integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, service_id, organisation_id, days)
);
CREATE INDEX performance_durations_service ON performance_durations (service_id, day);
CREATE INDEX performance_durations_agency ON performance_durations (organisation_id, day);

-- Ratings given after a service, per Kyiv day of the rating: recounted for the recent days on each run.
CREATE TABLE performance_rating_days (
  day date NOT NULL,
  service_id text NOT NULL,
  organisation_id text NOT NULL,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  ratings integer NOT NULL,
  PRIMARY KEY (day, service_id, organisation_id, rating)
);
CREATE INDEX cases_rated ON cases (rated_at) WHERE rated_at IS NOT NULL;

-- Appeals per day, agency ('' while in triage), kind and channel: filed, answered, answered within the term.
CREATE TABLE performance_appeal_days (
  day date NOT NULL,
  organisation_id text NOT NULL,
  kind text NOT NULL,
  channel text NOT NULL,
  filed integer NOT NULL DEFAULT 0,
  answered integer NOT NULL DEFAULT 0,
  answered_on_time integer NOT NULL DEFAULT 0,
  extended integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, organisation_id, kind, channel)
);

-- Waiting at the centres per day and centre (from the walk-in queue's tickets): recounted for the recent days.
CREATE TABLE performance_centre_days (
  day date NOT NULL,
  centre_id text NOT NULL,
  tickets integer NOT NULL,
  called integer NOT NULL,
  wait_seconds bigint NOT NULL,
  longest_wait_seconds integer NOT NULL,
  PRIMARY KEY (day, centre_id)
);

-- One row per source of events: the last event id folded in, the day recounts start from, and a
-- generation that every run which changed something increments (the pages' cache key). A run holds
-- its source's row lock (FOR UPDATE SKIP LOCKED): a second worker finds it taken and does nothing.
CREATE TABLE performance_refresh (
  source text PRIMARY KEY CHECK (source IN ('case-events', 'appeal-events', 'recounts')),
  last_id bigint NOT NULL DEFAULT 0,
  recount_from date,
  generation bigint NOT NULL DEFAULT 0,
  refreshed_at timestamptz
);
INSERT INTO performance_refresh (source) VALUES ('case-events'), ('appeal-events'), ('recounts');

-- Ids below the watermark not yet seen when it passed them: a transaction still running then (its event
-- is folded in when it appears) or one rolled back (dropped after a while).
CREATE TABLE performance_event_gaps (
  source text NOT NULL,
  lo bigint NOT NULL,
  hi bigint NOT NULL CHECK (hi >= lo),
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (source, lo)
);

-- The open data as published each day: every dataset in every format, kept so older days stay downloadable.
CREATE TABLE open_data_snapshots (
  day date NOT NULL,
  dataset text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'json')),
  content text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (dataset, format, day)
);
