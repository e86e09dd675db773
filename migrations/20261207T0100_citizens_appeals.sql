-- Citizens' appeals (the Law "On Citizens' Appeals"): proposals, requests, complaints, commendations, and
-- appeals against a refusal of an administrative service, filed through any channel, routed to an agency
-- (or left for triage while organisation_id is NULL) and answered in writing through the person's channel.
CREATE SEQUENCE appeal_numbers;

CREATE TABLE appeals (
  id uuid PRIMARY KEY,
  -- A-2026-000123: the year of filing and the next value of appeal_numbers
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('request', 'proposal', 'complaint', 'commendation', 'refusal-appeal')),
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'sms', 'phone', 'post', 'in-person')),
  -- the person who filed it; NULL for an anonymous appeal (an SMS from a number no one confirmed)
  person_id uuid REFERENCES persons (id),
  person_name text,
  -- the number an appeal filed by SMS came from: an anonymous appeal is answered there only
  reply_number text CHECK (reply_number IS NULL OR reply_number ~ '^\+[1-9][0-9]{6,14}$'),
  lang text NOT NULL CHECK (lang IN ('uk', 'en')),
  -- the agency it goes to; NULL: waiting in the triage list
  organisation_id text,
  text text NOT NULL CHECK (text <> ''),
  -- what a complaint names: a case, and/or an officer (as the person wrote the name)
  named_case_id uuid REFERENCES cases (id),
  named_officer text,
  -- the SMS it came in by
  sms_message_id uuid REFERENCES sms_messages (id),
  state text NOT NULL CHECK (state IN ('open', 'answered')),
  filed_at timestamptz NOT NULL,
  filed_on date NOT NULL,
  term_days integer NOT NULL CHECK (term_days > 0),
  due_on date NOT NULL,
  extended_on date,
  extension_reason text,
  answer text,
  answered_at timestamptz,
  answered_by uuid REFERENCES persons (id),
  version integer NOT NULL DEFAULT 1,
  CHECK (person_id IS NOT NULL OR reply_number IS NOT NULL),
  CHECK ((state = 'answered') = (answer IS NOT NULL AND answered_at IS NOT NULL)),
  CHECK (kind <> 'refusal-appeal' OR named_case_id IS NOT NULL)
);
CREATE INDEX appeals_queue_idx ON appeals (organisation_id, state, due_on);
CREATE INDEX appeals_person_idx ON appeals (person_id, filed_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX appeals_triage_idx ON appeals (filed_at) WHERE organisation_id IS NULL;
-- one appeal against a refusal per case
CREATE UNIQUE INDEX appeals_refusal_once ON appeals (named_case_id) WHERE kind = 'refusal-appeal';

-- Everything that happened to an appeal: who (person and role), through which channel, when.
CREATE TABLE appeal_events (
  id bigserial PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals (id),
  event text NOT NULL CHECK (event IN ('file', 'assign', 'extend', 'answer')),
  actor_person_id uuid REFERENCES persons (id),
  actor_role text NOT NULL,
  channel text NOT NULL,
  detail text,
  at timestamptz NOT NULL
);
CREATE INDEX appeal_events_appeal_idx ON appeal_events (appeal_id, id);

-- The portal inbox also carries the answer to an appeal: such a message names the appeal, not a case.
ALTER TABLE inbox_messages ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE inbox_messages ADD COLUMN appeal_id uuid REFERENCES appeals (id);
ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_kind_check;
ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_kind_check
  CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn', 'appeal-filed', 'appeal-extended', 'appeal-answered'));
ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_subject_check CHECK ((case_id IS NULL) <> (appeal_id IS NULL));
