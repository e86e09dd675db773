-- The open API (ADR 0026): registered clients, authorization codes, idempotent submissions, the
-- partner each API case belongs to, and mandates to an organisation (a partner's legal entity).

-- A mandate's representative is a person (a national id) or an organisation (a registry code).
ALTER TABLE mandates ADD COLUMN representative_kind text NOT NULL DEFAULT 'person' CHECK (representative_kind IN ('person', 'business'));
CREATE INDEX mandates_business_representative ON mandates (representative_national_id) WHERE representative_kind = 'business';

CREATE TABLE api_clients (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('partner', 'public')),
  -- The partner's legal entity in the business register (mandates are granted to it).
  organisation_code text,
  -- SHA-256 of a confidential client's secret (256 random bits, so a plain hash suffices); public clients have none.
  secret_hash text,
  scopes text[] NOT NULL,
  redirect_uris text[] NOT NULL DEFAULT '{}',
  webhook_url text,
  webhook_secret text,
  rate_limit_per_minute integer NOT NULL DEFAULT 120 CHECK (rate_limit_per_minute > 0),
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  CHECK ((kind = 'partner') = (secret_hash IS NOT NULL)),
  CHECK (kind <> 'partner' OR organisation_code IS NOT NULL),
  CHECK (kind <> 'public' OR cardinality(redirect_uris) > 0),
  CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
);

-- Authorization codes (authorization code grant with PKCE S256): the code's hash, used at most once.
CREATE TABLE api_authorization_codes (
  code_hash text PRIMARY KEY,
  client_id text NOT NULL REFERENCES api_clients (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  scopes text[] NOT NULL,
  redirect_uri text NOT NULL,
  code_challenge text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- A submission through the API under an Idempotency-Key: the same key with the same body answers the
-- same case; another body is refused.
CREATE TABLE api_idempotency_keys (
  client_id text NOT NULL REFERENCES api_clients (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  key text NOT NULL,
  request_sha256 text NOT NULL,
  case_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, person_id, key)
);

-- The partner that submitted a case: its webhook receives the case's events.
CREATE TABLE api_case_clients (
  case_id uuid PRIMARY KEY,
  client_id text NOT NULL REFERENCES api_clients (id)
);
