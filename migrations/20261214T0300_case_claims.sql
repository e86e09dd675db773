-- One case per service and person concerned where a registry event and an application can both lead to it
-- (ADR 0035): the birth assistance for a child is opened once, by the proactive job or by the birth bundle,
-- whichever commits first; the other finds the claim and links or skips. The key decides, not the order.
CREATE TABLE case_claims (
  service_id text NOT NULL,
  -- the person the case is about (the child's national id for a birth)
  subject_national_id text NOT NULL CHECK (subject_national_id ~ '^[0-9]{10}$'),
  -- written before its case in the same transaction: checked at commit
  case_id uuid NOT NULL UNIQUE REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  source text NOT NULL CHECK (source IN ('proactive', 'bundle')),
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (service_id, subject_national_id)
);

-- An automatic grant the person had already applied for (in a bundle): the item names that case and does nothing.
ALTER TABLE proactive_items DROP CONSTRAINT proactive_items_status_check;
ALTER TABLE proactive_items ADD CONSTRAINT proactive_items_status_check
  CHECK (status IN ('offered', 'dismissed', 'started', 'pending', 'granted', 'for-officer', 'objected', 'applied'));
