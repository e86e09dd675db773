import type { Queryable } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';

/** Sent for every refused request (a flood of them, under attack): prepared (ADR 0023, 0036). */
const COUNT_REFUSAL = prepared(`INSERT INTO refusal_counts (minute, client, kind, count) VALUES ($1, $2, $3, 1)
  ON CONFLICT (minute, client, kind) DO UPDATE SET count = refusal_counts.count + 1
  RETURNING count`);

/** Refusals counted per minute, client and kind (instead of one chained audit row each). */
export const refusalCountsRepository = {
  /** Counts one refusal; returns how many of this client and kind this minute has seen, this one included. */
  async add(q: Queryable, minute: Date, client: string, kind: string): Promise<number> {
    const [row] = await q.query<{ count: number }>(
      COUNT_REFUSAL,
      [minute, client, kind],
    );
    return Number(row?.count ?? 1);
  },

  async purge(q: Queryable, before: Date): Promise<number> {
    return (await q.query('DELETE FROM refusal_counts WHERE minute < $1 RETURNING 1', [before])).length;
  },
};
