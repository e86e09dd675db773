/** The SQL of the open-data files rendered once per generation of the aggregates and served by every process. */
import type { Queryable } from '../../platform/db/database.ts';

export const openDataFilesRepository = {
  /** How many open-data files of a generation (as of a day) are stored: the job writes them together, a request one at a time. */
  async openDataFileCount(q: Queryable, generation: number, day: string): Promise<number> {
    const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM open_data_files WHERE generation = $1 AND day = $2::date', [generation, day]);
    return r?.n ?? 0;
  },

  async openDataFile(q: Queryable, generation: number, name: string, day: string): Promise<string | null> {
    const [r] = await q.query<{ content: string }>('SELECT content FROM open_data_files WHERE generation = $1 AND name = $2 AND day = $3::date', [generation, name, day]);
    return r?.content ?? null;
  },

  async openDataFiles(q: Queryable, generation: number, day: string): Promise<Map<string, string>> {
    const rows = await q.query<{ name: string; content: string }>('SELECT name, content FROM open_data_files WHERE generation = $1 AND day = $2::date', [generation, day]);
    return new Map(rows.map((r) => [r.name, r.content]));
  },

  /** Stores a rendered file of a generation (a later day's replaces an earlier day's). */
  async keepOpenDataFile(q: Queryable, f: { generation: number; name: string; day: string; content: string; at: Date }): Promise<void> {
    await q.query(
      `INSERT INTO open_data_files AS t (generation, name, day, content, created_at) VALUES ($1, $2, $3::date, $4, $5)
       ON CONFLICT (generation, name) DO UPDATE SET day = excluded.day, content = excluded.content, created_at = excluded.created_at WHERE t.day < excluded.day`,
      [f.generation, f.name, f.day, f.content, f.at],
    );
  },

  /** Drops the files of the generations before this one: no process serves them any more. */
  async dropOpenDataFilesBefore(tx: Queryable, generation: number): Promise<void> {
    await tx.query('DELETE FROM open_data_files WHERE generation < $1', [generation]);
  },

};
