-- Letters: case notices sent by post. Written by the notice fan-out in the same transaction as the
-- inbox rows, one per outbox message and person (source_key), so a retried message never prints twice.
-- The wording is kept as sent (in the person's language); the PDF is rendered from the row on demand.
-- Staff of the case's agency print the queue and mark each letter dispatched.

CREATE TABLE letters (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  case_number text NOT NULL,
  -- the agency the case is with: the sender, and whose staff print and dispatch the letter
  organisation_id text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  kind text NOT NULL CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn')),
  subject text NOT NULL,
  body text NOT NULL,
  -- the address block as the person gave it, lines separated by newlines
  address text NOT NULL CHECK (btrim(address) <> ''),
  -- the idempotency key of the outbox message that caused the notice
  source_key text NOT NULL CHECK (source_key <> ''),
  created_at timestamptz NOT NULL,
  dispatched_at timestamptz,
  dispatched_by uuid REFERENCES persons (id),
  CHECK ((dispatched_at IS NULL) = (dispatched_by IS NULL)),
  UNIQUE (source_key, person_id)
);
CREATE INDEX letters_queue_idx ON letters (organisation_id, created_at) WHERE dispatched_at IS NULL;
