/**
 * Verification of the audit log in constant memory: the sealed entries are read by leaf index a
 * page at a time, each leaf hash recomputed from the entry's content, and the tree rebuilt keeping
 * only its complete subtrees' roots. Every signed checkpoint must verify under the public key and
 * name the root the rebuilt tree has at its size; the log must reach the latest one. Given a
 * checkpoint kept outside (a witness's copy), the log must still hold it: same root at its size, and
 * a consistency proof from the stored tree to the latest checkpoint.
 */
import type { Queryable } from '../db/database.ts';
import { auditLogRepository as repo } from './audit-log.repository.ts';
import { type Checkpoint, checkpointVerifies } from './checkpoint.ts';
import { leafOf } from './leaf.ts';
import { CompactTree, verifyConsistency } from './merkle.ts';
import { consistencyProof } from './proofs.ts';
import { auditSigningKey, DEVELOPMENT_AUDIT_SIGNING_KEY } from './signing-key.ts';

export type AuditVerdict =
  | { readonly ok: true; readonly count: number; readonly unsealed: number; readonly latest: Checkpoint | null }
  | { readonly ok: false; readonly id: number; readonly reason: string };

export interface VerifyOptions {
  /** The public key (base64url) checkpoints are signed with; the development key's when not given. */
  readonly publicKey?: string;
  /** A checkpoint kept outside the portal: the log must have only grown since. */
  readonly witness?: Checkpoint;
  readonly pageSize?: number;
}

/** `id`: the entry's insertion id when a row is at fault, else the tree size at which the log fails. */
export async function verifyAudit(db: Queryable, options: VerifyOptions = {}): Promise<AuditVerdict> {
  const publicKey = options.publicKey ?? auditSigningKey(DEVELOPMENT_AUDIT_SIGNING_KEY).publicKey;
  const pageSize = options.pageSize ?? 1000;
  const witness = options.witness;
  if (witness !== undefined && !checkpointVerifies(witness, publicKey)) {
    return { ok: false, id: witness.treeSize, reason: 'the witness\'s checkpoint is not signed by the portal\'s key' };
  }
  const latest = await repo.latestCheckpoint(db);
  if (witness !== undefined && (latest === null || latest.treeSize < witness.treeSize)) {
    return { ok: false, id: witness.treeSize, reason: `the log's latest checkpoint has ${latest?.treeSize ?? 0} entries, fewer than the witness's checkpoint of ${witness.treeSize}: the log was cut back` };
  }

  // Verification is of the log as far as the latest checkpoint read now: a sealer running meanwhile
  // adds leaves and checkpoints beyond it (sealed rows never change), which the next run checks.
  const end = latest?.treeSize ?? 0;
  const tree = new CompactTree();
  let checkpoints: Checkpoint[] = [];
  let nextCheckpoint = 0;
  let checkedUpTo = 0;
  const moreCheckpoints = async (): Promise<Checkpoint | undefined> => {
    if (nextCheckpoint >= checkpoints.length) {
      checkedUpTo = checkpoints.at(-1)?.treeSize ?? checkedUpTo;
      checkpoints = await repo.checkpoints(db, { after: checkedUpTo, upTo: end, limit: pageSize });
      nextCheckpoint = 0;
    }
    return checkpoints[nextCheckpoint];
  };
  /** Checks the checkpoints at the tree's current size; a reason when one fails. */
  const atSize = async (): Promise<string | null> => {
    let c = await moreCheckpoints();
    while (c !== undefined && c.treeSize <= tree.size) {
      if (!checkpointVerifies(c, publicKey)) {
        return `the checkpoint of ${c.treeSize} entries is not signed by the portal's key`;
      }
      if (c.treeSize < tree.size) {
        return `the checkpoint of ${c.treeSize} entries was passed without its root being checked`;
      }
      if (tree.root().toString('hex') !== c.rootHash) {
        return `the entries up to leaf ${c.treeSize} do not hash to the root of the signed checkpoint of ${c.treeSize} entries: the log was rewritten`;
      }
      nextCheckpoint += 1;
      c = await moreCheckpoints();
    }
    if (witness !== undefined && tree.size === witness.treeSize && tree.root().toString('hex') !== witness.rootHash) {
      return `the entries up to leaf ${witness.treeSize} do not hash to the root of the witness's checkpoint: the log was rewritten`;
    }
    return null;
  };

  for (;;) {
    const page = await repo.leaves(db, tree.size, end, pageSize);
    for (const e of page) {
      if (e.leafIndex !== tree.size) {
        return { ok: false, id: e.id, reason: `leaf ${tree.size} is missing` };
      }
      const leaf = leafOf(e);
      if (e.storedLeafHash !== leaf.toString('hex')) {
        return { ok: false, id: e.id, reason: 'its content does not match its hash' };
      }
      tree.push(leaf);
      const failed = await atSize();
      if (failed !== null) {
        return { ok: false, id: tree.size, reason: failed };
      }
    }
    if (page.length < pageSize) {
      break;
    }
  }
  const unchecked = await moreCheckpoints();
  if (unchecked !== undefined) {
    return { ok: false, id: unchecked.treeSize, reason: `the log ends at ${tree.size} entries, before the signed checkpoint of ${unchecked.treeSize}: entries were deleted` };
  }
  if (witness !== undefined && latest !== null) {
    const proof = await consistencyProof(db, witness.treeSize, latest.treeSize).catch(() => null);
    const holds = proof?.ok === true
      && verifyConsistency(witness.treeSize, latest.treeSize, Buffer.from(witness.rootHash, 'hex'), Buffer.from(latest.rootHash, 'hex'), proof.proof.path.map((h) => Buffer.from(h, 'hex')));
    if (!holds) {
      return { ok: false, id: witness.treeSize, reason: 'the stored tree gives no proof that the log only grew since the witness\'s checkpoint' };
    }
  }
  return { ok: true, count: tree.size, unsealed: await repo.countUnsealed(db), latest };
}
