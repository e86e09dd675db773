-- The portal inbox: every notice about a case, per person told, with the party it concerns (the person
-- themself, or the business or person they represent). Written by the notice handler in the outbox
-- worker; one row per outbox message and person (source_key), so a retried message never writes twice.
-- Decision notices carry the document, and when the person opened the message and downloaded the
-- decision (proof of delivery).

CREATE TABLE inbox_messages (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  party_kind text NOT NULL CHECK (party_kind IN ('self', 'business', 'person')),
  party_id text CHECK ((party_kind = 'self') = (party_id IS NULL)),
  party_name text NOT NULL,
  case_id uuid NOT NULL REFERENCES cases (id),
  case_number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn')),
  -- the person's language when the notice was sent; subject and body are in it
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  subject text NOT NULL,
  body text NOT NULL,
  document_id uuid REFERENCES documents (id),
  -- the idempotency key of the outbox message that caused the notice
  source_key text NOT NULL CHECK (source_key <> ''),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  opened_at timestamptz,
  downloaded_at timestamptz,
  CHECK (opened_at IS NULL OR document_id IS NOT NULL),
  CHECK (downloaded_at IS NULL OR document_id IS NOT NULL),
  UNIQUE (source_key, person_id)
);
CREATE INDEX inbox_messages_person_idx ON inbox_messages (person_id, created_at DESC);
CREATE INDEX inbox_messages_unread_idx ON inbox_messages (person_id) WHERE read_at IS NULL;
CREATE INDEX inbox_messages_document_idx ON inbox_messages (document_id) WHERE document_id IS NOT NULL;
