import type { FastifyInstance, FastifyRequest } from 'fastify';

import { within } from '../kernel/within.ts';

/** The requests whose handlers still run, for the shutdown: a handler may outlive its connection. */
export interface RequestsInFlight {
  /** Handlers running now. */
  readonly count: number;
  /** Resolves true once no handler runs, or false after `ms` with some still running. */
  settled(ms: number): Promise<boolean>;
}

/**
 * Counts each request from its arrival until its answer has been through every `onSend` hook (the
 * read scope's asks the primary for its WAL position there), or it was answered otherwise. A client
 * that goes away, or a connection the shutdown cuts, does not end the count: its handler still runs
 * and still reads the databases, so the pools must not close under it. Register after the other
 * `onSend` hooks.
 */
export function trackRequestsInFlight(app: FastifyInstance): RequestsInFlight {
  const open = new WeakSet<FastifyRequest>();
  let count = 0;
  let waiters: Array<() => void> = [];
  const done = (request: FastifyRequest) => {
    if (open.delete(request)) {
      count -= 1;
      if (count === 0) {
        const waiting = waiters;
        waiters = [];
        for (const wake of waiting) {
          wake();
        }
      }
    }
  };
  app.addHook('onRequest', async (request) => {
    open.add(request);
    count += 1;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    done(request);
    return payload;
  });
  app.addHook('onResponse', async (request) => done(request));
  return {
    get count() {
      return count;
    },
    async settled(ms) {
      if (count === 0) {
        return true;
      }
      return within(new Promise<true>((resolve) => waiters.push(() => resolve(true))), ms, false);
    },
  };
}
