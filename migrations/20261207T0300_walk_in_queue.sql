-- The walk-in queue of the service centres: tickets per centre and day, called to desks, served or not.

-- One row per centre and day: the last ticket number given. Taken with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING, which locks the row, so two kiosks never get one number;
-- calling the next ticket locks the same row, so two desks never call one ticket.
CREATE TABLE queue_days (
  centre_id text NOT NULL,
  day date NOT NULL,
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (centre_id, day)
);

-- A ticket: a walk-in (from the kiosk or by SMS) or an appointment checked in. The appointment is named by
-- its reference only (the appointments module's records are not referenced by a key).
CREATE TABLE queue_tickets (
  id uuid PRIMARY KEY,
  centre_id text NOT NULL,
  day date NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  label text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('walk-in', 'appointment')),
  source text NOT NULL CHECK (source IN ('kiosk', 'sms', 'check-in')),
  service_id text NOT NULL,
  appointment_reference text,
  appointment_at timestamptz,
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'no-show')),
  issued_at timestamptz NOT NULL,
  -- When the ticket (re)joined the waiting line: issued_at, or the time of a transfer.
  waiting_since timestamptz NOT NULL,
  -- A transfer may name the desk that is to call the ticket next.
  for_desk text,
  desk text,
  first_called_at timestamptz,
  called_at timestamptz,
  called_by uuid REFERENCES persons (id),
  finished_at timestamptz,
  finished_by uuid REFERENCES persons (id),
  transfers integer NOT NULL DEFAULT 0,
  UNIQUE (centre_id, day, number),
  CHECK ((kind = 'appointment') = (appointment_reference IS NOT NULL AND appointment_at IS NOT NULL))
);
CREATE UNIQUE INDEX queue_tickets_appointment ON queue_tickets (appointment_reference) WHERE appointment_reference IS NOT NULL;
CREATE INDEX queue_tickets_waiting ON queue_tickets (centre_id, day, status, waiting_since);
CREATE INDEX queue_tickets_served ON queue_tickets (centre_id, finished_at) WHERE status = 'served';

-- Per centre and day, for the public dashboards: tickets, served, no-shows, waiting time (issued to first
-- called) and service time (called to served), in seconds.
CREATE VIEW queue_centre_days AS
SELECT
  centre_id,
  day,
  count(*)::integer AS tickets,
  (count(*) FILTER (WHERE kind = 'appointment'))::integer AS appointments,
  (count(*) FILTER (WHERE status = 'served'))::integer AS served,
  (count(*) FILTER (WHERE status = 'no-show'))::integer AS no_shows,
  round(avg(extract(epoch FROM first_called_at - issued_at)) FILTER (WHERE first_called_at IS NOT NULL))::integer AS average_wait_seconds,
  round(max(extract(epoch FROM first_called_at - issued_at)) FILTER (WHERE first_called_at IS NOT NULL))::integer AS longest_wait_seconds,
  round(avg(extract(epoch FROM finished_at - called_at)) FILTER (WHERE status = 'served'))::integer AS average_service_seconds
FROM queue_tickets
GROUP BY centre_id, day;
