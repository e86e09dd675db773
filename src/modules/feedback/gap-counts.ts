/** A search that found nothing, its query normalised, on its day (Kyiv). */
export interface Gap {
  readonly query: string;
  readonly lang: 'uk' | 'en';
  readonly day: string;
}

export interface GapCountsOptions {
  /** How long a count waits for others before they are written together. */
  readonly intervalMs: number;
  /** Written at once when this many are waiting. */
  readonly batch: number;
  /** Kept at most while the database cannot be written; newer counts beyond it are dropped. */
  readonly maxPending: number;
  /** A failed write: its counts wait for the next; `dropped` counts were dropped since the last report. */
  readonly onError: (error: unknown, counts: { readonly pending: number; readonly dropped: number }) => void;
}

/**
 * The counts of searches that found nothing, written in batches off the request (ADR 0038): a search
 * adds its count and goes on; every `intervalMs`, or at `batch` counts, one statement adds them all.
 * A write that fails keeps its counts for the next. What is lost if the process dies is the last
 * interval's counts: they are statistics for the catalogue's editors, not anyone's record.
 */
export function gapCounts(write: (gaps: readonly Gap[]) => Promise<void>, options: GapCountsOptions) {
  let pending: Gap[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  /** A flush waiting for the write in flight: it takes what waits when it starts, so one is enough. */
  let queued: Promise<void> | null = null;
  /** The last write failed: until one succeeds, only the timer tries again (no write a search). */
  let failing = false;
  /** Counts dropped since the last report of them. */
  let dropped = 0;

  /**
   * Writes what waits as it starts, `batch` counts a statement; counts added meanwhile wait for the
   * next interval, and after a failure the rest waits too.
   */
  const writeAll = async (): Promise<void> => {
    let due = pending.length;
    while (due > 0) {
      const gaps = pending.slice(0, Math.min(options.batch, due));
      pending = pending.slice(gaps.length);
      due -= gaps.length;
      try {
        await write(gaps);
        failing = false;
      } catch (error) {
        failing = true;
        pending = gaps.concat(pending).slice(0, options.maxPending);
        options.onError(error, { pending: pending.length, dropped });
        dropped = 0;
        schedule();
        return;
      }
    }
  };
  /** Writes what is waiting after the write in flight, so no two writes run at once. */
  const flush = (): Promise<void> => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (queued === null) {
      queued = writing.then(() => {
        queued = null;
        return writeAll();
      });
      writing = queued;
    }
    return queued;
  };
  const schedule = () => {
    if (timer === null) {
      timer = setTimeout(() => void flush(), options.intervalMs);
      timer.unref();
    }
  };

  return {
    add(gap: Gap): void {
      if (pending.length >= options.maxPending) {
        dropped += 1;
        return;
      }
      pending.push(gap);
      if (pending.length >= options.batch && !failing) {
        void flush();
      } else {
        schedule();
      }
    },
    /** Writes every count added so far; resolves once they are committed (or their write failed). */
    flush,
    /** How many counts are waiting to be written. */
    pending: (): number => pending.length,
  };
}
