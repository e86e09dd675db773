/** The metrics' public surface: the portal's registry and the record of the background jobs' runs. */
export { createJobRuns, type JobRun, type JobRuns } from './job-runs.ts';
export { createPortalMetrics, type PortalMetrics, UNMATCHED_ROUTE } from './portal-metrics.ts';
