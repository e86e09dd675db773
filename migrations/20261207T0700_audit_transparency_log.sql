-- The audit log becomes a transparency log (ADR 0016). An entry is a plain INSERT inside the business
-- transaction (its id from a sequence, no shared row locked); the sealer gives committed entries their
-- leaf index in the Merkle tree of RFC 9162, keeps the tree's complete subtrees for proofs, and signs
-- a checkpoint (tree size, root, time) with an Ed25519 key the database never holds.
CREATE SEQUENCE audit_events_id_seq OWNED BY audit_events.id;
SELECT setval('audit_events_id_seq', COALESCE((SELECT max(id) FROM audit_events), 0) + 1, false);
ALTER TABLE audit_events ALTER COLUMN id SET DEFAULT nextval('audit_events_id_seq');
-- The hash chain of ADR 0009 is kept for the rows it covers; new rows have no chain link.
ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_events ADD COLUMN leaf_index bigint;
CREATE UNIQUE INDEX audit_events_leaf_idx ON audit_events (leaf_index);
CREATE INDEX audit_events_unsealed_idx ON audit_events (id) WHERE leaf_index IS NULL;

-- The chain's head, locked by every append, is gone: the tree's head is the latest checkpoint.
DROP TABLE audit_head;
DROP FUNCTION audit_head_forward_only();

-- Rows stay append-only; the one UPDATE allowed gives an unsealed row its leaf index, once, with
-- every other column unchanged.
CREATE OR REPLACE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.leaf_index IS NULL AND NEW.leaf_index IS NOT NULL
     AND (NEW.id, NEW.at, NEW.action, NEW.outcome, NEW.channel, NEW.actor_person_id, NEW.acting_for, NEW.subject, NEW.detail, NEW.prev_hash, NEW.hash)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.action, OLD.outcome, OLD.channel, OLD.actor_person_id, OLD.acting_for, OLD.subject, OLD.detail, OLD.prev_hash, OLD.hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$;

-- The complete subtrees of the tree: the 2^level leaves from index * 2^level hash to `hash` (level 0:
-- the leaf hashes). Any root or proof is O(log n) of these rows.
CREATE TABLE audit_tree_nodes (
  level smallint NOT NULL CHECK (level >= 0 AND level < 64),
  index bigint NOT NULL CHECK (index >= 0),
  hash bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, index)
);

-- Signed tree heads. The public key that verifies `signature` is published at the portal's
-- transparency URLs; the private key is only in the environment (AUDIT_SIGNING_KEY).
CREATE TABLE audit_checkpoints (
  tree_size bigint PRIMARY KEY CHECK (tree_size > 0),
  root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL
);

-- One row that a sealer locks (FOR UPDATE NOWAIT) while it seals: any number of processes may run the
-- sealer, one seals at a time.
CREATE TABLE audit_seal_lock (
  id smallint PRIMARY KEY CHECK (id = 1)
);
INSERT INTO audit_seal_lock (id) VALUES (1);

CREATE FUNCTION audit_tree_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER audit_tree_nodes_no_rewrite BEFORE UPDATE OR DELETE ON audit_tree_nodes FOR EACH ROW EXECUTE FUNCTION audit_tree_immutable();
CREATE TRIGGER audit_tree_nodes_no_truncate BEFORE TRUNCATE ON audit_tree_nodes FOR EACH STATEMENT EXECUTE FUNCTION audit_tree_immutable();
CREATE TRIGGER audit_checkpoints_no_rewrite BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_tree_immutable();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_tree_immutable();
