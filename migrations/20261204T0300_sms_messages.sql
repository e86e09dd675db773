-- Text messages in and out through the SMS gateway. Outgoing: what was queued, how it was encoded and
-- into how many segments, and how far it got (the gateway's signed delivery receipts move it on).
-- Incoming: what a phone sent, the command read from it and whether it was answered or over the limit.
CREATE TABLE sms_messages (
  id uuid PRIMARY KEY,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  number text NOT NULL CHECK (number ~ '^\+[1-9][0-9]{6,14}$'),
  text text NOT NULL,
  encoding text NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
  segments integer NOT NULL CHECK (segments >= 1),
  -- out: queued → sent → delivered | failed, or suppressed (the number sent STOP); in: received, or limited (over the rate limit, not answered)
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'suppressed', 'received', 'limited')),
  -- out: a reply to an incoming message (sent even after STOP) or a notice (not sent after STOP)
  purpose text CHECK (purpose IN ('reply', 'notice')),
  -- in: the command read from the text, and what followed its keyword
  command text,
  argument text,
  reply_to uuid REFERENCES sms_messages (id),
  -- out: the reference the gateway gets (the outbox message's idempotency key) and reports back in receipts
  reference text UNIQUE,
  -- the gateway's own id: of an incoming message (a repeated webhook is recognised by it), of an outgoing one from its receipt
  gateway_message_id text,
  failure text,
  created_at timestamptz NOT NULL,
  status_at timestamptz NOT NULL,
  CHECK ((direction = 'out') = (purpose IS NOT NULL AND reference IS NOT NULL)),
  CHECK (direction = 'out' OR status IN ('received', 'limited')),
  CHECK (direction = 'in' OR status NOT IN ('received', 'limited'))
);
CREATE UNIQUE INDEX sms_messages_inbound_gateway_id ON sms_messages (gateway_message_id) WHERE direction = 'in';
CREATE INDEX sms_messages_number ON sms_messages (number, created_at);

-- Numbers that sent STOP: no notice goes to them until they send START (replies to their own messages still do).
CREATE TABLE sms_opt_outs (
  number text PRIMARY KEY,
  opted_out_at timestamptz NOT NULL
);
