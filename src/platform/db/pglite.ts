import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

import type { Database, Row } from './database.ts';

/** Embedded PostgreSQL (PGlite) kept in `dataDir`, or in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ?? undefined, {
    extensions: { pg_trgm },
    // Align with node-postgres as configured in postgres.ts: int8 as number, numeric as string.
    parsers: { [types.INT8]: (v: string) => Number(v) },
  });
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, params as unknown[])).rows;
    },
    async transaction(work) {
      return db.transaction(async (tx) =>
        work({
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, params as unknown[])).rows;
          },
        }),
      );
    },
    async exec(sql) {
      await db.exec(sql);
    },
    // One process owns an embedded database, and PGlite runs one statement at a time.
    async withLock(_key, work) {
      return work();
    },
    async close() {
      await db.close();
    },
  };
}
