-- Once-only (ADR 0027). Evidence a base registry holds, fetched for a case over the exchange after submission
-- by a background job (claimed with SKIP LOCKED; a registry down is asked again later, with backoff): one row
-- per case and evidence, waiting until the registry answers, then fetched (the record) or not held (the
-- registry has no record of the subject). Nothing is ever dropped: a row waits as long as the registry is down.
CREATE TABLE case_evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  case_number text NOT NULL,
  evidence_id text NOT NULL,
  -- the registry service's contract key (platform/registries), e.g. tax.income
  service text NOT NULL,
  -- whose record: national-id:<rnokpp> or business:<code>
  subject text NOT NULL CHECK (subject ~ '^(national-id:[0-9]{10}|business:[0-9]{8})$'),
  -- the agency the case is for (the reader of the access record) and the law the query is made under
  agency_id text,
  law text NOT NULL,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'fetched', 'not-held')),
  requested_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- when the job may take it next (a claim moves it on by a lease, so a process that dies leaves it due again)
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  fetched_at timestamptz,
  -- X-Road-Id of the query that answered
  request_id text,
  record jsonb,
  UNIQUE (case_id, evidence_id),
  CHECK ((status = 'waiting') = (fetched_at IS NULL))
);
CREATE INDEX case_evidence_due ON case_evidence (next_attempt_at) WHERE status = 'waiting';

-- The answers of a draft prefilled from a registry service, with the service and when the registry answered.
CREATE TABLE draft_prefills (
  draft_id uuid NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  field text NOT NULL,
  service text NOT NULL,
  fetched_at timestamptz NOT NULL,
  PRIMARY KEY (draft_id, field)
);
