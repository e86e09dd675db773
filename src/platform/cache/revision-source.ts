import { FreshRead } from './fresh-read.ts';

/**
 * Where a process learns the current revision of data that other writers may change.
 * - `shared`: several processes write the database, so every read asks it (coalesced, see FreshRead).
 * - `local`: this process is the only one that can write (embedded PGlite is opened by one process),
 *   so the revision is read once and then advanced by this process's own commits — exact, and free.
 */
export interface RevisionSource {
  current(): Promise<number>;
  /** Tells the source that this process committed `revision`. */
  committed(revision: number): void;
}

export function sharedRevision(read: () => Promise<number>): RevisionSource {
  const fresh = new FreshRead(read);
  return { current: () => fresh.get(), committed: () => undefined };
}

export function localRevision(read: () => Promise<number>): RevisionSource {
  let known: Promise<number> | null = null;
  return {
    current: () => (known ??= read().catch((error: unknown) => {
      known = null;
      throw error;
    })),
    committed: (revision) => {
      known = Promise.resolve(revision);
    },
  };
}
