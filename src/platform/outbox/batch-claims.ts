import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../db/database.ts';
import { type ClaimedMessage, outboxRepository } from './outbox.repository.ts';

/**
 * A worker's claims of batches (the option `rescanMs` of `createOutboxWorker`): above the lowest id
 * of its last full batch while full batches keep coming there, otherwise, and at least every
 * `rescanMs` of real time, from the first pending row.
 *
 * Why: a claim walks the partial index `outbox_claimable` in id order, and the entries of rows done
 * since the last vacuum are walked too, so on a large burst a claim from the start costs in
 * proportion to what was already sent. Rows below the floor are not lost: a row committed after
 * higher ids, due for a retry, or whose lease expired is found by the next claim from the start,
 * at the latest `rescanMs` later.
 */
export function batchClaims(o: { db: Database; clock: Clock; workerId: string; batchSize: number; leaseMs: number; rescanMs: number }): () => Promise<ClaimedMessage[]> {
  const { db, clock, workerId, batchSize, leaseMs, rescanMs } = o;
  /** The lowest id of the last full batch (0: none). */
  let floor = 0;
  let scannedFromStartAt = performance.now();

  return async function claimBatch() {
    const now = clock.now();
    const fromStart = async (limit: number) => {
      scannedFromStartAt = performance.now();
      return outboxRepository.claim(db, { workerId, limit, leaseMs, now });
    };
    if (floor === 0 || performance.now() - scannedFromStartAt >= rescanMs) {
      const batch = await fromStart(batchSize);
      floor = batch.length === batchSize ? (batch[0]?.id ?? 0) : 0;
      return batch;
    }
    const above = await outboxRepository.claim(db, { workerId, limit: batchSize, leaseMs, now, fromId: floor });
    if (above.length === batchSize) {
      floor = Math.max(floor, above[0]?.id ?? 0);
      return above;
    }
    // Nothing more above the floor: the rest of the batch from the start (rows below it, if any).
    floor = 0;
    const below = await fromStart(batchSize - above.length);
    return [...above, ...below];
  };
}
