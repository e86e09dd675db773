import type { Queryable } from '../db/database.ts';

/** Counters of fixed windows, shared by every process on the same database. */
export const rateLimitRepository = {
  /** Counts one hit of `key` in the window starting at `windowStart`; returns the window's count so far. */
  async hit(q: Queryable, key: string, windowStart: Date, windowEnd: Date): Promise<number> {
    const [row] = await q.query<{ count: number }>(
      `INSERT INTO rate_limit_counters (key, window_start, window_end, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
       RETURNING count`,
      [key, windowStart, windowEnd],
    );
    return Number(row?.count ?? 1);
  },

  /** Deletes the counters of windows that ended before `now`. */
  async purge(q: Queryable, now: Date): Promise<number> {
    return (await q.query('DELETE FROM rate_limit_counters WHERE window_end <= $1 RETURNING 1', [now])).length;
  },
};
