-- Citizens' appeals taken by staff: on the phone by the contact centre (the caller identified, their
-- consent recorded), at a centre's front desk (the visitor may give only a name and an address for a
-- written answer) and in the post room (the sender, the address and the day the letter was received —
-- the day the 30-day term starts). An appeal may now name nobody the portal knows: then the address
-- it gives is where the answer goes, by post.
ALTER TABLE appeals ADD COLUMN postal_address text CHECK (postal_address IS NULL OR btrim(postal_address) <> '');
ALTER TABLE appeals DROP CONSTRAINT appeals_check;
ALTER TABLE appeals ADD CONSTRAINT appeals_reachable_check CHECK (person_id IS NOT NULL OR reply_number IS NOT NULL OR postal_address IS NOT NULL);

-- One row per appeal a staff member took: who, under which role (and centre), through which channel,
-- on what basis; for the phone the call; for post the sender, the day received and the pages of the
-- letter (counted: the appeal keeps no scans). The form's key makes a repeated press one appeal.
CREATE TABLE appeal_intakes (
  appeal_id uuid PRIMARY KEY REFERENCES appeals (id),
  channel text NOT NULL CHECK (channel IN ('post', 'in-person', 'phone')),
  staff_person_id uuid NOT NULL REFERENCES persons (id),
  staff_role text NOT NULL CHECK (staff_role IN ('clerk', 'front-desk', 'contact-centre')),
  centre_id text,
  call_id uuid REFERENCES calls (id),
  basis text NOT NULL CHECK (basis IN ('phone-consent', 'signed-paper', 'in-person')),
  sender text CHECK (sender IS NULL OR btrim(sender) <> ''),
  received_on date,
  pages integer CHECK (pages IS NULL OR pages BETWEEN 1 AND 200),
  idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
  created_at timestamptz NOT NULL,
  CHECK ((channel = 'phone') = (call_id IS NOT NULL)),
  CHECK ((channel = 'post') = (received_on IS NOT NULL AND sender IS NOT NULL AND pages IS NOT NULL)),
  UNIQUE (staff_person_id, idempotency_key)
);

-- The answer to an appeal (and its extension) goes by post too: a letter names the appeal instead of
-- a case, and may be addressed to someone the portal has no record of (an unidentified visitor, a
-- sender by post), once per outbox message.
ALTER TABLE letters ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE letters ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE letters ADD COLUMN appeal_id uuid REFERENCES appeals (id);
ALTER TABLE letters ADD CONSTRAINT letters_subject_check CHECK ((case_id IS NULL) <> (appeal_id IS NULL));
ALTER TABLE letters ADD CONSTRAINT letters_recipient_check CHECK (person_id IS NOT NULL OR appeal_id IS NOT NULL);
ALTER TABLE letters DROP CONSTRAINT letters_kind_check;
ALTER TABLE letters ADD CONSTRAINT letters_kind_check
  CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn', 'appeal-answered', 'appeal-extended'));
CREATE UNIQUE INDEX letters_appeal_once ON letters (source_key) WHERE appeal_id IS NOT NULL;
