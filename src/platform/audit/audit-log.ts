/**
 * The audit log as a transparency log (ADR 0016): the sealer, the signed checkpoints, and proofs —
 * what the portal's background loop, its public URLs and `audit:verify` use.
 */
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../db/database.ts';
import { auditLogRepository as repo } from './audit-log.repository.ts';
import type { Checkpoint } from './checkpoint.ts';
import { consistencyProof, inclusionProof, inclusionProofOfEntry } from './proofs.ts';
import { sealAudit } from './sealer.ts';
import { auditSigningKey } from './signing-key.ts';

export function createAuditLog(deps: { db: Database; clock: Clock; signingSecret: string }) {
  const { db, clock } = deps;
  const key = auditSigningKey(deps.signingSecret);
  return {
    /** The key that verifies checkpoints, published with them. */
    publicKey: { keyId: key.keyId, algorithm: 'Ed25519' as const, publicKey: key.publicKey },
    /** Seals what is committed now and signs a checkpoint of the grown tree (see `sealAudit`). */
    seal: (batchSize?: number) => sealAudit(db, key, () => clock.now(), batchSize),
    latest: (): Promise<Checkpoint | null> => repo.latestCheckpoint(db),
    /** Entries committed but not yet in a signed checkpoint, the oldest one's time, and the latest checkpoint's size and time (for the metrics). */
    backlog: () => repo.sealBacklog(db),
    checkpoint: (treeSize: number): Promise<Checkpoint | null> => repo.checkpoint(db, treeSize),
    /** Newest first, `limit` of them below tree size `before`. */
    checkpoints: (page: { before?: number; limit: number }): Promise<Checkpoint[]> => repo.checkpoints(db, page),
    inclusionProof: (leafIndex: number, treeSize: number) => inclusionProof(db, leafIndex, treeSize),
    inclusionProofOfEntry: (entryId: number, treeSize: number) => inclusionProofOfEntry(db, entryId, treeSize),
    consistencyProof: (fromSize: number, toSize: number) => consistencyProof(db, fromSize, toSize),
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
