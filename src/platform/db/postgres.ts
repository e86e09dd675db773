import pg from 'pg';

import type { Database, Queryable, Row } from './database.ts';
import { isDatabaseUnavailable, unavailableOr } from './unavailable.ts';
import { preparedName } from './prepared.ts';

const INT8 = 20;

/** The query as node-postgres runs it: by name when its text was marked `prepared` (parsed once per connection). */
function statement(text: string, params: readonly unknown[]): pg.QueryConfig {
  const name = preparedName(text);
  return name === undefined ? { text, values: params as unknown[] } : { name, text, values: params as unknown[] };
}

/** Where the pool reports connections it lost (a pino logger fits). */
export interface DatabaseLogger {
  warn(obj: object, msg?: string): void;
}

/**
 * A PostgreSQL server through a node-postgres pool. A lost connection never stops the process: the
 * pool drops it and opens a new one when asked, and an error that means the server is unreachable
 * reaches the caller as `DatabaseUnavailableError` (see unavailable.ts). Nothing is retried here: a
 * transaction whose connection broke may or may not have committed, so only its caller, with its
 * idempotency key, may try again.
 */
export function openPostgres(connectionString: string, poolSize: number, logger: DatabaseLogger | null = null): Database {
  return openPostgresPool(connectionString, poolSize, logger).db;
}

/** `openPostgres` with its pool, for a caller that watches the pool or widens it. */
export function openPostgresPool(connectionString: string, poolSize: number, logger: DatabaseLogger | null = null): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // A request that cannot get a connection within this fails (a 503) instead of hanging.
    connectionTimeoutMillis: 15_000,
    // Notice a server that vanished without closing its sockets.
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection ended by the server (pg_terminate_backend, a restart): the pool has dropped it.
  // Without this listener the 'error' event would be unhandled and end the process.
  pool.on('error', (error) => logger?.warn({ err: error }, 'an idle database connection was lost'));
  // The pool takes its own listener off a connection when it hands it over. The answer that ended the
  // previous statement and a FATAL from the server (pg_terminate_backend, a shutdown) can arrive in one
  // read, so the 'error' event may fire on a connection just handed to a waiting request, before that
  // request listens (checkout below, or pool.query): unheard, it would end the process. Every connection
  // therefore keeps a listener of its own; pg marks the connection unqueryable and the pool drops it when
  // it comes back, and whoever holds it learns of the loss from its statement or its own listener.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });

  const fromClient = (client: pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return (await client.query<T>(statement(sql, params))).rows;
      } catch (error) {
        throw unavailableOr(error);
      }
    },
  });

  const withClient = checkout(pool, logger);

  const db: Database = {
    kind: 'postgres',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      // pool.query releases its connection with the error, so a broken one is destroyed.
      try {
        return (await pool.query<T>(statement(sql, params))).rows;
      } catch (error) {
        throw unavailableOr(error);
      }
    },
    transaction: (work) =>
      withClient(async (client, discard) => {
        const tx = fromClient(client);
        await tx.query('BEGIN');
        try {
          const result = await work(tx);
          // If COMMIT fails on a lost connection the outcome is unknown: the caller gets an error
          // (never an acknowledgement), and a retry with the same idempotency key finds what committed.
          await tx.query('COMMIT');
          return result;
        } catch (error) {
          if (!isDatabaseUnavailable(error)) {
            await client.query('ROLLBACK').catch(discard);
          }
          throw error;
        }
      }),
    exec: (sql) =>
      withClient(async (client, discard) => {
        try {
          await client.query(sql);
        } catch (error) {
          // A failed multi-statement string can leave its transaction block open.
          if (!isDatabaseUnavailable(error)) {
            await client.query('ROLLBACK').catch(discard);
          }
          throw error;
        }
      }),
    withLock: (key, work) =>
      withClient(async (client, discard) => {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await work();
        } finally {
          // A connection that may still hold the lock is not handed out again.
          await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((error: unknown) => {
            discard(error);
            throw error;
          });
        }
      }),
    async close() {
      await pool.end();
    },
    poolStats: () => ({ max: pool.options.max, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
  return { db, pool };
}

/**
 * Runs `work` on one checked-out connection. A connection that broke meanwhile (an error event, a
 * connection error from a statement, or `discard`) is destroyed on release, never handed out again.
 */
function checkout(pool: pg.Pool, logger: DatabaseLogger | null) {
  return async function withClient<T>(work: (client: pg.PoolClient, discard: (error: unknown) => void) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw unavailableOr(error);
    }
    let broken: Error | null = null;
    const discard = (error: unknown) => {
      broken ??= error instanceof Error ? error : new Error(String(error));
    };
    // A checked-out connection may end between statements; pg emits 'error' on the client then.
    const onError = (error: Error) => {
      discard(error);
      logger?.warn({ err: error }, 'a database connection in use was lost');
    };
    client.on('error', onError);
    try {
      return await work(client, discard);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        discard(error);
      }
      throw unavailableOr(error);
    } finally {
      client.removeListener('error', onError);
      client.release(broken ?? undefined);
    }
  };
}
