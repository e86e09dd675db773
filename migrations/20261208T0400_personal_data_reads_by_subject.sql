-- "Who saw my data": access records (personal-data.read entries of the audit log) are listed by the
-- subject whose data was read, newest first. A partial index keeps the listing to the rows it needs.
CREATE INDEX audit_events_personal_data_reads_idx ON audit_events (subject, id DESC) WHERE action = 'personal-data.read';
