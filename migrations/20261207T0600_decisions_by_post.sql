-- Decisions delivered with proof: a decision put in the portal inbox that nobody told opened or
-- downloaded within the configured number of working days goes by post, enclosed with a letter.
-- One row per decision (the primary key), written by the background job in the transaction that
-- writes the letter and the case event, so several processes and a job run twice never post it twice.

ALTER TABLE letters ADD COLUMN document_id uuid REFERENCES documents (id);

CREATE TABLE decision_post_fallbacks (
  document_id uuid PRIMARY KEY REFERENCES documents (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- the person written to (the applicant); with outcome no-address the portal knew no postal address
  person_id uuid NOT NULL REFERENCES persons (id),
  letter_id uuid REFERENCES letters (id),
  outcome text NOT NULL CHECK (outcome IN ('letter', 'no-address')),
  -- the last working day the people told had to open it (the configured working days after the day told)
  due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((outcome = 'letter') = (letter_id IS NOT NULL))
);
CREATE INDEX decision_post_fallbacks_case_idx ON decision_post_fallbacks (case_id);
