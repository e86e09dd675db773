-- The outbox claim in one round trip: the claim's plan is pinned to the index scan of
-- outbox_claimable in id order (ADR 0017) by the function's own settings, which hold only while it
-- runs, instead of a transaction that first sets them (begin, settings, claim, commit: four round
-- trips). Same statement as before: the rows pending, due and not leased, from `from_id` up, oldest
-- first, locked with SKIP LOCKED, leased to the worker until `lease_until`.
CREATE FUNCTION outbox_claim(worker text, lease_until timestamptz, now_at timestamptz, max_rows integer, from_id bigint)
RETURNS TABLE (id bigint, topic text, payload jsonb, idempotency_key text, attempts integer, created_at timestamptz)
LANGUAGE sql VOLATILE
SET enable_bitmapscan = off
SET enable_sort = off
AS $$
  UPDATE outbox AS o SET locked_by = worker, locked_until = lease_until, attempts = o.attempts + 1
  WHERE o.id IN (
    SELECT c.id FROM outbox AS c
    WHERE c.done_at IS NULL AND c.dead_at IS NULL AND c.available_at <= now_at
      AND (c.locked_until IS NULL OR c.locked_until < now_at) AND c.id >= from_id
    ORDER BY c.id
    FOR UPDATE SKIP LOCKED
    LIMIT max_rows
  )
  RETURNING o.id, o.topic, o.payload, o.idempotency_key, o.attempts, o.created_at
$$;
