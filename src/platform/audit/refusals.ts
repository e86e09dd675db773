import type { Database } from '../db/database.ts';
import { type AuditEntry, recordAudit } from './audit.ts';
import { refusalCountsRepository } from './refusal-counts.repository.ts';

/** Chained rows a signed-in person's refusals of one kind may add in a minute; the rest are counted. */
export const PERSON_CHAINED_PER_MINUTE = 20;

/** How long the per-minute counts are kept (they name client addresses). */
export const REFUSAL_COUNTS_DAYS = 30;

export type Refusal = Omit<AuditEntry, 'outcome'>;

/**
 * Records a refusal cheaply (ADR 0012). Every refusal is counted in `refusal_counts` by minute, client
 * and kind (`action:reason`), a row only that client writes. A chained audit row is added for the first
 * refusal of a client and kind in a minute, and for a signed-in person's refusals up to
 * PERSON_CHAINED_PER_MINUTE a minute; a flood of anonymous refusals therefore never queues on the
 * chain's head, where everyone's audited writes wait.
 */
export async function recordRefusal(db: Database, refusal: Refusal, client: string): Promise<'chained' | 'counted'> {
  const reason = typeof refusal.detail['reason'] === 'string' ? refusal.detail['reason'] : '';
  const kind = reason === '' ? refusal.action : `${refusal.action}:${reason}`;
  const who = refusal.actorPersonId === null ? client : `person:${refusal.actorPersonId}`;
  const minute = new Date(Math.floor(refusal.at.getTime() / 60_000) * 60_000);
  const count = await refusalCountsRepository.add(db, minute, who.slice(0, 100), kind);
  const chained = count === 1 || (refusal.actorPersonId !== null && count <= PERSON_CHAINED_PER_MINUTE);
  if (!chained) {
    return 'counted';
  }
  await recordAudit(db, { ...refusal, outcome: 'refused', detail: { ...refusal.detail, countedPerMinute: true } });
  return 'chained';
}

/** Deletes the counts older than REFUSAL_COUNTS_DAYS. */
export const purgeRefusalCounts = (db: Database, now: Date): Promise<number> =>
  refusalCountsRepository.purge(db, new Date(now.getTime() - REFUSAL_COUNTS_DAYS * 86_400_000));
