-- The contact centre: calls taken by operators, one-time codes that identify a caller, callback requests.

-- One call: started by an operator with the caller's number as given; identified (or not) by a
-- one-time code sent to a verified phone of the person, or by knowledge questions the operator judged;
-- logged with a topic and an outcome when it ends (duration = ended_at - started_at).
CREATE TABLE calls (
  id uuid PRIMARY KEY,
  operator_person_id uuid NOT NULL REFERENCES persons (id),
  caller_phone text NOT NULL,
  started_at timestamptz NOT NULL,
  caller_person_id uuid REFERENCES persons (id),
  identified_by text CHECK (identified_by IN ('sms-code', 'knowledge')),
  identified_at timestamptz,
  -- What the identification rested on: the questions answered and the operator's judgement in words.
  identification_basis jsonb,
  ended_at timestamptz,
  topic text,
  outcome text,
  notes text,
  CHECK ((caller_person_id IS NULL) = (identified_by IS NULL)),
  CHECK ((ended_at IS NULL) = (topic IS NULL) AND (ended_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX calls_operator ON calls (operator_person_id, started_at DESC);

-- A one-time code sent to identify the caller of a call. The code is derived from the row's id with the
-- code secret and never stored: only its keyed hash. A code takes a few wrong guesses, then it is spent.
CREATE TABLE call_codes (
  id uuid PRIMARY KEY,
  call_id uuid NOT NULL REFERENCES calls (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  phone text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX call_codes_call ON call_codes (call_id, created_at DESC);

-- A request to call someone back: due by the service standard (working days after it was made),
-- taken by one operator (claimed under a row lock), then done with an outcome.
CREATE TABLE callback_requests (
  id uuid PRIMARY KEY,
  call_id uuid REFERENCES calls (id),
  phone text NOT NULL,
  topic text NOT NULL,
  preferred_time text NOT NULL DEFAULT '',
  requested_by uuid NOT NULL REFERENCES persons (id),
  created_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  claimed_by uuid REFERENCES persons (id),
  claimed_at timestamptz,
  done_at timestamptz,
  outcome text,
  notes text,
  CHECK ((done_at IS NULL) = (outcome IS NULL)),
  CHECK (done_at IS NULL OR claimed_by IS NOT NULL)
);
CREATE INDEX callback_requests_open ON callback_requests (due_at) WHERE done_at IS NULL;
