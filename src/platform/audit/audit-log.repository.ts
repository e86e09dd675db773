/** SQL of the audit log's Merkle tree: unsealed entries, leaf indexes, tree nodes and checkpoints. */
import type { Queryable } from '../db/database.ts';
import type { AuditEntry } from './audit.ts';
import type { Checkpoint } from './checkpoint.ts';
import type { Block, Hash } from './merkle.ts';

/** An entry as stored: its insertion id, and its leaf index once sealed. */
export interface StoredEntry extends AuditEntry {
  readonly id: number;
  readonly leafIndex: number | null;
}

interface EntryRow {
  id: string | number; leaf_index: string | number | null; at: Date; action: string; outcome: AuditEntry['outcome']; channel: AuditEntry['channel'];
  actor_person_id: string | null; acting_for: string | null; subject: string | null; detail: Record<string, unknown>;
  [key: string]: unknown;
}

const ENTRY = 'e.id, e.leaf_index, e.at, e.action, e.outcome, e.channel, e.actor_person_id, e.acting_for, e.subject, e.detail';

const entryOf = (r: EntryRow): StoredEntry => ({
  id: Number(r.id), leafIndex: r.leaf_index === null ? null : Number(r.leaf_index), at: new Date(r.at), action: r.action, outcome: r.outcome, channel: r.channel,
  actorPersonId: r.actor_person_id, actingFor: r.acting_for, subject: r.subject, detail: r.detail,
});

interface CheckpointRow {
  tree_size: string | number; root_hash: string; signed_at: Date; key_id: string; signature: string;
  [key: string]: unknown;
}
const CHECKPOINT = "tree_size, encode(root_hash, 'hex') AS root_hash, signed_at, key_id, signature";
const checkpointOf = (r: CheckpointRow): Checkpoint => ({
  treeSize: Number(r.tree_size), rootHash: r.root_hash, signedAt: new Date(r.signed_at).toISOString(), keyId: r.key_id, signature: r.signature,
});

export const auditLogRepository = {
  /** Takes the seal lock for the transaction; false when another sealer holds it. */
  async lockSealer(tx: Queryable): Promise<boolean> {
    return (await tx.query('SELECT id FROM audit_seal_lock WHERE id = 1 FOR UPDATE SKIP LOCKED')).length === 1;
  },

  /** Committed entries without a leaf index yet, oldest insertion first. */
  async unsealed(tx: Queryable, limit: number): Promise<StoredEntry[]> {
    return (await tx.query<EntryRow>(`SELECT ${ENTRY} FROM audit_events e WHERE e.leaf_index IS NULL ORDER BY e.id LIMIT $1`, [limit])).map(entryOf);
  },

  async countUnsealed(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE leaf_index IS NULL');
    return row?.n ?? 0;
  },

  /**
   * What is committed but not yet in a signed checkpoint (the sealer seals and signs in one
   * transaction, so: the unsealed entries), the oldest of them, and the latest checkpoint. The
   * unsealed rows are read through their partial index (`audit_events_unsealed_idx`), the checkpoint
   * by its primary key.
   */
  async sealBacklog(db: Queryable): Promise<{ unsealed: number; oldestUnsealedAt: Date | null; treeSize: number; signedAt: Date | null }> {
    const [row] = await db.query<{ unsealed: number; oldest: Date | null; tree_size: string | number | null; signed_at: Date | null }>(
      `SELECT (SELECT count(*) FROM audit_events WHERE leaf_index IS NULL) AS unsealed,
              (SELECT at FROM audit_events WHERE leaf_index IS NULL ORDER BY id LIMIT 1) AS oldest,
              c.tree_size, c.signed_at
       FROM (SELECT 1) AS one LEFT JOIN (SELECT tree_size, signed_at FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1) AS c ON true`,
    );
    return {
      unsealed: Number(row?.unsealed ?? 0), oldestUnsealedAt: row?.oldest ? new Date(row.oldest) : null,
      treeSize: Number(row?.tree_size ?? 0), signedAt: row?.signed_at ? new Date(row.signed_at) : null,
    };
  },

  /** Gives entries their leaf indexes (in the order of `ids`, from `first`) and stores the tree's new complete subtrees. */
  async seal(tx: Queryable, first: number, ids: readonly number[], nodes: ReadonlyArray<Block & { hash: Hash }>): Promise<void> {
    await tx.query(
      `UPDATE audit_events e SET leaf_index = $2::bigint + v.ord - 1
       FROM unnest($1::bigint[]) WITH ORDINALITY AS v(id, ord) WHERE e.id = v.id`,
      [ids, first],
    );
    await tx.query(
      "INSERT INTO audit_tree_nodes (level, index, hash) SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS n(l, i, h)",
      [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash.toString('hex'))],
    );
  },

  /** The hashes of the given complete subtrees, in the order asked; a missing one is an error. */
  async nodes(db: Queryable, blocks: readonly Block[]): Promise<Hash[]> {
    if (blocks.length === 0) {
      return [];
    }
    const rows = await db.query<{ level: number; index: string | number; hash: string }>(
      `SELECT n.level, n.index, encode(n.hash, 'hex') AS hash FROM audit_tree_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS b(l, i) ON n.level = b.l AND n.index = b.i`,
      [blocks.map((b) => b.level), blocks.map((b) => b.index)],
    );
    const found = new Map(rows.map((r) => [`${r.level}/${Number(r.index)}`, Buffer.from(r.hash, 'hex')]));
    return blocks.map((b) => {
      const hash = found.get(`${b.level}/${b.index}`);
      if (hash === undefined) {
        throw new Error(`the audit tree lacks its node ${b.level}/${b.index}`);
      }
      return hash;
    });
  },

  async addCheckpoint(tx: Queryable, c: Checkpoint): Promise<void> {
    await tx.query(
      "INSERT INTO audit_checkpoints (tree_size, root_hash, signed_at, key_id, signature) VALUES ($1, decode($2, 'hex'), $3, $4, $5)",
      [c.treeSize, c.rootHash, c.signedAt, c.keyId, c.signature],
    );
  },

  async latestCheckpoint(db: Queryable): Promise<Checkpoint | null> {
    const [row] = await db.query<CheckpointRow>(`SELECT ${CHECKPOINT} FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1`);
    return row === undefined ? null : checkpointOf(row);
  },

  async checkpoint(db: Queryable, treeSize: number): Promise<Checkpoint | null> {
    const [row] = await db.query<CheckpointRow>(`SELECT ${CHECKPOINT} FROM audit_checkpoints WHERE tree_size = $1`, [treeSize]);
    return row === undefined ? null : checkpointOf(row);
  },

  /** Checkpoints by tree size: the newest `limit` below `before` (descending), or above `after` and up to `upTo` (ascending). */
  async checkpoints(db: Queryable, page: { before?: number; after?: number; upTo?: number; limit: number }): Promise<Checkpoint[]> {
    const rows = page.after !== undefined
      ? await db.query<CheckpointRow>(`SELECT ${CHECKPOINT} FROM audit_checkpoints WHERE tree_size > $1 AND tree_size <= $2 ORDER BY tree_size LIMIT $3`, [page.after, page.upTo ?? Number.MAX_SAFE_INTEGER, page.limit])
      : await db.query<CheckpointRow>(`SELECT ${CHECKPOINT} FROM audit_checkpoints WHERE tree_size < $1 ORDER BY tree_size DESC LIMIT $2`, [page.before ?? Number.MAX_SAFE_INTEGER, page.limit]);
    return rows.map(checkpointOf);
  },

  /** Sealed entries of leaves [from, end), by leaf index, at most `limit`, with the leaf hash the tree stores for each. */
  async leaves(db: Queryable, from: number, end: number, limit: number): Promise<Array<StoredEntry & { storedLeafHash: string | null }>> {
    const rows = await db.query<EntryRow & { stored: string | null }>(
      `SELECT ${ENTRY}, encode(n.hash, 'hex') AS stored FROM audit_events e
       LEFT JOIN audit_tree_nodes n ON n.level = 0 AND n.index = e.leaf_index
       WHERE e.leaf_index >= $1 AND e.leaf_index < $2 ORDER BY e.leaf_index LIMIT $3`,
      [from, end, limit],
    );
    return rows.map((r) => ({ ...entryOf(r), storedLeafHash: r.stored }));
  },

  async leafIndexOf(db: Queryable, entryId: number): Promise<number | null> {
    const [row] = await db.query<{ leaf_index: string | number | null }>('SELECT leaf_index FROM audit_events WHERE id = $1', [entryId]);
    return row === undefined || row.leaf_index === null ? null : Number(row.leaf_index);
  },
};
