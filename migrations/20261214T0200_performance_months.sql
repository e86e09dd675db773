-- Monthly roll-ups of the two largest daily aggregates (ADR 0030): the same dimensions with the month (its
-- first day) for the day, added to by the job's upserts in the same transaction as the daily rows, so a
-- twelve-month page sums about 12 × services × agencies × channels rows instead of 365 × that.
CREATE TABLE performance_case_months (
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  service_id text NOT NULL,
  organisation_id text NOT NULL,
  channel text NOT NULL,
  submitted integer NOT NULL DEFAULT 0,
  decided integer NOT NULL DEFAULT 0,
  timed integer NOT NULL DEFAULT 0,
  on_time integer NOT NULL DEFAULT 0,
  granted integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  silent_consents integer NOT NULL DEFAULT 0,
  withdrawn integer NOT NULL DEFAULT 0,
  PRIMARY KEY (month, service_id, organisation_id, channel)
);
CREATE INDEX performance_case_months_service ON performance_case_months (service_id, month);
CREATE INDEX performance_case_months_agency ON performance_case_months (organisation_id, month);

CREATE TABLE performance_duration_months (
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  service_id text NOT NULL,
  organisation_id text NOT NULL,
  days integer NOT NULL CHECK (days BETWEEN 0 AND 366),
  decided integer NOT NULL DEFAULT 0,
  PRIMARY KEY (month, service_id, organisation_id, days)
);
CREATE INDEX performance_duration_months_service ON performance_duration_months (service_id, month);
CREATE INDEX performance_duration_months_agency ON performance_duration_months (organisation_id, month);

-- The roll-ups of what the job has folded in so far: the lock waits for a batch in progress (it holds its
-- source's row lock) and keeps the next from starting until the roll-ups are filled.
LOCK TABLE performance_refresh IN EXCLUSIVE MODE;
INSERT INTO performance_case_months (month, service_id, organisation_id, channel, submitted, decided, timed, on_time, granted, refused, silent_consents, withdrawn)
SELECT date_trunc('month', day)::date, service_id, organisation_id, channel, sum(submitted), sum(decided), sum(timed), sum(on_time),
       sum(granted), sum(refused), sum(silent_consents), sum(withdrawn)
  FROM performance_case_days GROUP BY 1, 2, 3, 4;
INSERT INTO performance_duration_months (month, service_id, organisation_id, days, decided)
SELECT date_trunc('month', day)::date, service_id, organisation_id, days, sum(decided)
  FROM performance_durations GROUP BY 1, 2, 3, 4;

-- The open-data files as the job rendered them for a generation of the aggregates (and the Kyiv day the
-- JSON names): every process serves these bytes instead of computing them again. Older generations are
-- deleted when a newer one is written.
CREATE TABLE open_data_files (
  generation bigint NOT NULL,
  name text NOT NULL,
  day date NOT NULL,
  content text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (generation, name)
);
