-- Applications and cases: drafts kept on the server, their attachments, the cases that submission
-- opens, the case history, information requests, reminders, payments and issued documents.

-- A draft belongs to the person who started it and names the party it is for (themselves, a
-- business or a child). It is deleted `expires_at` after its last change (the service's retention).
CREATE TABLE drafts (
  id uuid PRIMARY KEY,
  service_id text NOT NULL,
  person_id uuid NOT NULL REFERENCES persons (id),
  party_kind text NOT NULL CHECK (party_kind IN ('self', 'business', 'person')),
  party_id text CHECK ((party_kind = 'self') = (party_id IS NULL)),
  party_name text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  -- set by submission: a second tab or a repeated click on this draft finds its case
  submitted_case_id uuid
);
CREATE INDEX drafts_by_person ON drafts (person_id, updated_at DESC);
CREATE INDEX drafts_by_expiry ON drafts (expires_at);

-- Case numbers are human-readable (2026-000123): the year of submission and a number from this
-- sequence. A sequence never blocks concurrent submissions; a rolled-back one leaves a gap.
CREATE SEQUENCE case_numbers;

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE CHECK (number ~ '^[0-9]{4}-[0-9]{6,}$'),
  service_id text NOT NULL,
  -- the catalogue version of the service (its form, fees, term and workflow) the case was opened under
  service_version integer NOT NULL,
  organisation_id text NOT NULL,
  state text NOT NULL,
  clock_paused boolean NOT NULL DEFAULT false,
  outcome text CHECK (outcome IN ('granted', 'refused', 'withdrawn')),
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'sms', 'phone', 'post', 'in-person')),
  -- who applied (the acting person) and for whom (the represented party)
  applicant_person_id uuid NOT NULL REFERENCES persons (id),
  applicant_name text NOT NULL,
  party_kind text NOT NULL CHECK (party_kind IN ('self', 'business', 'person')),
  party_id text CHECK ((party_kind = 'self') = (party_id IS NULL)),
  party_name text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  -- the answers as submitted, frozen, and the SHA-256 of their canonical JSON (printed on the receipt)
  answers jsonb NOT NULL,
  answers_sha256 text NOT NULL CHECK (answers_sha256 ~ '^[0-9a-f]{64}$'),
  -- the fee in kopecks: 'none' (free), 'due', 'paid', 'exempt' (an exemption was claimed)
  fee_cost_id text,
  fee_amount integer NOT NULL CHECK (fee_amount >= 0),
  fee_status text NOT NULL CHECK (fee_status IN ('none', 'due', 'paid', 'exempt')),
  documents_complete boolean NOT NULL,
  term_days integer NOT NULL CHECK (term_days >= 0),
  term_unit text NOT NULL CHECK (term_unit IN ('calendar', 'working')),
  silent_consent boolean NOT NULL,
  submitted_at timestamptz NOT NULL,
  -- the statutory term starts on the day of submission, or of payment when a fee is due
  term_started_on date,
  due_on date,
  assigned_to uuid REFERENCES persons (id),
  decided_at timestamptz,
  idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rated_at timestamptz,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  -- a double click, a retried request or a second tab: the same key is the same case
  UNIQUE (applicant_person_id, idempotency_key)
);
CREATE INDEX cases_queue ON cases (organisation_id, state, due_on);
CREATE INDEX cases_by_applicant ON cases (applicant_person_id, submitted_at DESC);
CREATE INDEX cases_by_party ON cases (party_kind, party_id, submitted_at DESC) WHERE party_id IS NOT NULL;
CREATE INDEX cases_running ON cases (due_on) WHERE due_on IS NOT NULL AND outcome IS NULL;

-- The case's history: every transition, with who, when, through which channel and why.
CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  event text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  actor_person_id uuid REFERENCES persons (id),
  actor_role text NOT NULL,
  channel text NOT NULL,
  reason text,
  refusal_ground_id text,
  at timestamptz NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, id);

-- Internal notes of the agency: never shown to the applicant.
CREATE TABLE case_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  author_person_id uuid NOT NULL REFERENCES persons (id),
  text text NOT NULL CHECK (text <> ''),
  at timestamptz NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id, id);

-- A question to the applicant; the statutory clock stops from the day after asked_on until answered_on.
CREATE TABLE information_requests (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  question text NOT NULL CHECK (question <> ''),
  asked_by uuid NOT NULL REFERENCES persons (id),
  asked_at timestamptz NOT NULL,
  asked_on date NOT NULL,
  answer text,
  answered_by uuid REFERENCES persons (id),
  answered_at timestamptz,
  answered_on date,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX information_requests_by_case ON information_requests (case_id, asked_at);
CREATE UNIQUE INDEX information_requests_one_open ON information_requests (case_id) WHERE answered_at IS NULL;

-- Files uploaded to a draft or an information request, moved to the case on submission.
-- The content is kept by a storage port (this database or a directory), addressed by SHA-256.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  draft_id uuid REFERENCES drafts (id) ON DELETE CASCADE,
  case_id uuid REFERENCES cases (id),
  information_request_id uuid REFERENCES information_requests (id),
  field text NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_by_draft ON attachments (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX attachments_by_case ON attachments (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE attachment_contents (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL
);

-- Reminders to the officer and escalations to the supervisor: one row per case, kind and due date
-- once sent, so that several portal processes never send the same one twice.
CREATE TABLE case_reminders (
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('officer-reminder', 'supervisor-escalation')),
  due_on date NOT NULL,
  working_days_before integer NOT NULL,
  sent_on date NOT NULL,
  PRIMARY KEY (case_id, kind, due_on, working_days_before)
);

CREATE TABLE payments (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  provider text NOT NULL,
  provider_ref text,
  amount integer NOT NULL CHECK (amount > 0),
  currency text NOT NULL CHECK (currency = 'UAH'),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'declined', 'abandoned', 'failed')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX payments_by_case ON payments (case_id, created_at DESC);
CREATE INDEX payments_by_time ON payments (created_at);
CREATE UNIQUE INDEX payments_one_paid ON payments (case_id) WHERE status = 'paid';

-- Every callback the provider sent, by its event id: a repeated callback changes nothing twice.
CREATE TABLE payment_callbacks (
  provider text NOT NULL,
  event_id text NOT NULL,
  payment_id uuid NOT NULL,
  status text NOT NULL,
  amount integer NOT NULL,
  received_at timestamptz NOT NULL,
  outcome text NOT NULL,
  PRIMARY KEY (provider, event_id)
);

-- Issued documents (decisions, certificates, refusals), sealed with the agency's key. The
-- verification page shows kind, issuer, date and status, never the content.
CREATE TABLE documents (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL,
  number text NOT NULL UNIQUE,
  organisation_id text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  seal_key_id text NOT NULL,
  seal_public_key text NOT NULL,
  seal text NOT NULL,
  issued_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  revoked_at timestamptz,
  pdf bytea NOT NULL
);
CREATE INDEX documents_by_case ON documents (case_id, issued_at);
