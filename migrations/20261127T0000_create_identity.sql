-- Identity: people, the registries that say who represents whom, mandates, staff roles, sessions,
-- and the tamper-evident audit log.

CREATE TABLE persons (
  id uuid PRIMARY KEY,
  national_id text UNIQUE CHECK (national_id ~ '^[0-9]{10}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- How a person signs in: one row per identity provider account. A person without a national
-- identifier (a foreigner) is known only through these.
CREATE TABLE person_logins (
  issuer text NOT NULL,
  subject text NOT NULL,
  person_id uuid NOT NULL REFERENCES persons (id),
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX person_logins_person_idx ON person_logins (person_id);

CREATE TABLE person_contacts (
  person_id uuid PRIMARY KEY REFERENCES persons (id),
  email text,
  email_verified_at timestamptz,
  phone text,
  phone_verified_at timestamptz,
  postal_address jsonb,
  language text NOT NULL DEFAULT 'uk' CHECK (language IN ('uk', 'en')),
  notice_channels text[] NOT NULL DEFAULT '{portal}',
  updated_at timestamptz NOT NULL
);

CREATE TABLE contact_verifications (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  address text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  verified_at timestamptz
);
CREATE INDEX contact_verifications_person_idx ON contact_verifications (person_id, channel, created_at DESC);

-- Demo copies of other agencies' registries (the business register, the population register).
CREATE TABLE business_registry (
  registry_code text PRIMARY KEY CHECK (registry_code ~ '^[0-9]{8}$'),
  name_uk text NOT NULL,
  name_en text NOT NULL,
  legal_form text NOT NULL
);
CREATE TABLE business_directors (
  registry_code text NOT NULL REFERENCES business_registry (registry_code),
  national_id text NOT NULL,
  PRIMARY KEY (registry_code, national_id)
);
CREATE INDEX business_directors_person_idx ON business_directors (national_id);
CREATE TABLE population_children (
  parent_national_id text NOT NULL,
  child_national_id text NOT NULL,
  child_given_name text NOT NULL,
  child_family_name text NOT NULL,
  child_birth_date date NOT NULL,
  PRIMARY KEY (parent_national_id, child_national_id)
);

CREATE TABLE mandates (
  id uuid PRIMARY KEY,
  grantor_kind text NOT NULL CHECK (grantor_kind IN ('business', 'person')),
  grantor_id text NOT NULL,
  representative_national_id text NOT NULL,
  scope_kind text NOT NULL CHECK (scope_kind IN ('all', 'services', 'thematic')),
  scope_services text[] NOT NULL DEFAULT '{}',
  scope_thematic text,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  granted_by uuid NOT NULL REFERENCES persons (id),
  granted_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES persons (id),
  CHECK (valid_until >= valid_from),
  CHECK (scope_kind <> 'services' OR cardinality(scope_services) > 0),
  CHECK (scope_kind <> 'thematic' OR scope_thematic IS NOT NULL)
);
CREATE INDEX mandates_representative_idx ON mandates (representative_national_id);
CREATE INDEX mandates_grantor_idx ON mandates (grantor_kind, grantor_id);

CREATE TABLE staff_roles (
  id uuid PRIMARY KEY,
  national_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('clerk', 'decision-maker', 'supervisor', 'agency-admin', 'front-desk',
    'contact-centre', 'catalogue-editor', 'national-admin')),
  agency_id text,
  centre_id text,
  granted_by uuid REFERENCES persons (id),
  granted_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES persons (id)
);
CREATE INDEX staff_roles_person_idx ON staff_roles (national_id);

CREATE TABLE sign_in_requests (
  state text PRIMARY KEY,
  idp text NOT NULL,
  realm text NOT NULL CHECK (realm IN ('citizen', 'staff')),
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  realm text NOT NULL CHECK (realm IN ('citizen', 'staff')),
  idp text NOT NULL,
  acr text,
  id_token text,
  acting_kind text NOT NULL DEFAULT 'self' CHECK (acting_kind IN ('self', 'business', 'person')),
  acting_id text,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_person_idx ON sessions (person_id) WHERE ended_at IS NULL;

-- Tamper-evident audit: each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_events (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('done', 'refused')),
  channel text NOT NULL,
  actor_person_id uuid,
  acting_for text,
  subject text,
  detail jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE TABLE audit_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, 'genesis');
