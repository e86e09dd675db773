import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Database } from './database.ts';

const MIGRATION_LOCK = 7_401_001;
const FILE_PATTERN = /^\d{8}T\d{4}_[a-z0-9_]+\.sql$/;

/**
 * Applies the plain SQL files in `dir` that have not run yet, in name order, each in its own
 * transaction. Forward only: an applied file is never run again. Safe when several processes
 * start at once (advisory lock on PostgreSQL).
 */
export async function migrate(db: Database, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  return db.withLock(MIGRATION_LOCK, async () => {
    await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) {
        continue;
      }
      const sql = await readFile(join(dir, file), 'utf8');
      await db.exec(`BEGIN;\n${sql}\nINSERT INTO schema_migrations (name) VALUES ('${file}');\nCOMMIT;`);
      applied.push(file);
    }
    return applied;
  });
}
