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
  /** A failed write (its counts wait for the next one) or counts dropped. */
  readonly onError: (error: unknown, pending: number) => void;
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
      } catch (error) {
        pending = gaps.concat(pending).slice(0, options.maxPending);
        options.onError(error, pending.length);
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
    writing = writing.then(writeAll);
    return writing;
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
        options.onError(new Error('search gap counts dropped: the database has not been written for too long'), pending.length);
        return;
      }
      pending.push(gap);
      if (pending.length >= options.batch) {
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
