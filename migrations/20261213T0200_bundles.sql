-- Life-event bundles (ADR 0031): one application that opened one case at each member service of a life event.
CREATE TABLE bundles (
  id uuid PRIMARY KEY,
  event_id text NOT NULL,
  applicant_person_id uuid NOT NULL REFERENCES persons (id),
  party_kind text NOT NULL CHECK (party_kind IN ('self', 'business', 'person')),
  party_id text CHECK ((party_kind = 'self') = (party_id IS NULL)),
  party_name text NOT NULL,
  -- The person the life event is about when it is not the applicant (the child of "birth of a child"): national id and name.
  subject_national_id text,
  subject_name text,
  channel text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  answers jsonb NOT NULL,
  answers_sha256 text NOT NULL,
  idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
  submitted_at timestamptz NOT NULL,
  UNIQUE (applicant_person_id, idempotency_key)
);
CREATE INDEX bundles_applicant_idx ON bundles (applicant_person_id, submitted_at DESC);

CREATE TABLE bundle_cases (
  bundle_id uuid NOT NULL REFERENCES bundles (id),
  case_id uuid NOT NULL UNIQUE REFERENCES cases (id),
  position integer NOT NULL CHECK (position >= 0),
  PRIMARY KEY (bundle_id, position)
);
