-- Proactive services (ADR 0032): registry events pulled from the registries' feeds over the exchange,
-- and what the portal did with each for each service the catalogue lets run without an application.

-- Cases opened by the portal itself on a registry event, not applied for.
ALTER TABLE cases DROP CONSTRAINT cases_channel_check;
ALTER TABLE cases ADD CONSTRAINT cases_channel_check CHECK (channel IN ('web', 'api', 'sms', 'phone', 'post', 'in-person', 'proactive'));

-- One row per registry feed: the cursor after the last event processed, and the lease of the process
-- reading it now (claimed FOR UPDATE SKIP LOCKED; a process that dies leaves it to the next when the lease ends).
CREATE TABLE registry_event_feeds (
  feed text PRIMARY KEY CHECK (feed ~ '^[a-z-]+\.[a-z-]+$'),
  cursor text,
  leased_until timestamptz,
  lease_token uuid,
  events_seen bigint NOT NULL DEFAULT 0,
  updated_at timestamptz
);

-- Each event and service: an automatic grant (with its case) or an offer. One per event and service,
-- whatever the number of processes: the unique key is the rule, the cursor only saves work.
CREATE TABLE proactive_items (
  id uuid PRIMARY KEY,
  event_id text NOT NULL CHECK (event_id <> ''),
  event_kind text NOT NULL CHECK (event_kind IN ('birth-registered', 'turned-18', 'company-registered', 'pension-age-reached')),
  event_day date NOT NULL,
  service_id text NOT NULL,
  organisation_id text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('offer', 'automatic')),
  -- the person told (and whose case it is), and whom the event is about when another (a child born)
  person_id uuid NOT NULL REFERENCES persons (id),
  subject text NOT NULL,
  -- written before its case in the same transaction (the item's key decides who opens it): checked at commit
  case_id uuid REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  status text NOT NULL CHECK (status IN ('offered', 'dismissed', 'started', 'pending', 'granted', 'for-officer', 'objected')),
  -- automatic: the last day of the window in which the person may object; granted after it
  object_by date,
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  UNIQUE (event_id, service_id),
  CHECK ((mode = 'automatic') = (case_id IS NOT NULL)),
  CHECK ((mode = 'automatic') = (object_by IS NOT NULL))
);
CREATE INDEX proactive_items_person_idx ON proactive_items (person_id, created_at DESC);
CREATE INDEX proactive_items_due_idx ON proactive_items (object_by) WHERE status = 'pending';

-- The inbox tells of an offer or an automatic grant: such a message names the item.
ALTER TABLE inbox_messages ADD COLUMN proactive_id uuid REFERENCES proactive_items (id);
ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_subject_check;
ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_subject_check CHECK (num_nonnulls(case_id, appeal_id, proactive_id) = 1);
ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_kind_check;
ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_kind_check
  CHECK (kind IN ('submitted', 'payment-received', 'information-requested', 'decision', 'withdrawn', 'appeal-filed', 'appeal-extended', 'appeal-answered',
    'ready-for-collection', 'collection-reminder', 'proactive-offer', 'proactive-automatic'));
