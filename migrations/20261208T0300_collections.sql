-- Results ready for collection at a service centre (a passport, a certificate on paper) and their
-- handover at the front desk. One row per time a case's result was made ready; at most one open
-- (ready) or collected row per case (a cancelled one may be followed by another, at another centre).
-- The handover is a conditional UPDATE of a ready row, so a result is never handed over twice.
-- Of the identity document checked only its type and the last four characters of its number are kept.
CREATE TABLE collections (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  case_number text NOT NULL,
  organisation_id text NOT NULL,
  centre_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('ready', 'collected', 'cancelled')),
  collect_by date,
  ready_at timestamptz NOT NULL,
  ready_by uuid NOT NULL REFERENCES persons (id),
  ready_role text NOT NULL,
  ready_channel text NOT NULL CHECK (ready_channel IN ('web', 'in-person')),
  handed_at timestamptz,
  handed_by uuid REFERENCES persons (id),
  -- who received it: the applicant (or the represented party's own person) or a representative
  recipient text CHECK (recipient IN ('applicant', 'representative')),
  representative_name text CHECK (representative_name IS NULL OR btrim(representative_name) <> ''),
  representative_basis text CHECK (representative_basis IS NULL OR btrim(representative_basis) <> ''),
  id_document_type text CHECK (id_document_type IN ('passport', 'id-card', 'foreign-passport', 'residence-permit', 'other')),
  id_document_last4 text CHECK (id_document_last4 ~ '^[0-9A-ZА-ЯҐЄІЇ]{4}$'),
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES persons (id),
  cancel_reason text,
  reminded_at timestamptz,
  CHECK ((status = 'collected') = (handed_at IS NOT NULL)),
  CHECK ((handed_at IS NULL) = (handed_by IS NULL) AND (handed_at IS NULL) = (recipient IS NULL) AND (handed_at IS NULL) = (id_document_type IS NULL) AND (handed_at IS NULL) = (id_document_last4 IS NULL)),
  CHECK ((recipient = 'representative') = (representative_name IS NOT NULL AND representative_basis IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE UNIQUE INDEX collections_one_per_case ON collections (case_id) WHERE status <> 'cancelled';
CREATE INDEX collections_awaiting ON collections (centre_id, ready_at) WHERE status = 'ready';

-- The notice "your result is ready for collection" goes to the inbox and by post like the case notices.
ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_kind_check;
ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_kind_check
  CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn', 'appeal-filed', 'appeal-extended', 'appeal-answered', 'ready-for-collection', 'collection-reminder'));
ALTER TABLE letters DROP CONSTRAINT letters_kind_check;
ALTER TABLE letters ADD CONSTRAINT letters_kind_check
  CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn', 'appeal-answered', 'appeal-extended', 'ready-for-collection', 'collection-reminder'));
