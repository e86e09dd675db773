-- The day the applicant is asked to answer an information request by, computed when the officer asks
-- (the service's answer term from the catalogue, else the default: working days with public holidays).
-- Requests asked before this column existed keep NULL: the cases module reads the default term from
-- `asked_on` for them, the date their applicants were shown.
ALTER TABLE information_requests ADD COLUMN answer_by date;
ALTER TABLE information_requests ADD CONSTRAINT information_requests_answer_by_after_asked CHECK (answer_by IS NULL OR answer_by >= asked_on);
