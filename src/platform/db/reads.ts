import { AsyncLocalStorage } from 'node:async_hooks';

import type { Database, PoolStats, Row } from './database.ts';
import { openPostgresPool } from './postgres.ts';
import type { DatabaseLogger } from './postgres.ts';
import { unavailableOr } from './unavailable.ts';

/**
 * Reads that tolerate lag (ADR 0018). Only `query`: no transaction, no `exec`, so nothing is written
 * through it by type; the pool behind it is also read-only on the server (a hot standby, and
 * `default_transaction_read_only` on every connection), so a write sent as SQL is refused.
 */
export interface ReadQueryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A WAL position as PostgreSQL writes it (`pg_lsn`): two hexadecimal numbers, e.g. `0/3000148`. */
export type WalPosition = string;

const WAL_POSITION = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** The position in `value` (a cookie), or null when it is none. */
export function walPositionOf(value: unknown): WalPosition | null {
  return typeof value === 'string' && WAL_POSITION.test(value) ? value.toUpperCase() : null;
}

/** What the reads of one request (or one piece of work) may see. */
export interface ReadScope {
  /** Read everything from the primary (a request that writes). */
  readonly primary: boolean;
  /** The actor's last write: the replica serves them once it has replayed this position. */
  readonly floor: WalPosition | null;
}

export interface Reads {
  /** True when a replica is configured (READ_DATABASE_URL). */
  readonly replicated: boolean;
  /**
   * Reads that tolerate lag: the replica, unless the current scope says otherwise — a writing request
   * reads the primary; an actor with a recent write reads the replica once it has replayed that write
   * (waiting up to `waitMs`), else the primary. Without a replica, the primary.
   */
  readonly lagging: ReadQueryable;
  /** Runs `work` (and everything it awaits) in `scope`. */
  within<T>(scope: ReadScope, work: () => T): T;
  /** The primary's WAL position now; asked after a commit, it covers that commit. Null without a replica. */
  writePosition(): Promise<WalPosition | null>;
  /** The read pool's connections (for the metrics); null without a replica. */
  poolStats(): PoolStats | null;
  /** How far the replica is behind the primary now (for the metrics); null without a replica. */
  lag(): Promise<ReplicaLag> | null;
  /** How many lagging reads each source has served since the process started, and why (for the metrics). */
  served(): ReadonlyMap<ServedBy, number>;
  close(): Promise<void>;
}

/** Where a lagging read went, and why. */
export type ServedBy =
  /** The replica: a reader without a recent write of their own. */
  | 'replica:tolerant'
  /** The replica: it had replayed the reader's last write (at once or within the wait). */
  | 'replica:caught-up'
  /** The primary: a request that may write. */
  | 'primary:writing'
  /** The primary: the replica had not replayed the reader's last write within READ_REPLICA_WAIT_MS. */
  | 'primary:lagged';

export const SERVED_BY: readonly ServedBy[] = ['replica:tolerant', 'replica:caught-up', 'primary:writing', 'primary:lagged'];

/** The replica's distance behind the primary; NaN for what could not be read (a server down). */
export interface ReplicaLag {
  /** WAL bytes the primary has written and the replica has not replayed (0 when caught up). */
  readonly bytes: number;
  /**
   * Seconds since the last transaction the replica replayed was committed on the primary, while it
   * has not replayed everything (0 when caught up). After a long idle spell the first write shows as
   * that spell's length until replayed, a fraction of a second: alert on it lasting, not on one sample.
   */
  readonly seconds: number;
}

export interface ReadsConfig {
  /** READ_DATABASE_URL; null: every read goes to the primary. */
  readonly url: string | null;
  readonly poolSize: number;
  /** READ_REPLICA_WAIT_MS: how long an actor's read waits for the replica to replay their write before it reads the primary. */
  readonly waitMs: number;
  readonly logger?: DatabaseLogger | null;
}

/** How often a waiting read asks the replica how far it has replayed. */
const POLL_MS = 5;

interface Scope extends ReadScope {
  /** The source this scope settled on, decided once per scope. */
  chosen: Promise<Source> | null;
}

interface Source {
  readonly queryable: ReadQueryable;
  readonly servedBy: ServedBy;
}

/** The primary alone, or the primary and a replica with read-your-writes (ADR 0018). */
export function openReads(primary: Database, config: ReadsConfig): Reads {
  if (config.url === null || primary.kind !== 'postgres') {
    return {
      replicated: false,
      lagging: { query: (sql, params) => primary.query(sql, params) },
      within: (_scope, work) => work(),
      writePosition: () => Promise.resolve(null),
      poolStats: () => null,
      lag: () => null,
      served: () => new Map(),
      close: () => Promise.resolve(),
    };
  }
  const { db: replica } = openPostgresPool(withReadOnlyDefault(config.url), config.poolSize, config.logger ?? null);
  const scopes = new AsyncLocalStorage<Scope>();

  const replayed = async (floor: WalPosition): Promise<boolean> => {
    // NULL on a server that is not a standby: never counts as caught up, so the primary answers.
    const [row] = await replica.query<{ caught_up: boolean | null }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up', [floor]);
    return row?.caught_up === true;
  };
  const fromPrimary: ReadQueryable = { query: (sql, params) => primary.query(sql, params) };
  const fromReplica: ReadQueryable = { query: (sql, params) => replica.query(sql, params) };
  const served = new Map<ServedBy, number>(SERVED_BY.map((s) => [s, 0]));
  const tolerant: Source = { queryable: fromReplica, servedBy: 'replica:tolerant' };
  const writing: Source = { queryable: fromPrimary, servedBy: 'primary:writing' };

  const choose = async (floor: WalPosition): Promise<Source> => {
    const until = Date.now() + config.waitMs;
    for (;;) {
      if (await replayed(floor)) {
        return { queryable: fromReplica, servedBy: 'replica:caught-up' };
      }
      if (Date.now() >= until) {
        return { queryable: fromPrimary, servedBy: 'primary:lagged' };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const sourceOf = (scope: Scope | undefined): Promise<Source> | Source => {
    if (scope === undefined || (!scope.primary && scope.floor === null)) {
      return tolerant;
    }
    if (scope.primary) {
      return writing;
    }
    return (scope.chosen ??= choose(scope.floor as WalPosition));
  };

  return {
    replicated: true,
    lagging: {
      async query<T extends Row>(sql: string, params?: readonly unknown[]) {
        const source = await sourceOf(scopes.getStore());
        served.set(source.servedBy, (served.get(source.servedBy) ?? 0) + 1);
        return source.queryable.query<T>(sql, params);
      },
    },
    within: (scope, work) => scopes.run({ ...scope, chosen: null }, work),
    async writePosition() {
      try {
        const [row] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        return row?.lsn ?? null;
      } catch (error) {
        throw unavailableOr(error);
      }
    },
    poolStats: () => replica.poolStats?.() ?? null,
    lag: () => replicaLag(primary, replica),
    served: () => new Map(served),
    close: () => replica.close(),
  };
}

/**
 * The replica's replayed position is read first, then the primary's: the bytes are never less than
 * the true distance at the moment of the first read. Each side is NaN when its server does not answer.
 */
async function replicaLag(primary: Database, replica: Database): Promise<ReplicaLag> {
  const [standby] = await replica
    .query<{ replayed: string | null; since: number | null }>(
      'SELECT pg_last_wal_replay_lsn()::text AS replayed, extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since',
    )
    .catch(() => [undefined]);
  if (standby === undefined || standby.replayed === null) {
    // Unreachable, or not a standby (no replay position): nothing to measure.
    return { bytes: NaN, seconds: NaN };
  }
  const [behind] = await primary
    .query<{ bytes: string }>('SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::text AS bytes', [standby.replayed])
    .catch(() => [undefined]);
  const bytes = behind === undefined ? NaN : Number(behind.bytes);
  // Caught up: no lag, however long ago the last transaction was; behind: the age of the last one replayed.
  const seconds = bytes === 0 ? 0 : Math.max(0, standby.since ?? NaN);
  return { bytes, seconds };
}

/** The URL with `default_transaction_read_only=on` added to the connection's options. */
function withReadOnlyDefault(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${options ? `${options} ` : ''}-c default_transaction_read_only=on`);
  return parsed.toString();
}
