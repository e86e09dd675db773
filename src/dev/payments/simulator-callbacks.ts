import { setTimeout as sleep } from 'node:timers/promises';

import type { PaymentCallback } from '../../modules/payments/index.ts';
import { SIGNATURE_HEADER, signatureHeaderValue } from '../../modules/payments/index.ts';

/** One attempt to deliver a callback: the portal's HTTP status, or why there was none. */
export interface CallbackAttempt {
  readonly at: string;
  readonly status: number | null;
  readonly error: string | null;
}

/** A callback event the simulator sent (or is sending), with every attempt. */
export interface SimulatedCallback {
  readonly eventId: string;
  readonly url: string;
  readonly callback: PaymentCallback;
  /** The exact body sent on every attempt, and its signature header's value. */
  readonly body: string;
  readonly signature: string;
  readonly attempts: readonly CallbackAttempt[];
  /** `failed`: every attempt was answered with a non-2xx status or reached nobody. */
  readonly state: 'sending' | 'delivered' | 'failed';
}

export interface CallbackDispatcherOptions {
  readonly secret: string;
  /** Attempts per event, the first included. */
  readonly attempts: number;
  /** Wait before the second attempt; doubled before each further one. */
  readonly backoffMs: number;
  readonly timeoutMs: number;
  readonly now: () => Date;
}

export interface CallbackDispatcher {
  /** Signs the callback and delivers it in the background, retrying on non-2xx or no answer. */
  dispatch(url: string, callback: PaymentCallback): SimulatedCallback;
  /** One more attempt with the same event (same body, same signature). */
  resend(eventId: string): Promise<CallbackAttempt>;
  records(): SimulatedCallback[];
  /** The next `n` attempts fail without reaching the portal. */
  failNext(n: number): void;
  /** Resolves once no delivery is in progress. */
  idle(): Promise<void>;
  /** Stops waiting retries and in-flight requests, then resolves. */
  close(): Promise<void>;
}

type MutableCallback = { -readonly [K in keyof SimulatedCallback]: SimulatedCallback[K] } & { attempts: CallbackAttempt[] };

const ignore = (): void => undefined;
const snapshot = (r: MutableCallback): SimulatedCallback => ({ ...r, attempts: [...r.attempts] });

/** Waits, or stops waiting when `signal` aborts: `true` if the whole time passed. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Signed, retried, background delivery of the simulator's callbacks. */
export function createCallbackDispatcher(o: CallbackDispatcherOptions): CallbackDispatcher {
  const records = new Map<string, MutableCallback>();
  const inFlight = new Set<Promise<void>>();
  const stop = new AbortController();
  let failures = 0;

  async function attempt(record: MutableCallback): Promise<CallbackAttempt> {
    const at = o.now().toISOString();
    let result: CallbackAttempt;
    if (failures > 0) {
      failures--;
      result = { at, status: null, error: 'simulated failure: not sent' };
    } else {
      result = await post(record, at, AbortSignal.any([stop.signal, AbortSignal.timeout(o.timeoutMs)]));
    }
    record.attempts.push(result);
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      record.state = 'delivered';
    }
    return result;
  }

  async function deliver(record: MutableCallback): Promise<void> {
    for (let i = 0; i < o.attempts && !stop.signal.aborted; i++) {
      if (i > 0 && !(await pause(o.backoffMs * 2 ** (i - 1), stop.signal))) {
        break;
      }
      await attempt(record);
      if (record.state === 'delivered') {
        return;
      }
    }
    record.state = 'failed';
  }

  function track(work: Promise<unknown>): void {
    const tracked = work.then(ignore, ignore);
    inFlight.add(tracked);
    void tracked.then(() => inFlight.delete(tracked));
  }

  return {
    dispatch(url, callback) {
      const body = JSON.stringify(callback);
      const record: MutableCallback = {
        eventId: callback.eventId,
        url,
        callback,
        body,
        signature: signatureHeaderValue(o.secret, body),
        attempts: [],
        state: 'sending',
      };
      records.set(record.eventId, record);
      track(deliver(record));
      return snapshot(record);
    },
    async resend(eventId) {
      const record = records.get(eventId);
      if (!record) {
        throw new Error(`payment simulator: no callback event ${eventId}`);
      }
      const work = attempt(record);
      track(work);
      return work;
    },
    records: () => [...records.values()].map(snapshot),
    failNext(n) {
      failures = n;
    },
    async idle() {
      while (inFlight.size > 0) {
        await Promise.all(inFlight);
      }
    },
    async close() {
      stop.abort();
      await Promise.all(inFlight);
    },
  };
}

/** One POST of the event's exact body and signature; any answer is recorded, redirects are not followed. */
async function post(record: MutableCallback, at: string, signal: AbortSignal): Promise<CallbackAttempt> {
  try {
    const response = await fetch(record.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: record.signature, 'x-portico-event-id': record.eventId },
      body: record.body,
      redirect: 'manual',
      signal,
    });
    await response.arrayBuffer();
    return { at, status: response.status, error: null };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { at, status: null, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}
