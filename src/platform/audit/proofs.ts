/**
 * Proofs from the stored tree: each reads O(log n) node rows. They hold hashes only, never an
 * entry's content (which is personal data).
 */
import type { Queryable } from '../db/database.ts';
import { auditLogRepository as repo } from './audit-log.repository.ts';
import { consistencyRanges, foldBlocks, type Hash, inclusionRanges, type Range, rangeBlocks } from './merkle.ts';

export interface InclusionProof {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly path: readonly string[];
}

export interface ConsistencyProof {
  readonly fromSize: number;
  readonly toSize: number;
  readonly path: readonly string[];
}

export type ProofRefusal = 'beyond-the-tree' | 'not-sealed';

/** The number of leaves sealed so far: the size of the latest checkpoint. */
async function sealedSize(db: Queryable): Promise<number> {
  return (await repo.latestCheckpoint(db))?.treeSize ?? 0;
}

async function rangeHashes(db: Queryable, ranges: readonly Range[]): Promise<Hash[]> {
  const perRange = ranges.map(rangeBlocks);
  const hashes = await repo.nodes(db, perRange.flat());
  let at = 0;
  return perRange.map((blocks) => {
    const mine = hashes.slice(at, at + blocks.length);
    at += blocks.length;
    return foldBlocks(mine);
  });
}

/** The inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves (RFC 9162 PATH). */
export async function inclusionProof(db: Queryable, leafIndex: number, treeSize: number): Promise<{ ok: true; proof: InclusionProof } | { ok: false; reason: ProofRefusal }> {
  if (!(leafIndex >= 0 && leafIndex < treeSize && treeSize <= (await sealedSize(db)))) {
    return { ok: false, reason: 'beyond-the-tree' };
  }
  const [leaf] = await repo.nodes(db, [{ level: 0, index: leafIndex }]);
  const path = await rangeHashes(db, inclusionRanges(leafIndex, treeSize));
  return { ok: true, proof: { leafIndex, treeSize, leafHash: (leaf as Hash).toString('hex'), path: path.map((h) => h.toString('hex')) } };
}

/** The inclusion proof of the entry with insertion id `entryId`, in the tree of `treeSize` leaves. */
export async function inclusionProofOfEntry(db: Queryable, entryId: number, treeSize: number): Promise<{ ok: true; proof: InclusionProof } | { ok: false; reason: ProofRefusal }> {
  const leafIndex = await repo.leafIndexOf(db, entryId);
  return leafIndex === null ? { ok: false, reason: 'not-sealed' } : inclusionProof(db, leafIndex, treeSize);
}

/** The proof that the tree of `toSize` leaves extends the tree of `fromSize` (RFC 9162 PROOF). */
export async function consistencyProof(db: Queryable, fromSize: number, toSize: number): Promise<{ ok: true; proof: ConsistencyProof } | { ok: false; reason: ProofRefusal }> {
  if (!(fromSize >= 0 && fromSize <= toSize && toSize <= (await sealedSize(db)))) {
    return { ok: false, reason: 'beyond-the-tree' };
  }
  const path = await rangeHashes(db, consistencyRanges(fromSize, toSize));
  return { ok: true, proof: { fromSize, toSize, path: path.map((h) => h.toString('hex')) } };
}
