/**
 * The primary and streaming replica of `scripts/replica.sh` are one pair of servers for every test file
 * that uses them, and those files pause the replica's replay (`pg_wal_replay_pause()` holds the whole
 * server, every database on it): while one file has replay paused, another file's writes never reach
 * the replica, and its resume would end the first file's pause. So the files take the pair one at a
 * time: a session advisory lock on the primary's own database, held from the file's first hook to its
 * last (the tests of other files meanwhile run on the other workers).
 */
import pg from 'pg';

/** The advisory lock key of the replica pair (other keys of the tests: test/support/database.ts). */
const REPLICA_LOCK = 7_401_901;

/** Waits until no other test file holds the replica pair, then holds it; the returned function lets it go. */
export async function holdReplica(primaryUrl: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [REPLICA_LOCK]);
  } catch (error) {
    await client.end();
    throw error;
  }
  // Ending the session lets the lock go, also if the file's process dies before its last hook.
  return () => client.end();
}

/** How long a file may wait for another to finish with the replica pair (the longest takes about a minute alone). */
export const REPLICA_WAIT_MS = 600_000;
