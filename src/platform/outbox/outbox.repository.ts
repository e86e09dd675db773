import type { Queryable } from '../db/database.ts';
import { type DeferredWrite, deferWrite, writeTogether } from '../db/deferred-writes.ts';
import type { PlanStep } from '../db/statement-plan.ts';

/** A row handed to a worker by `claim`. `attempts` already counts this attempt. */
export interface ClaimedMessage {
  readonly id: number;
  readonly topic: string;
  readonly payload: unknown;
  readonly idempotencyKey: string;
  readonly attempts: number;
  readonly createdAt: Date;
}

/** A dead-lettered row, for the operator's view. */
export interface DeadLetter {
  readonly id: number;
  readonly topic: string;
  readonly payload: unknown;
  readonly idempotencyKey: string;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly deadAt: Date;
  readonly lastError: string | null;
}

export interface NewOutboxMessage {
  readonly topic: string;
  /** Any JSON value; stored as jsonb. */
  readonly payload: unknown;
  /** The same key twice is the same effect (for example `application-submitted:<event id>:sms`). */
  readonly idempotencyKey: string;
  /** When the message may first be delivered: usually `clock.now()`. */
  readonly availableAt: Date;
}

/** A message of a one-statement plan: `keyField`, when given, names the payload's field set to the gate's key. */
export interface PlannedOutboxMessage extends NewOutboxMessage {
  readonly keyField?: string;
}

/** Keeps `last_error` readable and bounded. */
const MAX_ERROR_LENGTH = 2000;
const clip = (error: string): string => (error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error);

type ClaimedRow = { id: number; topic: string; payload: unknown; idempotency_key: string; attempts: number; created_at: Date };
type DeadRow = ClaimedRow & { dead_at: Date; last_error: string | null };

/**
 * The SQL of the outbox. `enqueue` takes the caller's transaction, so the message commits or rolls
 * back with the change that causes it. The other writes act only on a row that the given worker
 * still holds (`locked_by`), so a worker whose lease expired and was claimed by another cannot
 * overwrite the other's outcome.
 */
/**
 * Records an outcome on a row and lets go of it, only while `workerId` still holds it: a worker whose
 * lease expired and was claimed by another cannot overwrite the other's outcome.
 */
async function releaseHeld(db: Queryable, o: { id: number; workerId: string }, set: string, ...values: unknown[]): Promise<boolean> {
  const rows = await db.query(
    `UPDATE outbox SET ${set}, locked_by = NULL, locked_until = NULL
     WHERE id = $1 AND locked_by = $2 AND done_at IS NULL AND dead_at IS NULL
     RETURNING id`,
    [o.id, o.workerId, ...values],
  );
  return rows.length === 1;
}

export const outboxRepository = {
  /** Adds a message; a repeated idempotency key is a no-op. Returns whether the row is new. */
  /**
   * Several messages in one statement (in order), each as `enqueue` would write it; a key already there
   * is skipped. Inside a transaction that holds its writes for its end (`auditedTransaction`) they are
   * written then, with its audit entries.
   */
  async enqueueAll(tx: Queryable, messages: readonly NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) {
      return;
    }
    const write: DeferredWrite = {
      sql: (param) => `INSERT INTO outbox (topic, payload, idempotency_key, available_at)
        SELECT m.topic, m.payload::jsonb, m.idempotency_key, m.available_at
        FROM unnest(${param(messages.map((m) => m.topic))}::text[], ${param(messages.map((m) => JSON.stringify(m.payload)))}::text[],
          ${param(messages.map((m) => m.idempotencyKey))}::text[], ${param(messages.map((m) => m.availableAt))}::timestamptz[])
          WITH ORDINALITY AS m(topic, payload, idempotency_key, available_at, n)
        ORDER BY m.n
        ON CONFLICT (idempotency_key) DO NOTHING`,
    };
    if (!deferWrite(tx, write)) {
      await writeTogether(tx, [write]);
    }
  },

  /**
   * The messages as a step of a one-statement plan (ADR 0025), written once under the gate's row
   * (none when the gate yielded none). A message's `keyField` names a field of its payload that is
   * set to the gate's key (a case's number, known only once the case is written).
   */
  enqueueStep(messages: readonly PlannedOutboxMessage[]): PlanStep {
    return {
      sql: (param, after) => `INSERT INTO outbox (topic, payload, idempotency_key, available_at)
        SELECT m.topic,
          CASE WHEN m.key_field IS NULL THEN m.payload::jsonb ELSE jsonb_set(m.payload::jsonb, ARRAY[m.key_field], to_jsonb(${after?.key ?? 'NULL::text'})) END,
          m.idempotency_key, m.available_at
        FROM ${after === null ? '' : `${after.from}, `}unnest(${param(messages.map((m) => m.topic))}::text[], ${param(messages.map((m) => JSON.stringify(m.payload)))}::text[],
          ${param(messages.map((m) => m.idempotencyKey))}::text[], ${param(messages.map((m) => m.availableAt))}::timestamptz[], ${param(messages.map((m) => m.keyField ?? null))}::text[])
          WITH ORDINALITY AS m(topic, payload, idempotency_key, available_at, key_field, n)
        ORDER BY m.n
        ON CONFLICT (idempotency_key) DO NOTHING`,
    };
  },

  async enqueue(tx: Queryable, message: NewOutboxMessage): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO outbox (topic, payload, idempotency_key, available_at)
       VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [message.topic, JSON.stringify(message.payload), message.idempotencyKey, message.availableAt],
    );
    return rows.length === 1;
  },

  /**
   * Leases up to `limit` deliverable rows to `workerId` until `now + leaseMs`, oldest first.
   * `FOR UPDATE SKIP LOCKED` lets concurrent workers take disjoint batches without waiting on
   * each other; a row whose lease has expired (its worker died) is deliverable again.
   *
   * `fromId` starts the scan at that id instead of the first pending one. The claim walks the
   * partial index `outbox_claimable` in id order, and until vacuum removes them, the entries of rows
   * done since the last vacuum are walked too: on a large burst, a scan from the start costs in
   * proportion to the rows already sent. A worker passes the lowest id of its last full batch and
   * scans from the start again now and then (`createOutboxWorker`), so rows below it are not lost.
   */
  async claim(db: Queryable, o: { workerId: string; limit: number; leaseMs: number; now: Date; fromId?: number }): Promise<ClaimedMessage[]> {
    // The plan is fixed to the index scan in id order, whatever the statistics say: with statistics
    // from when few rows were pending (the usual state of an outbox, or a table truncated and not yet
    // analysed), the planner expects a handful of rows and takes a bitmap scan of every pending row
    // and a sort, which at a backlog of 900,000 took 11.6 s per claim instead of 30 ms. The function
    // `outbox_claim` carries the settings that fix it (migration 20261211T0100): one round trip.
    const rows = await db.query<ClaimedRow>(
      'SELECT id, topic, payload, idempotency_key, attempts, created_at FROM outbox_claim($1, $2, $3, $4, $5)',
      [o.workerId, new Date(o.now.getTime() + o.leaseMs), o.now, o.limit, o.fromId !== undefined && o.fromId > 0 ? o.fromId : 0],
    );
    return rows.map(toClaimed).sort((a, b) => a.id - b.id);
  },

  /** Marks a held row delivered. Returns false if the worker no longer holds it. */
  complete: (db: Queryable, o: { id: number; workerId: string; now: Date }): Promise<boolean> =>
    releaseHeld(db, o, 'done_at = $3, last_error = NULL', o.now),

  /**
   * Marks many held rows delivered in one statement (a worker's batch). Answers the ids it marked:
   * an id missing from the answer was no longer held by the worker.
   */
  async completeMany(db: Queryable, o: { ids: readonly number[]; workerId: string; now: Date }): Promise<number[]> {
    if (o.ids.length === 0) {
      return [];
    }
    const rows = await db.query<{ id: number }>(
      `UPDATE outbox SET done_at = $3, last_error = NULL, locked_by = NULL, locked_until = NULL
       WHERE id = ANY($1::bigint[]) AND locked_by = $2 AND done_at IS NULL AND dead_at IS NULL
       RETURNING id`,
      [o.ids, o.workerId, o.now],
    );
    return rows.map((r) => Number(r.id));
  },

  /** Releases a held row to be tried again at `nextAt`. Returns false if the worker no longer holds it. */
  retry: (db: Queryable, o: { id: number; workerId: string; error: string; nextAt: Date }): Promise<boolean> =>
    releaseHeld(db, o, 'available_at = $3, last_error = $4', o.nextAt, clip(o.error)),

  /** Dead-letters a held row: no worker will take it again until an operator requeues it. */
  bury: (db: Queryable, o: { id: number; workerId: string; error: string; now: Date }): Promise<boolean> =>
    releaseHeld(db, o, 'dead_at = $3, last_error = $4', o.now, clip(o.error)),

  /**
   * Lets go of every row `workerId` still holds, with no outcome (a worker shutting down that cannot
   * wait for its batches in hand): each is claimable again at once, by any worker, rather than when its
   * lease expires. The attempt stays counted, as for an expired lease. Answers the ids released.
   */
  async releaseAll(db: Queryable, o: { workerId: string }): Promise<number[]> {
    const rows = await db.query<{ id: number }>(
      `UPDATE outbox SET locked_by = NULL, locked_until = NULL
       WHERE locked_by = $1 AND done_at IS NULL AND dead_at IS NULL
       RETURNING id`,
      [o.workerId],
    );
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  },

  /**
   * The backlog, for the metrics: messages neither delivered nor dead, when the oldest of them was
   * written, and the dead letters. Each part reads a partial index (`outbox_claimable`, `outbox_dead`),
   * so the delivered rows, nearly all of the table, are never scanned.
   */
  async backlog(db: Queryable): Promise<{ pending: number; oldestPendingAt: Date | null; dead: number }> {
    const [row] = await db.query<{ pending: number; oldest: Date | null; dead: number }>(
      `SELECT (SELECT count(*) FROM outbox WHERE done_at IS NULL AND dead_at IS NULL) AS pending,
              (SELECT created_at FROM outbox WHERE done_at IS NULL AND dead_at IS NULL ORDER BY id LIMIT 1) AS oldest,
              (SELECT count(*) FROM outbox WHERE dead_at IS NOT NULL) AS dead`,
    );
    return { pending: Number(row?.pending ?? 0), oldestPendingAt: row?.oldest ? new Date(row.oldest) : null, dead: Number(row?.dead ?? 0) };
  },

  /** Dead letters, most recent first. */
  async deadLetters(db: Queryable, o: { limit?: number; topic?: string } = {}): Promise<DeadLetter[]> {
    const rows = await db.query<DeadRow>(
      `SELECT id, topic, payload, idempotency_key, attempts, created_at, dead_at, last_error
       FROM outbox
       WHERE dead_at IS NOT NULL AND ($1::text IS NULL OR topic = $1)
       ORDER BY dead_at DESC, id DESC
       LIMIT $2`,
      [o.topic ?? null, o.limit ?? 100],
    );
    return rows.map((r) => ({ ...toClaimed(r), deadAt: r.dead_at, lastError: r.last_error }));
  },

  /**
   * Gives a dead letter a fresh set of attempts from `now` (for an operator, once the cause is
   * fixed). The last error is kept until the next outcome. Returns false if the row is not dead.
   */
  async requeue(db: Queryable, o: { id: number; now: Date }): Promise<boolean> {
    const rows = await db.query(
      `UPDATE outbox SET dead_at = NULL, attempts = 0, available_at = $2, locked_by = NULL, locked_until = NULL
       WHERE id = $1 AND dead_at IS NOT NULL
       RETURNING id`,
      [o.id, o.now],
    );
    return rows.length === 1;
  },
};

function toClaimed(r: ClaimedRow): ClaimedMessage {
  return {
    id: r.id,
    topic: r.topic,
    payload: r.payload,
    idempotencyKey: r.idempotency_key,
    attempts: r.attempts,
    createdAt: r.created_at,
  };
}
