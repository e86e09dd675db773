import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { DeliveryOutcome } from './delivery-outcome.ts';
import { batchClaims } from './batch-claims.ts';
import { type ClaimedMessage, outboxRepository } from './outbox.repository.ts';

/** What a handler learns about the message besides its payload. */
export interface DeliveryContext {
  /** Pass it on to the provider so that a repeated attempt is not delivered twice. */
  readonly idempotencyKey: string;
  /** 1 on the first attempt. */
  readonly attempt: number;
}

/** One message of a batch handed to a handler's `many`. */
export interface OutboxItem {
  readonly payload: unknown;
  readonly ctx: DeliveryContext;
}

/**
 * Delivers one message. A thrown error counts as `retry`. A handler may also offer `many`: the
 * worker then hands it every message of the topic in a claimed batch at once (one request, one
 * statement for many); it answers one outcome per item, in order, each recorded on its own row as
 * for a single delivery. A thrown error, or a missing outcome, counts as `retry` for those items.
 */
export type OutboxHandler = ((payload: unknown, ctx: DeliveryContext) => Promise<DeliveryOutcome>) & {
  readonly many?: (items: readonly OutboxItem[]) => Promise<readonly DeliveryOutcome[]>;
};

/** A handler that delivers a topic's messages of a batch together through `many`, and one alone through `one`. */
export const batchHandler = (
  one: (payload: unknown, ctx: DeliveryContext) => Promise<DeliveryOutcome>,
  many: (items: readonly OutboxItem[]) => Promise<readonly DeliveryOutcome[]>,
): OutboxHandler => Object.assign((payload: unknown, ctx: DeliveryContext) => one(payload, ctx), { many });

/** The part of a pino logger the worker uses. */
export interface OutboxLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OutboxWorkerOptions {
  readonly db: Database;
  readonly clock: Clock;
  /** Unique per worker (for example `${hostname}:${pid}`); rows are leased to it by name. */
  readonly workerId: string;
  readonly handlers: Readonly<Record<string, OutboxHandler>>;
  /** Attempts before a message that keeps failing is dead-lettered. Default 8. */
  readonly maxAttempts?: number;
  /** Delay before attempt `n + 1` after attempt `n` failed. Default `exponentialBackoff()`. */
  readonly backoff?: (attempt: number) => number;
  /** Rows claimed per batch; the batch's handlers run concurrently. Default 10. */
  readonly batchSize?: number;
  /**
   * Batches in flight at once in this worker, each claimed, delivered and recorded on its own (the
   * claims take disjoint rows, as separate workers' do). Default 1.
   */
  readonly concurrency?: number;
  /** Wait between polls when the outbox is empty. Default 1 s. */
  readonly pollMs?: number;
  /** How long a claimed batch is held; must outlast the slowest handler. Default 5 min. */
  readonly leaseMs?: number;
  /**
   * While full batches keep coming, a claim scans from the lowest id of the worker's last full
   * batch instead of from the first pending row (the scan from the start walks the index entries of
   * every row sent since the last vacuum). At least this often, and whenever a claim above that id
   * does not fill a batch, the claim scans from the start again, for rows below it: committed after
   * higher ids, due for a retry, or whose lease expired. Default 1 s (real time).
   */
  readonly rescanMs?: number;
  readonly logger?: OutboxLogger;
}

export interface OutboxWorker {
  /** Claims one batch, delivers it and records the outcomes. Returns how many rows it took. */
  runOnce(): Promise<number>;
  /** Polls until `stop()`: at once after a full batch, after `pollMs` otherwise; `concurrency` loops. */
  start(): void;
  /** Ends the loops; resolves once the batches in hand are recorded. */
  stop(): Promise<void>;
  /**
   * Lets go of the rows this worker still holds, without an outcome, so that another worker claims
   * them at once instead of after the lease: for a shutdown that cannot wait for `stop()` (a handler
   * still waiting on an outside system). Call it after `stop()` has been asked for. An outcome that
   * arrives later is ignored, as after an expired lease. Answers the ids released.
   */
  release(): Promise<number[]>;
}

/** `baseMs · 2^(attempt − 1)`, capped: 10 s, 20 s, 40 s … 1 h by default. */
export function exponentialBackoff(o: { baseMs?: number; capMs?: number } = {}): (attempt: number) => number {
  const base = o.baseMs ?? 10_000;
  const cap = o.capMs ?? 3_600_000;
  return (attempt) => Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}

const silent: OutboxLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Delivers outbox messages: claims a batch in one short statement, runs the handlers outside any
 * transaction (they talk to unreliable outside systems), then records each outcome:
 * `delivered` → done; `rejected` or unknown topic → dead letter; `retry` or a thrown error →
 * tried again after `backoff(attempt)`, dead letter after `maxAttempts`.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, workerId, handlers } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? exponentialBackoff();
  const batchSize = options.batchSize ?? 10;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 300_000;
  const rescanMs = options.rescanMs ?? 1000;
  const log = options.logger ?? silent;
  const claimBatch = batchClaims({ db, clock, workerId, batchSize, leaseMs, rescanMs });

  async function record(message: ClaimedMessage, outcome: DeliveryOutcome): Promise<void> {
    const { id, topic, attempts } = message;
    const now = clock.now();
    let held: boolean;
    switch (outcome.kind) {
      case 'delivered':
        held = await outboxRepository.complete(db, { id, workerId, now });
        break;
      case 'rejected':
        held = await outboxRepository.bury(db, { id, workerId, error: outcome.reason, now });
        log.warn({ outboxId: id, topic, attempts, reason: outcome.reason }, 'outbox message rejected: dead-lettered');
        break;
      case 'retry':
        if (attempts >= maxAttempts) {
          const error = `gave up after ${attempts} attempts: ${outcome.reason}`;
          held = await outboxRepository.bury(db, { id, workerId, error, now });
          log.error({ outboxId: id, topic, attempts, reason: outcome.reason }, 'outbox message failed every attempt: dead-lettered');
        } else {
          const nextAt = new Date(now.getTime() + backoff(attempts));
          held = await outboxRepository.retry(db, { id, workerId, error: outcome.reason, nextAt });
          log.info({ outboxId: id, topic, attempts, reason: outcome.reason, nextAt }, 'outbox message will be retried');
        }
        break;
    }
    if (!held) {
      log.warn({ outboxId: id, topic, outcome: outcome.kind }, 'outbox lease lost before the outcome was recorded');
    }
  }

  /** Marks the delivered messages of a batch done, in one statement. */
  async function recordDelivered(messages: readonly ClaimedMessage[]): Promise<void> {
    const held = new Set(await outboxRepository.completeMany(db, { ids: messages.map((m) => m.id), workerId, now: clock.now() }));
    for (const { id, topic } of messages.filter((m) => !held.has(m.id))) {
      log.warn({ outboxId: id, topic, outcome: 'delivered' }, 'outbox lease lost before the outcome was recorded');
    }
  }

  async function runOnce(): Promise<number> {
    const batch = await claimBatch();
    const outcomes = await deliverBatch(handlers, maxAttempts, batch);
    // Every outcome is recorded (or has failed) before the batch counts as done: the delivered ones
    // together, the others (retry, dead letter, each with its own reason) one by one.
    const settled = await Promise.allSettled([
      recordDelivered(outcomes.filter((o) => o.outcome.kind === 'delivered').map((o) => o.message)),
      ...outcomes.filter((o) => o.outcome.kind !== 'delivered').map(async (o) => record(o.message, o.outcome)),
    ]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
    return batch.length;
  }

  async function release(): Promise<number[]> {
    const ids = await outboxRepository.releaseAll(db, { workerId });
    if (ids.length > 0) {
      log.info({ workerId, outboxIds: ids }, 'outbox rows released without an outcome: claimable again at once');
    }
    return ids;
  }

  return { runOnce, release, ...pollingLoop({ runOnce, batchSize, pollMs, log, workerId, concurrency }) };
}

const threw = (error: unknown): DeliveryOutcome => ({ kind: 'retry', reason: `handler threw: ${error instanceof Error ? error.message : String(error)}` });
const contextOf = (message: ClaimedMessage): DeliveryContext => ({ idempotencyKey: message.idempotencyKey, attempt: message.attempts });

/** The outcome decided before any handler runs: an unknown topic, or a row whose leases keep expiring. */
function refused(handler: OutboxHandler | undefined, maxAttempts: number, message: ClaimedMessage): DeliveryOutcome | null {
  if (!handler) {
    return { kind: 'rejected', reason: `no handler for topic "${message.topic}"` };
  }
  if (message.attempts > maxAttempts) {
    // Its earlier leases expired without an outcome: the message may be killing its worker.
    return { kind: 'rejected', reason: `claimed ${message.attempts} times, more than ${maxAttempts}: earlier leases expired without an outcome` };
  }
  return null;
}

async function deliverOne(handler: OutboxHandler, message: ClaimedMessage): Promise<DeliveryOutcome> {
  try {
    return await handler(message.payload, contextOf(message));
  } catch (error) {
    return threw(error);
  }
}

async function deliverMany(many: NonNullable<OutboxHandler['many']>, messages: readonly ClaimedMessage[]): Promise<DeliveryOutcome[]> {
  try {
    const outcomes = await many(messages.map((m) => ({ payload: m.payload, ctx: contextOf(m) })));
    return messages.map((_, i) => outcomes[i] ?? { kind: 'retry', reason: 'the batch handler gave no outcome for this message' });
  } catch (error) {
    return messages.map(() => threw(error));
  }
}

/**
 * Runs the handlers of a claimed batch: a topic whose handler has `many` and more than one message
 * in the batch gets them together, every other message its handler alone; all at once.
 */
async function deliverBatch(handlers: Readonly<Record<string, OutboxHandler>>, maxAttempts: number, batch: readonly ClaimedMessage[]): Promise<Array<{ message: ClaimedMessage; outcome: DeliveryOutcome }>> {
  const handlerOf = (topic: string): OutboxHandler | undefined => (Object.hasOwn(handlers, topic) ? handlers[topic] : undefined);
  const results: Array<{ message: ClaimedMessage; outcome: DeliveryOutcome }> = [];
  const byTopic = new Map<string, ClaimedMessage[]>();
  const single: ClaimedMessage[] = [];
  for (const message of batch) {
    const outcome = refused(handlerOf(message.topic), maxAttempts, message);
    if (outcome !== null) {
      results.push({ message, outcome });
    } else if (handlerOf(message.topic)?.many) {
      const same = byTopic.get(message.topic) ?? [];
      same.push(message);
      byTopic.set(message.topic, same);
    } else {
      single.push(message);
    }
  }
  for (const [topic, messages] of byTopic) {
    if (messages.length === 1) {
      single.push(...messages);
      byTopic.delete(topic);
    }
  }
  const delivered = await Promise.all([
    ...single.map(async (message) => [{ message, outcome: await deliverOne(handlerOf(message.topic) as OutboxHandler, message) }]),
    ...[...byTopic].map(async ([topic, messages]) => {
      const outcomes = await deliverMany((handlerOf(topic) as OutboxHandler).many as NonNullable<OutboxHandler['many']>, messages);
      return messages.map((message, i) => ({ message, outcome: outcomes[i] as DeliveryOutcome }));
    }),
  ]);
  return [...results, ...delivered.flat()];
}

/** The longest wait between batches while the database is unavailable. */
const UNAVAILABLE_CAP_MS = 10_000;

/** Runs batches until stopped, in `concurrency` loops: the next one at once after a full batch, after `pollMs` otherwise. */
function pollingLoop(o: { runOnce: () => Promise<number>; batchSize: number; pollMs: number; log: OutboxLogger; workerId: string; concurrency: number }) {
  let loops: Promise<void> | null = null;
  let stopping = false;
  const wakers = new Set<() => void>();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  async function run(): Promise<void> {
    let unavailable = 0;
    while (!stopping) {
      try {
        const taken = await o.runOnce();
        if (unavailable > 0) {
          o.log.info({ workerId: o.workerId }, 'outbox resumed: the database is back');
          unavailable = 0;
        }
        if (taken < o.batchSize && !stopping) {
          await pause(o.pollMs);
        }
      } catch (error) {
        // An outcome could not be recorded: leases expire and the rows come back.
        if (isDatabaseUnavailable(error)) {
          // Expected while the database restarts: wait longer each time (up to UNAVAILABLE_CAP_MS), then go on.
          unavailable++;
          o.log.warn({ err: error, workerId: o.workerId, failures: unavailable }, 'outbox paused: the database is unavailable');
        } else {
          o.log.error({ err: error, workerId: o.workerId }, 'outbox batch failed');
        }
        if (!stopping) {
          await pause(unavailable > 0 ? Math.min(UNAVAILABLE_CAP_MS, o.pollMs * 2 ** (unavailable - 1)) : o.pollMs);
        }
      }
    }
  }

  return {
    start() {
      if (loops) {
        return;
      }
      stopping = false;
      loops = Promise.all(Array.from({ length: o.concurrency }, run)).then(() => undefined);
    },
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) {
        wake();
      }
      await loops;
      loops = null;
    },
  };
}
