/**
 * A test's database that can be made unreachable: while `down`, every call goes to a real
 * node-postgres pool aimed at a port where nothing listens (so callers meet the real refused-connection
 * error); while `hung`, queries never answer. `up` is the test's real database again.
 */
import type { Database } from '../../src/platform/db/database.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { freePort } from './portal-process.ts';

export type DatabaseState = 'up' | 'down' | 'hung';

export interface SwitchableDatabase {
  readonly db: Database;
  set(state: DatabaseState): void;
  /** Closes the refused pool (not the real database). */
  close(): Promise<void>;
}

/** A port on 127.0.0.1 where nothing listens (a free port, left closed). */
export const closedPort = freePort;

/** A real PostgreSQL pool whose server refuses every connection. */
export const refusedDatabase = async (): Promise<Database> => openPostgres(`postgres://nobody@127.0.0.1:${await closedPort()}/none`, 2);

export async function switchableDatabase(real: Database): Promise<SwitchableDatabase> {
  const refused = await refusedDatabase();
  let state: DatabaseState = 'up';
  const current = (): Database => (state === 'up' ? real : refused);
  const hang = new Promise<never>(() => undefined);
  const db: Database = {
    kind: real.kind,
    query: (sql, params) => (state === 'hung' ? hang : current().query(sql, params)),
    transaction: (work) => (state === 'hung' ? hang : current().transaction(work)),
    exec: (sql) => current().exec(sql),
    withLock: (key, work) => current().withLock(key, work),
    close: () => real.close(),
  };
  return { db, set: (s) => (state = s), close: () => refused.close() };
}
