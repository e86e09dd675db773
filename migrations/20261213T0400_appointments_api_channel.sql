-- Appointments booked or cancelled through the open API (a person's own app) record the channel 'api'.
ALTER TABLE appointments DROP CONSTRAINT appointments_booked_channel_check;
ALTER TABLE appointments ADD CONSTRAINT appointments_booked_channel_check CHECK (booked_channel IN ('web', 'api', 'sms', 'phone', 'in-person'));
ALTER TABLE appointments DROP CONSTRAINT appointments_cancelled_channel_check;
ALTER TABLE appointments ADD CONSTRAINT appointments_cancelled_channel_check CHECK (cancelled_channel IN ('web', 'api', 'sms', 'phone', 'in-person'));
