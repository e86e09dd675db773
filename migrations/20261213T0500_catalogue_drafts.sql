-- The catalogue editor (ADR 0033): every saved edit of a service is a draft of its own, never
-- overwritten; a second staff member publishes one, which then becomes the service's next version
-- in catalogue_versions. A draft's content never changes; its publication is written once.

CREATE TABLE catalogue_drafts (
  service_id text NOT NULL,
  -- 1, 2, 3, … per service, in the order the drafts were saved
  number integer NOT NULL CHECK (number > 0),
  -- the agency the service belongs to (an editor of another agency never sees the draft)
  organisation_id text NOT NULL,
  -- the published version the draft was edited from
  base_version integer NOT NULL CHECK (base_version > 0),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES persons (id),
  author_name text NOT NULL,
  published_at timestamptz,
  published_by uuid REFERENCES persons (id),
  publisher_name text,
  -- the service's version the publication made
  published_version integer,
  PRIMARY KEY (service_id, number),
  CHECK ((published_at IS NULL) = (published_by IS NULL) AND (published_at IS NULL) = (published_version IS NULL)),
  -- four eyes: nobody publishes their own draft
  CHECK (published_by IS NULL OR published_by <> created_by)
);
CREATE INDEX catalogue_drafts_organisation_idx ON catalogue_drafts (organisation_id, service_id);

CREATE FUNCTION catalogue_drafts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'catalogue_drafts are kept: DELETE refused';
  END IF;
  IF OLD.published_at IS NOT NULL
     OR NEW.service_id IS DISTINCT FROM OLD.service_id OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id OR NEW.base_version IS DISTINCT FROM OLD.base_version
     OR NEW.data IS DISTINCT FROM OLD.data OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.author_name IS DISTINCT FROM OLD.author_name THEN
    RAISE EXCEPTION 'a catalogue draft is never rewritten; only its publication is written, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER catalogue_drafts_no_rewrite
  BEFORE UPDATE OR DELETE ON catalogue_drafts
  FOR EACH ROW EXECUTE FUNCTION catalogue_drafts_kept();
