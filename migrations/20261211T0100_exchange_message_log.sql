-- The exchange's message log (ADR 0024): every message a member's side of the exchange sent or received,
-- with its request id (X-Road-Id), client, service, purpose (X-Road-Issue), user, the digests of the
-- request and response bodies, the time and the outcome. Append-only; the sealer gives each unsealed
-- row its batch once, and each batch's Merkle root is chained to the member's previous batch.
CREATE TABLE exchange_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member text NOT NULL,
  side text NOT NULL CHECK (side IN ('client', 'provider')),
  request_id text,
  client text,
  service text,
  issue text,
  user_id text,
  request_digest text,
  response_digest text,
  at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('done', 'refused', 'failed')),
  error text,
  status integer,
  batch bigint
);
CREATE INDEX exchange_messages_request ON exchange_messages (request_id);
CREATE INDEX exchange_messages_unsealed ON exchange_messages (member, id) WHERE batch IS NULL;
CREATE INDEX exchange_messages_batch ON exchange_messages (member, batch, id) WHERE batch IS NOT NULL;

CREATE FUNCTION exchange_messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.batch IS NULL AND NEW.batch IS NOT NULL
     AND (NEW.id, NEW.member, NEW.side, NEW.request_id, NEW.client, NEW.service, NEW.issue, NEW.user_id, NEW.request_digest, NEW.response_digest, NEW.at, NEW.outcome, NEW.error, NEW.status)
         IS NOT DISTINCT FROM (OLD.id, OLD.member, OLD.side, OLD.request_id, OLD.client, OLD.service, OLD.issue, OLD.user_id, OLD.request_digest, OLD.response_digest, OLD.at, OLD.outcome, OLD.error, OLD.status) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'exchange_messages is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER exchange_messages_no_rewrite BEFORE UPDATE OR DELETE ON exchange_messages FOR EACH ROW EXECUTE FUNCTION exchange_messages_immutable();

-- One row per member: the last batch sealed and its chain hash; the sealer holds it (FOR UPDATE).
CREATE TABLE exchange_seal_heads (
  member text PRIMARY KEY,
  batch bigint NOT NULL,
  chain text NOT NULL
);

-- Each batch: its rows' count, the RFC 9162 Merkle root of their leaves, and the chain hash
-- SHA-256(previous chain || batch || root), which names every earlier batch.
CREATE TABLE exchange_seals (
  member text NOT NULL,
  batch bigint NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  root text NOT NULL,
  chain text NOT NULL,
  sealed_at timestamptz NOT NULL,
  PRIMARY KEY (member, batch)
);
CREATE FUNCTION exchange_seals_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'exchange_seals is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER exchange_seals_no_rewrite BEFORE UPDATE OR DELETE ON exchange_seals FOR EACH ROW EXECUTE FUNCTION exchange_seals_immutable();

-- Request ids a provider has accepted, so a replayed message is refused; older than the freshness
-- window they may be removed (a message that old is refused as stale anyway).
CREATE TABLE exchange_seen_ids (
  member text NOT NULL,
  request_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (member, request_id)
);
CREATE INDEX exchange_seen_ids_at ON exchange_seen_ids (at);
