-- A sign-in is bound to the browser that began it: the SHA-256 of a random cookie set at its start.
ALTER TABLE sign_in_requests ADD COLUMN browser_hash text;
CREATE INDEX sign_in_requests_created_idx ON sign_in_requests (created_at);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Rate-limit counters shared by every process: one row per key and fixed window.
CREATE TABLE rate_limit_counters (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limit_counters_end_idx ON rate_limit_counters (window_end);

-- Repeated refusals of one client, counted per minute and kind instead of one chained audit row each.
CREATE TABLE refusal_counts (
  minute timestamptz NOT NULL,
  client text NOT NULL,
  kind text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (minute, client, kind)
);
