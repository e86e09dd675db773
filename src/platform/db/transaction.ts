import type { Err, Result } from '../../kernel/result.ts';
import type { Database, Queryable } from './database.ts';

/** Carries a failure value out of the driver's transaction, so that the driver rolls it back. */
class RolledBack extends Error {
  constructor(readonly failure: Err<unknown>) {
    super('rolled back: the work answered a failure');
  }
}

/**
 * Runs `work` in one transaction that commits when it returns `ok(...)` and rolls back when it
 * returns a failure value (`err(...)`); the failure is then returned as it was. A thrown error rolls
 * back and is rethrown, as with `db.transaction`. `db` may be any runner of transactions (the audited
 * one, say). Inside a transaction already open on the embedded database the work joins it, and the
 * outer work decides: it should pass the failure on.
 */
export async function resultTransaction<T, E>(
  db: Pick<Database, 'transaction'>,
  work: (tx: Queryable) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) {
        throw new RolledBack(result);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) {
      return error.failure as Err<E>;
    }
    throw error;
  }
}
