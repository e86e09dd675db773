import type { FastifyInstance } from 'fastify';

import { within } from '../kernel/within.ts';
import type { Logger } from '../platform/logging/logger.ts';
import type { OutboxWorker } from '../platform/outbox/index.ts';
import type { RequestsInFlight } from './in-flight.ts';

/** What one portal process runs, as the shutdown stops it. */
export interface Running {
  readonly http: FastifyInstance;
  /** The handlers still running (in-flight.ts): they may outlive their connections. */
  readonly requests: Pick<RequestsInFlight, 'settled'>;
  readonly worker: Pick<OutboxWorker, 'stop' | 'release'>;
  /** The timers of the process: the background jobs and the audit sealer. */
  readonly background: ReadonlyArray<{ stop(): Promise<void> }>;
  /** What the requests left in memory to write (the counts of searches that found nothing), written once they have settled. */
  readonly pending: ReadonlyArray<() => Promise<void>>;
  /** Closed, in order, once nothing runs any more: the payment simulator, the channels, the embedded eIDs… */
  readonly resources: ReadonlyArray<() => Promise<void>>;
  /** The read replica's pool (READ_DATABASE_URL), closed with the database once nothing runs any more. */
  readonly reads: { close(): Promise<void> };
  /** Closed last. */
  readonly db: { close(): Promise<void> };
}

/** The longest wait for the statement that releases the outbox rows. */
const RELEASE_WAIT_MS = 5000;
/** The longest wait, after the grace period, for handlers and work still running to stop using the pools. */
const SETTLE_WAIT_MS = 5000;

const LATE = Symbol('late');

/** `work`'s result, or a rejection once `ms` have passed. */
async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  const answer = await within(work, ms, LATE);
  if (answer === LATE) {
    throw new Error(`no answer within ${ms} ms`);
  }
  return answer;
}

/** How the shutdown went: `cut` means the grace period ended first. */
export interface ShutdownReport {
  readonly http: 'drained' | 'cut';
  readonly outbox: 'stopped' | 'cut';
  /** Outbox rows the worker still held, let go of without an outcome (claimable by another process at once). */
  readonly released: readonly number[];
  readonly background: 'stopped' | 'cut';
  /** Whether every handler and piece of work had stopped before the pools closed (`cut`: some still ran after the last wait). */
  readonly settled: 'settled' | 'cut';
}

/**
 * The orderly stop of a portal process (on SIGTERM or SIGINT), within `graceMs`:
 *
 * 1. side by side: the HTTP server stops accepting connections and lets the requests in flight finish
 *    (each connection is closed once its request is answered; a request arriving meanwhile on a
 *    kept-alive connection gets a 503); the outbox worker takes no new batch and finishes the ones in
 *    hand; the background jobs and the audit sealer stop their timers and finish the round in progress;
 * 2. when the grace period ends first: the connections still open are cut, and the outbox rows the
 *    worker still holds are released (in every case: a row whose outcome could not be recorded too),
 *    so that another process claims them at once rather than when their lease expires;
 * 3. the handlers still running (a client that went away, a connection cut) and the work cut are
 *    waited for a little longer (`settleMs`), after the rows are released: they still read and
 *    write through the pools, and closing a pool under them would fail their next statement
 *    ("Cannot use a pool after calling end");
 * 4. what the requests left in memory is written (`pending`: the counts of searches that found nothing);
 * 5. the resources close (stand-ins, channels), then the read replica's pool and the database (the
 *    pool, or the embedded database's files).
 */
export async function shutDown(running: Running, graceMs: number, logger: Pick<Logger, 'warn'>, settleMs = SETTLE_WAIT_MS): Promise<ShutdownReport> {
  let timer: NodeJS.Timeout | undefined;
  const graceEnds = new Promise<'cut'>((resolve) => {
    timer = setTimeout(() => resolve('cut'), graceMs);
  });
  const inTime = <T extends string>(work: Promise<unknown>, done: T): Promise<T | 'cut'> => Promise.race([work.then(() => done), graceEnds]);

  const stopping = running.worker.stop();
  const stoppingBackground = Promise.all(running.background.map((b) => b.stop()));
  const [http, outbox, background] = await Promise.all([
    (async () => {
      const closing = running.http.close();
      // A connection kept alive after its request is answered would hold the close open until its
      // keep-alive timeout: close each one as soon as it is idle.
      const idle = setInterval(() => running.http.server.closeIdleConnections(), 50);
      const outcome = await inTime(closing, 'drained').finally(() => clearInterval(idle));
      if (outcome === 'cut') {
        logger.warn({ graceMs }, 'shutdown: requests still in flight at the end of the grace period; their connections are cut');
        running.http.server.closeAllConnections();
        await closing;
      }
      return outcome;
    })(),
    inTime(stopping, 'stopped'),
    inTime(stoppingBackground, 'stopped'),
  ]);
  clearTimeout(timer);
  if (outbox === 'cut') {
    logger.warn({ graceMs }, 'shutdown: outbox deliveries still in flight at the end of the grace period; their rows are released');
  }
  if (background === 'cut') {
    logger.warn({ graceMs }, 'shutdown: background jobs still running at the end of the grace period');
  }
  // With the database unreachable the rows cannot be released (nor waited for long): their leases expire instead.
  const released = await settleWithin(running.worker.release(), RELEASE_WAIT_MS).catch((error: unknown) => {
    logger.warn({ err: error }, 'shutdown: the outbox rows held could not be released; they come back when their lease expires');
    return [];
  });
  const settled = await settleWithin(Promise.all([running.requests.settled(settleMs), stopping, stoppingBackground]), settleMs).then(
    ([requests]) => (requests ? 'settled' as const : 'cut' as const),
    () => 'cut' as const,
  );
  if (settled === 'cut') {
    logger.warn({ waitMs: settleMs }, 'shutdown: requests or work still running when the database pools close; their next statements fail');
  }
  for (const write of running.pending) {
    await settleWithin(write(), RELEASE_WAIT_MS).catch((error: unknown) => logger.warn({ err: error }, 'shutdown: counts kept in memory could not be written'));
  }
  for (const close of running.resources) {
    await close();
  }
  await running.reads.close();
  await running.db.close();
  return { http, outbox, released, background, settled };
}
