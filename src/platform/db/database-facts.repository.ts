/** SQL about the database as a whole, for the backup and restore commands. */
import type { Queryable } from './database.ts';

export const databaseFactsRepository = {
  /** The migration files applied, in name order; none when the migrations table does not exist. */
  async migrations(db: Queryable): Promise<string[]> {
    const [table] = await db.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
    if (table?.exists !== true) {
      return [];
    }
    return (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
  },

  /** Tables, views and sequences outside the system's schemas: zero in a database just created. */
  async userRelations(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
         AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg\\_toast%' AND s.nspname NOT LIKE 'pg\\_temp\\_%'`,
    );
    return row?.n ?? 0;
  },

  /** The server's version: its number (150020 for 15.20) and its text. */
  async serverVersion(db: Queryable): Promise<{ num: number; text: string }> {
    const [row] = await db.query<{ num: string; text: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text");
    return { num: Number(row?.num ?? 0), text: row?.text ?? '' };
  },

  /**
   * Makes the caller's transaction a read-only snapshot and exports it, for pg_dump to read the very
   * same state (`pg_dump --snapshot`). It must be the transaction's first statement.
   */
  async exportSnapshot(tx: Queryable): Promise<string> {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [row] = await tx.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    return row?.id ?? '';
  },
};
