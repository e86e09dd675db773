import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  readonly url: string | null;
  readonly dataDir: string | null;
  readonly poolSize: number;
}

/** PostgreSQL when a URL is configured, otherwise embedded PGlite in `dataDir` (or memory). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const db = openPostgres(config.url, config.poolSize);
    await db.query('SELECT 1');
    return db;
  }
  return openPglite(config.dataDir);
}
