import type { Queryable } from '../../platform/db/database.ts';

/**
 * Where attachment contents live, addressed by their SHA-256: in this database or in a directory.
 * `put` takes the caller's transaction (a directory store writes the file before the transaction
 * commits; a file left by a rolled-back transaction is removed by the caller, see `releaseContents`).
 * `remove` deletes one content; callers hold the content's lock and have checked that no attachment
 * refers to it.
 */
export interface AttachmentStore {
  readonly kind: 'database' | 'directory';
  put(tx: Queryable, sha256: string, bytes: Uint8Array): Promise<void>;
  get(db: Queryable, sha256: string): Promise<Uint8Array | null>;
  remove(tx: Queryable, sha256: string): Promise<void>;
}

/** The database storage of attachment contents (the default). */
export const databaseAttachmentStore: AttachmentStore = {
  kind: 'database',
  async put(tx: Queryable, sha256: string, bytes: Uint8Array): Promise<void> {
    await tx.query('INSERT INTO attachment_contents (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO UPDATE SET content = EXCLUDED.content', [sha256, bytes]);
  },
  async get(db: Queryable, sha256: string): Promise<Uint8Array | null> {
    const rows = await db.query<{ content: Uint8Array }>('SELECT content FROM attachment_contents WHERE sha256 = $1', [sha256]);
    return rows[0]?.content ?? null;
  },
  async remove(tx: Queryable, sha256: string): Promise<void> {
    await tx.query('DELETE FROM attachment_contents WHERE sha256 = $1', [sha256]);
  },
};

/** Who refers to a content, and the lock that keeps storing and removing one content apart. */
export const contentsRepository = {
  /**
   * Serialises whoever stores, refers to or removes one content, until the transaction ends: an
   * upload of the same bytes in flight (file written, row not yet committed) is never removed under it.
   */
  async lock(tx: Queryable, sha256: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7301))', [sha256]);
  },

  async referenced(db: Queryable, sha256: string): Promise<boolean> {
    const rows = await db.query('SELECT 1 FROM attachments WHERE sha256 = $1 LIMIT 1', [sha256]);
    return rows.length > 0;
  },
};
