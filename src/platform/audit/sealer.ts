/**
 * The sealer: gives committed audit entries their leaf index in batches, stores the tree's new
 * complete subtrees and signs a checkpoint of the grown tree, all in one transaction. Leaf order is
 * seal order: an entry whose transaction commits late (a lower id than entries already sealed) is
 * sealed by the next run, so nothing is ever waited for. One sealer at a time holds the seal lock
 * row (FOR UPDATE SKIP LOCKED); any number of processes may run it.
 */
import type { Database } from '../db/database.ts';
import { auditLogRepository as repo } from './audit-log.repository.ts';
import { type Checkpoint, signCheckpoint } from './checkpoint.ts';
import { leafOf } from './leaf.ts';
import { type Block, CompactTree, type Hash, rangeBlocks } from './merkle.ts';
import type { AuditSigningKey } from './signing-key.ts';

export interface SealOutcome {
  /** Entries sealed by this call. */
  readonly sealed: number;
  /** The checkpoint signed last, when the tree grew. */
  readonly checkpoint: Checkpoint | null;
  /** Another sealer held the lock: nothing was done. */
  readonly busy: boolean;
}

/** Seals what is committed now, in batches of `batchSize` (each its own transaction and checkpoint). */
export async function sealAudit(db: Database, key: AuditSigningKey, now: () => Date, batchSize = 5000): Promise<SealOutcome> {
  let sealed = 0;
  let checkpoint: Checkpoint | null = null;
  for (;;) {
    const batch = await sealBatch(db, key, now, batchSize);
    if (batch === 'busy') {
      return { sealed, checkpoint, busy: sealed === 0 };
    }
    sealed += batch.sealed;
    checkpoint = batch.checkpoint ?? checkpoint;
    if (batch.sealed < batchSize) {
      return { sealed, checkpoint, busy: false };
    }
  }
}

async function sealBatch(db: Database, key: AuditSigningKey, now: () => Date, batchSize: number): Promise<{ sealed: number; checkpoint: Checkpoint | null } | 'busy'> {
  return db.transaction(async (tx) => {
    if (!(await repo.lockSealer(tx))) {
      return 'busy' as const;
    }
    const entries = await repo.unsealed(tx, batchSize);
    if (entries.length === 0) {
      return { sealed: 0, checkpoint: null };
    }
    const head = await repo.latestCheckpoint(tx);
    const size = head?.treeSize ?? 0;
    const tree = CompactTree.resume(size, await repo.nodes(tx, rangeBlocks({ start: 0, end: size })));
    const nodes: Array<Block & { hash: Hash }> = [];
    for (const e of entries) {
      nodes.push(...tree.push(leafOf(e)));
    }
    await repo.seal(tx, size, entries.map((e) => e.id), nodes);
    const checkpoint = signCheckpoint({ treeSize: tree.size, rootHash: tree.root().toString('hex'), signedAt: now().toISOString() }, key);
    await repo.addCheckpoint(tx, checkpoint);
    return { sealed: entries.length, checkpoint };
  });
}
