-- The officers' queue and the applicants' case lists read pages in index order (keyset pagination),
-- so a page costs the same with a hundred cases or ten million. The queue's order is the earliest
-- due first, no due date last, then the oldest submission, then the id (a total order for the
-- "next page" key): `coalesce(due_on, 'infinity')`, `submitted_at`, `id`. Each filter of the queue
-- has an index that starts with the agency and the filter's value and then follows that order;
-- "running only" has partial twins, because decided cases (most of an agency's cases) sort first
-- by their past due dates and would otherwise be read and skipped.

DROP INDEX cases_queue;

CREATE INDEX cases_queue_order ON cases (organisation_id, (coalesce(due_on, 'infinity'::date)), submitted_at, id);
CREATE INDEX cases_queue_order_running ON cases (organisation_id, (coalesce(due_on, 'infinity'::date)), submitted_at, id)
  WHERE outcome IS NULL;
CREATE INDEX cases_queue_state ON cases (organisation_id, state, (coalesce(due_on, 'infinity'::date)), submitted_at, id);
CREATE INDEX cases_queue_service ON cases (organisation_id, service_id, (coalesce(due_on, 'infinity'::date)), submitted_at, id);
CREATE INDEX cases_queue_service_running ON cases (organisation_id, service_id, (coalesce(due_on, 'infinity'::date)), submitted_at, id)
  WHERE outcome IS NULL;
CREATE INDEX cases_queue_assignee ON cases (assigned_to, (coalesce(due_on, 'infinity'::date)), submitted_at, id)
  WHERE assigned_to IS NOT NULL;
CREATE INDEX cases_queue_assignee_running ON cases (assigned_to, (coalesce(due_on, 'infinity'::date)), submitted_at, id)
  WHERE assigned_to IS NOT NULL AND outcome IS NULL;
CREATE INDEX cases_queue_unassigned ON cases (organisation_id, (coalesce(due_on, 'infinity'::date)), submitted_at, id)
  WHERE assigned_to IS NULL;
CREATE INDEX cases_queue_unassigned_running ON cases (organisation_id, (coalesce(due_on, 'infinity'::date)), submitted_at, id)
  WHERE assigned_to IS NULL AND outcome IS NULL;

-- A person's own cases and a party's cases, newest first, with the id as the tie-break of the key.
DROP INDEX cases_by_party;
CREATE INDEX cases_own_by_time ON cases (applicant_person_id, submitted_at DESC, id DESC) WHERE party_kind = 'self';
CREATE INDEX cases_by_party ON cases (party_kind, party_id, submitted_at DESC, id DESC) WHERE party_id IS NOT NULL;

-- Who holds a case and whether it runs depend on each other and on the agency (most decided cases
-- are assigned; most unassigned ones are new): the planner's estimates of "nobody's, running" and
-- "mine, running" need the combined statistics to choose the ordered index walk that stops at the
-- queue's count cap over a bitmap of every match.
CREATE STATISTICS cases_queue_facts (mcv, dependencies) ON organisation_id, assigned_to, outcome FROM cases;
