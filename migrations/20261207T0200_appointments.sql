-- Appointments at service centres. A slot row counts the places taken of one (centre, service, start):
-- a booking takes a place with one conditional UPDATE (booked < capacity), which locks the row, so
-- concurrent bookings of the last place queue and only as many succeed as there are places.
CREATE TABLE appointment_slots (
  centre_id text NOT NULL,
  service_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
  PRIMARY KEY (centre_id, service_id, starts_at)
);

CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9]{6}$'),
  person_id uuid NOT NULL REFERENCES persons (id),
  centre_id text NOT NULL,
  service_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  status text NOT NULL CHECK (status IN ('booked', 'cancelled')),
  booked_at timestamptz NOT NULL,
  booked_channel text NOT NULL CHECK (booked_channel IN ('web', 'sms', 'phone', 'in-person')),
  -- The officer who booked it for the person (by phone, at the desk); null when the person did.
  booked_by uuid REFERENCES persons (id),
  cancelled_at timestamptz,
  cancelled_channel text CHECK (cancelled_channel IN ('web', 'sms', 'phone', 'in-person')),
  cancelled_by uuid REFERENCES persons (id),
  -- The appointment that replaced this one when it was moved to another time.
  rescheduled_to uuid REFERENCES appointments (id),
  remind_at timestamptz,
  reminded_at timestamptz,
  FOREIGN KEY (centre_id, service_id, starts_at) REFERENCES appointment_slots (centre_id, service_id, starts_at),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);

-- One person, one booked visit at a time.
CREATE UNIQUE INDEX appointments_person_start ON appointments (person_id, starts_at) WHERE status = 'booked';
CREATE INDEX appointments_person ON appointments (person_id, starts_at DESC);
CREATE INDEX appointments_due_reminders ON appointments (remind_at) WHERE status = 'booked' AND reminded_at IS NULL;
