import type { Queryable } from '../../platform/db/database.ts';

/**
 * Where attachment contents live, addressed by their SHA-256: in this database or in a directory.
 * `put` takes the caller's transaction (a directory store writes the file before the transaction
 * commits; a file left by a rolled-back transaction is unreferenced and harmless, since contents are
 * named by their hash).
 */
export interface AttachmentStore {
  readonly kind: 'database' | 'directory';
  put(tx: Queryable, sha256: string, bytes: Uint8Array): Promise<void>;
  get(db: Queryable, sha256: string): Promise<Uint8Array | null>;
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
};
