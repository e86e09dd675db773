-- The leaf index holds sealed entries only: an entry is inserted unsealed (leaf_index NULL), so with
-- the index partial its insert writes one index entry fewer, inside every business transaction that
-- audits. Every read by leaf index names a range of leaf indexes, which implies NOT NULL, so the
-- partial index serves it as the whole one did; uniqueness of leaf indexes is unchanged.
DROP INDEX audit_events_leaf_idx;
CREATE UNIQUE INDEX audit_events_leaf_idx ON audit_events (leaf_index) WHERE leaf_index IS NOT NULL;
