-- One-time codes: quotas counted from the database, wrong guesses counted across codes, no code in clear.

-- Who asked for each code from where, so the per-client quota is shared by every process.
ALTER TABLE contact_verifications ADD COLUMN client_address text;
CREATE INDEX contact_verifications_address_idx ON contact_verifications (address, created_at DESC);
CREATE INDEX contact_verifications_client_idx ON contact_verifications (client_address, created_at DESC) WHERE client_address IS NOT NULL;
CREATE INDEX contact_verifications_created_idx ON contact_verifications (person_id, created_at DESC);

-- Every wrong code entered, per person and channel: a new code does not reset the count.
CREATE TABLE contact_code_failures (
  person_id uuid NOT NULL REFERENCES persons (id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  failed_at timestamptz NOT NULL
);
CREATE INDEX contact_code_failures_idx ON contact_code_failures (person_id, channel, failed_at DESC);

-- What the contacts page shows once after a form was posted (post, redirect, get).
CREATE TABLE contact_page_outcomes (
  person_id uuid PRIMARY KEY REFERENCES persons (id),
  outcome jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- Codes are no longer carried by the outbox: drop those kept by messages written before.
UPDATE outbox SET payload = payload - 'code' WHERE topic = 'contact.verification-code' AND payload ? 'code';
