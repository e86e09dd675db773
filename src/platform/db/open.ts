import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { type DatabaseLogger, openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  readonly url: string | null;
  readonly dataDir: string | null;
  readonly poolSize: number;
  /** Where a PostgreSQL pool reports lost connections. */
  readonly logger?: DatabaseLogger | null;
}

/** PostgreSQL when a URL is configured, otherwise embedded PGlite in `dataDir` (or memory). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const db = openPostgres(config.url, config.poolSize, config.logger ?? null);
    await db.query('SELECT 1');
    return db;
  }
  return openPglite(config.dataDir);
}
