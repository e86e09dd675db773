-- The outbox is a queue: every row is inserted, updated by its claim, updated again when it is done,
-- and then never claimed again. Storage settings for that:
--
-- fillfactor 70: inserts leave room on each page, so a claim's update (locked_by, locked_until,
-- attempts: no indexed column) can stay on the row's page as a heap-only tuple and write no new
-- index entries. Only the final update (done_at or dead_at, which the partial indexes' predicates
-- name) writes new entries. Pages written before this migration keep their fill.
--
-- Autovacuum and analyze after a fixed number of changed rows instead of a share of the table: the
-- table keeps every row ever sent (pruning is not built yet), so a share of it would mean vacuum ever
-- later while the partial index `outbox_claimable` fills with entries of rows already done, which a
-- claim from the start walks; and fresh statistics keep the planner on that index for claims. No
-- cost-based delay: the vacuum of this table is small and should end quickly.
ALTER TABLE outbox SET (
  fillfactor = 70,
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 5000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 20000,
  autovacuum_analyze_scale_factor = 0,
  autovacuum_analyze_threshold = 5000,
  autovacuum_vacuum_cost_delay = 0
);
