/**
 * The reminder job of the collection module: a result still awaiting collection after the configured
 * working days is reminded of once, through the outbox (see README.md).
 */
import type { Clock } from '../../kernel/clock.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import type { CaseRecord } from '../cases/index.ts';
import type { Centre, Service } from '../catalogue/index.ts';
import { kyivDay, type WorkingCalendar } from '../deadlines/index.ts';
import { type Collection, placeOf } from './collection.ts';
import { COLLECTION_READY_TOPIC, type CollectionReadyMessage } from './collection-messages.ts';
import { collectionsRepository } from './collections.repository.ts';

export interface ReminderDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: Pick<WorkingCalendar, 'addWorkingDays'>;
  readonly remindAfterWorkingDays: number;
  readonly caseById: (q: Queryable, id: string) => Promise<CaseRecord | null>;
  readonly serviceOf: (id: string) => Promise<Service>;
  readonly centres: () => Promise<readonly Centre[]>;
}

const REMINDER_BATCH = 50;
const DAY_MS = 24 * 3600 * 1000;

/** The reminder job: a result still awaiting collection after the configured working days is reminded of once. */
export function reminding(deps: ReminderDeps) {
  const { db, clock, calendar, remindAfterWorkingDays: n } = deps;
  /** The reminder of one claimed collection, or null when its case or centre is gone from the catalogue. */
  async function reminderOf(tx: Queryable, k: Collection): Promise<CollectionReadyMessage | null> {
    const c = await deps.caseById(tx, k.caseId);
    const centre = (await deps.centres()).find((x) => x.id === k.centreId);
    if (c === null || centre === undefined) {
      return null;
    }
    const service = await deps.serviceOf(c.serviceId);
    return { caseId: c.id, caseNumber: k.caseNumber, collectionId: k.id, notice: 'reminder', what: service.outputs[0]?.name ?? service.name, ...placeOf(centre), collectBy: k.collectBy };
  }

  /** One batch in one transaction: claims (row locks, SKIP LOCKED), marks the due ones reminded and queues their notices. */
  async function batch(now: Date, today: string, size: number): Promise<{ reminded: number; more: boolean }> {
    return auditedTransaction(db, async (tx) => {
      // n working days are at least n calendar days: nothing made ready since then can be due.
      const claimed = await collectionsRepository.claimUnreminded(tx, { readyBefore: new Date(now.getTime() - n * DAY_MS), today, limit: size });
      // Oldest first: after the first that is not due, none is.
      const due = claimed.filter((k) => calendar.addWorkingDays(kyivDay(k.readyAt), n) < today);
      const marked = new Set(await collectionsRepository.markReminded(tx, due.map((k) => k.id), now));
      let reminded = 0;
      for (const k of due.filter((x) => marked.has(x.id))) {
        const payload = await reminderOf(tx, k);
        if (payload === null) {
          continue;
        }
        await outboxRepository.enqueue(tx, { topic: COLLECTION_READY_TOPIC, payload, idempotencyKey: `collection-reminder:${k.id}`, availableAt: now });
        await appendAudit(tx, {
          at: now, action: 'collection.reminded', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `case:${k.caseNumber}`,
          detail: { collection: k.id, centre: k.centreId, readyOn: kyivDay(k.readyAt), afterWorkingDays: n },
        });
        reminded++;
      }
      return { reminded, more: claimed.length === size && due.length === claimed.length };
    });
  }

  return {
    remindAfterWorkingDays: n,
    /**
     * One run of the job: every result still ready for collection whose n-th working day after the day
     * it was made ready has passed (and whose last day, if any, has not) is reminded of once, through the
     * outbox (`collection.ready`, notice `reminder`), to everyone told about the case by their channels
     * and in their language. Several processes may run it at once: each batch is claimed with row locks
     * (SKIP LOCKED) and marked in the same transaction, `batchSize` at a time. Answers how many were reminded.
     */
    async sendDueReminders(batchSize = REMINDER_BATCH): Promise<number> {
      const now = clock.now();
      const today = kyivDay(now);
      let total = 0;
      for (;;) {
        const { reminded, more } = await batch(now, today, batchSize);
        total += reminded;
        if (!more) {
          return total;
        }
      }
    },
  };
}
