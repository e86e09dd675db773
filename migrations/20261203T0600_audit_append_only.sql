-- The audit log refuses rewriting: rows of audit_events are never updated, deleted or truncated, and
-- audit_head only moves forward, to a row that exists with that hash. Someone who can disable these
-- triggers (the table owner, a superuser) can still rewrite the log: `npm run audit:verify
-- --checkpoint FILE` compares the chain with the last entry it signed outside the database (ADR 0013).
CREATE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_events_no_rewrite
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'audit_head is kept forever: % refused', TG_OP;
  END IF;
  IF NEW.id <> OLD.id OR NEW.last_id <= OLD.last_id THEN
    RAISE EXCEPTION 'audit_head only moves forward: % to % refused', OLD.last_id, NEW.last_id;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.last_id AND hash = NEW.last_hash) THEN
    RAISE EXCEPTION 'audit_head must name an appended row: % refused', NEW.last_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_head_forward
  BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate
  BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();
