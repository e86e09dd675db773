-- An application made on its own (not in a bundle) of an automatic proactive service, about the person it is made
-- for, claims the one case of that service about them as the job and the bundle do (ADR 0035).
ALTER TABLE case_claims DROP CONSTRAINT case_claims_source_check;
ALTER TABLE case_claims ADD CONSTRAINT case_claims_source_check CHECK (source IN ('proactive', 'bundle', 'application'));
