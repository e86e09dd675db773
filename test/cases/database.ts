/**
 * The database of a cases test: `testDatabase()` of test/support/app.ts, copied, except that on
 * PostgreSQL the pool is built here (a copy of src/platform/db/postgres.ts) so that a test can see
 * it. A pool whose every connection is held by a transaction waiting for one more connection never
 * recovers by itself; `unstick` lets it open more connections, so such a test fails cleanly (its
 * transactions finish) instead of hanging the suite.
 */
import pg from 'pg';

import type { Database, Queryable, Row } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open.ts';

const INT8 = 20;

export interface CasesDatabase {
  readonly db: Database;
  /** The URL of this test's schema (PostgreSQL), for a child process; null on PGlite. */
  readonly url: string | null;
  /**
   * Lets a starved pool open up to `extra` more connections until the returned function puts the
   * limit back; null when there is no pool (PGlite).
   */
  readonly unstick: (extra?: number) => Promise<(() => void) | null>;
  /**
   * Limits how many statements may run from now on (null: no limit); past it every statement
   * throws. A job that loops for ever on embedded PGlite never lets a timer fire (each statement
   * resolves without returning to the event loop), so a test bounds it by statements instead of time.
   */
  readonly budget: (statements: number | null) => void;
  readonly drop: () => Promise<void>;
}

/** The database with a statement budget (see `CasesDatabase.budget`). */
function budgeted(inner: Database): { db: Database; budget: (statements: number | null) => void } {
  let left: number | null = null;
  const spend = () => {
    if (left !== null && --left < 0) {
      throw new Error('the statement budget of this test is spent');
    }
  };
  const wrap = (q: Queryable): Queryable => ({
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      spend();
      return q.query<T>(sql, params);
    },
  });
  const db: Database = {
    kind: inner.kind,
    query: (sql, params) => wrap(inner).query(sql, params),
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
    exec: (sql) => inner.exec(sql),
    withLock: (key, work) => inner.withLock(key, work),
    close: () => inner.close(),
  };
  return { db, budget: (statements) => (left = statements) };
}

export async function casesDatabase(poolSize = 5): Promise<CasesDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const { db, budget } = budgeted(await openDatabase({ url: null, dataDir: null, poolSize: 1 }));
    return { db, url: null, unstick: async () => null, budget, drop: () => db.close() };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = await openDatabase({ url: serverUrl, dataDir: null, poolSize: 1 });
  await admin.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE SCHEMA ${schema}`);
  const u = new URL(serverUrl);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  const url = u.toString();
  const { db: inner, pool } = postgres(url, poolSize);
  const { db, budget } = budgeted(inner);
  await db.query('SELECT 1');
  return {
    db, url, budget,
    async unstick(extra = 50) {
      pool.options.max += extra;
      // The pool serves one waiting request each time a client is released: release as many as wait.
      for (let round = 0; round < 10 && pool.waitingCount > 0; round++) {
        await Promise.all(Array.from({ length: pool.waitingCount }, () => pool.query('SELECT 1')));
      }
      return () => {
        pool.options.max = poolSize;
      };
    },
    drop: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

function postgres(connectionString: string, poolSize: number): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  const fromClient = (client: pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query<T>(sql, params as unknown[])).rows;
    },
  });
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  const db: Database = {
    kind: 'postgres',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query<T>(sql, params as unknown[])).rows;
    },
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(fromClient(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    exec: (sql) =>
      withClient(async (client) => {
        try {
          await client.query(sql);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    withLock: (key, work) =>
      withClient(async (client) => {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      }),
    close: () => pool.end(),
  };
  return { db, pool };
}
