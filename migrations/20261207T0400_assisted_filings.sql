-- Applications filed by staff for a person: registered in the post room from a paper application,
-- filed at a centre's front desk, or taken by the contact centre over the phone. One row per case so
-- filed: the channel, the staff member who filed it and under which of their roles (and centre), the
-- basis on which they acted, and for post the sender, the address and the day the paper was received
-- (the day the statutory term starts). The key of the filing form makes a repeated press one case.
CREATE TABLE assisted_filings (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  channel text NOT NULL CHECK (channel IN ('post', 'in-person', 'phone')),
  staff_person_id uuid NOT NULL REFERENCES persons (id),
  staff_role text NOT NULL CHECK (staff_role IN ('clerk', 'front-desk', 'contact-centre')),
  centre_id text,
  basis text NOT NULL CHECK (basis IN ('phone-consent', 'signed-paper', 'in-person')),
  received_on date,
  sender text CHECK (sender IS NULL OR btrim(sender) <> ''),
  postal_address text,
  idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
  created_at timestamptz NOT NULL,
  CHECK ((channel = 'post') = (received_on IS NOT NULL)),
  CHECK ((channel = 'post') = (sender IS NOT NULL)),
  CHECK ((channel = 'in-person') = (centre_id IS NOT NULL)),
  UNIQUE (staff_person_id, idempotency_key)
);
CREATE INDEX assisted_filings_by_staff ON assisted_filings (staff_person_id, created_at DESC);
