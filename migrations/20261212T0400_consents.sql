-- Consents (ADR 0028): a person's agreement that a recipient (an exchange member's subsystem, or an API
-- client) may receive named data through a named service for a purpose stated in plain words, from a
-- time until a time. The words the person agreed to are kept as shown, in both languages. A consent is
-- never deleted or edited: revoking it stamps revoked_at and the channel once.
CREATE TABLE consents (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL,
  -- The subject as registries know them: the person's national id (RNOKPP).
  national_id text NOT NULL,
  offer text NOT NULL,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('exchange-subsystem', 'api-client')),
  recipient text NOT NULL,
  -- The exchange service (INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE) the data comes from.
  service text NOT NULL,
  words jsonb NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
  granted_at timestamptz NOT NULL,
  granted_channel text NOT NULL,
  revoked_at timestamptz,
  revoked_channel text,
  CHECK ((revoked_at IS NULL) = (revoked_channel IS NULL))
);
-- The exchange's check on every request whose right requires consent: by subject, recipient and service.
CREATE INDEX consents_in_force ON consents (national_id, recipient, service, valid_until) WHERE revoked_at IS NULL;
CREATE INDEX consents_of_person ON consents (person_id, granted_at DESC);

CREATE FUNCTION consents_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
     AND (NEW.id, NEW.person_id, NEW.national_id, NEW.offer, NEW.recipient_kind, NEW.recipient, NEW.service, NEW.words, NEW.valid_from, NEW.valid_until, NEW.granted_at, NEW.granted_channel)
         IS NOT DISTINCT FROM (OLD.id, OLD.person_id, OLD.national_id, OLD.offer, OLD.recipient_kind, OLD.recipient, OLD.service, OLD.words, OLD.valid_from, OLD.valid_until, OLD.granted_at, OLD.granted_channel) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a consent is only ever revoked: % refused', TG_OP;
END;
$$;
CREATE TRIGGER consents_no_rewrite BEFORE UPDATE OR DELETE ON consents FOR EACH ROW EXECUTE FUNCTION consents_revoke_only();
