-- Attachment storage that cannot be exhausted, and files that flag what they carry.
--
-- `active_content`: a PDF that carries JavaScript, an open action, additional actions or a launch
-- action (/JavaScript, /JS, /OpenAction, /AA, /Launch); shown to the officer as a warning.
ALTER TABLE attachments ADD COLUMN active_content boolean NOT NULL DEFAULT false;

-- Contents are addressed by SHA-256: whether any row still refers to a content is asked by hash.
CREATE INDEX attachments_by_sha256 ON attachments (sha256);
CREATE INDEX attachments_by_request ON attachments (information_request_id) WHERE information_request_id IS NOT NULL;

-- Quotas count a party's open drafts: for themselves (by person) or for the party they act for.
CREATE INDEX drafts_open_by_person ON drafts (person_id) WHERE submitted_case_id IS NULL AND party_kind = 'self';
CREATE INDEX drafts_open_by_party ON drafts (party_kind, party_id) WHERE submitted_case_id IS NULL AND party_kind <> 'self';
