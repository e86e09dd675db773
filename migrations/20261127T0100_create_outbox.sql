-- The transactional outbox: every effect outside the portal (e-mail, SMS, calls to other agencies)
-- is a row written in the same transaction as the change that causes it, then delivered by the
-- outbox worker with retries. A row is pending, done (done_at) or dead (dead_at, for an operator).

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL CHECK (topic <> ''),
  payload jsonb NOT NULL,
  -- The same key twice is the same effect: the second enqueue is a no-op, and channels pass the
  -- key on to providers so that a retried delivery is not delivered twice.
  idempotency_key text NOT NULL UNIQUE CHECK (idempotency_key <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL,
  -- Incremented when a worker claims the row, so a row that kills its worker still runs out.
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  locked_by text,
  locked_until timestamptz,
  done_at timestamptz,
  dead_at timestamptz,
  last_error text,
  CHECK (done_at IS NULL OR dead_at IS NULL),
  CHECK ((locked_by IS NULL) = (locked_until IS NULL))
);

-- Claims scan pending rows in id order; done and dead rows leave this index.
CREATE INDEX outbox_claimable ON outbox (id) WHERE done_at IS NULL AND dead_at IS NULL;

-- The dead-letter view for operators.
CREATE INDEX outbox_dead ON outbox (dead_at, id) WHERE dead_at IS NOT NULL;
