/**
 * The background jobs' runs in this process, for the metrics: when each last succeeded, how long its
 * last run took, how many runs succeeded and failed. Only the jobs this process runs are known
 * (`expect` them when they start), so a process whose jobs are off reports none.
 */
export interface JobRun {
  /** When this process started expecting the job (its lag counts from here until a first success). */
  readonly since: Date;
  readonly lastSuccessAt: Date | null;
  readonly lastDurationMs: number | null;
  readonly succeeded: number;
  readonly failed: number;
}

export interface JobRuns {
  /** Names the jobs this process runs, so that one that never succeeds shows a growing lag. */
  readonly expect: (jobs: readonly string[]) => void;
  /** Runs `work` as one run of `job`, recording its outcome; what `work` throws is thrown on. */
  readonly track: <T>(job: string, work: () => Promise<T>) => Promise<T>;
  /** Every expected or tracked job, by name. */
  readonly snapshot: () => ReadonlyMap<string, JobRun>;
}

export function createJobRuns(now: () => Date): JobRuns {
  const runs = new Map<string, JobRun>();
  const of = (job: string): JobRun => runs.get(job) ?? { since: now(), lastSuccessAt: null, lastDurationMs: null, succeeded: 0, failed: 0 };
  return {
    expect(jobs) {
      for (const job of jobs) {
        runs.set(job, of(job));
      }
    },
    async track(job, work) {
      const started = performance.now();
      const record = (ok: boolean) => {
        const run = of(job);
        const lastDurationMs = performance.now() - started;
        runs.set(job, ok ? { ...run, lastSuccessAt: now(), lastDurationMs, succeeded: run.succeeded + 1 } : { ...run, lastDurationMs, failed: run.failed + 1 });
      };
      try {
        const result = await work();
        record(true);
        return result;
      } catch (error) {
        record(false);
        throw error;
      }
    },
    snapshot: () => new Map(runs),
  };
}
