/**
 * The one database port. Repositories write parameterised SQL against `Queryable`;
 * the driver behind it is embedded PGlite or a PostgreSQL pool (see ADR 0002).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; a thrown error rolls it back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs SQL that may hold several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** Serialises callers across processes (migrations, seeding) with a PostgreSQL advisory lock. */
  withLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** A PostgreSQL pool's connections now (for the metrics); absent on PGlite, which is one connection. */
  poolStats?(): PoolStats;
}

export interface PoolStats {
  /** The most connections the pool opens (DB_POOL_SIZE). */
  readonly max: number;
  /** Connections open, idle or in use. */
  readonly open: number;
  readonly idle: number;
  /** Requests waiting for a connection. */
  readonly waiting: number;
}
