/**
 * The orderly stop (src/app/shutdown.ts) with parts that do not finish: what it cuts at the end of the
 * grace period, and that it still closes everything when the outbox rows cannot be released.
 * test/ops/production.test.ts stops a real process.
 */
import { request as httpRequest } from 'node:http';

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

import { trackRequestsInFlight } from '../../src/app/in-flight.ts';
import { shutDown } from '../../src/app/shutdown.ts';

const never = () => new Promise<void>(() => undefined);

function parts(o: { stop: () => Promise<void>; release: () => Promise<number[]>; jobs?: () => Promise<void>; pending?: () => Promise<void> }) {
  const closed: string[] = [];
  const warnings: string[] = [];
  const http = Fastify();
  http.addHook('onClose', async () => void closed.push('http'));
  const requests = trackRequestsInFlight(http);
  const running = {
    http,
    requests,
    worker: { stop: o.stop, release: async () => { closed.push('release'); return o.release(); } },
    background: [{ stop: o.jobs ?? (async () => undefined) }],
    pending: [async () => { closed.push('pending'); await (o.pending ?? (async () => undefined))(); }],
    resources: [async () => void closed.push('channels')],
    reads: { close: async () => void closed.push('reads') },
    db: { close: async () => void closed.push('db') },
  };
  return { running, closed, warnings, logger: { warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') } };
}

describe('shutDown', () => {
  it('waits for each part, releases what the worker still holds, then closes the resources and the database last', async () => {
    const { running, closed, logger } = parts({ stop: async () => undefined, release: async () => [] });
    await running.http.listen({ port: 0, host: '127.0.0.1' });
    expect(await shutDown(running, 1000, logger)).toEqual({ http: 'drained', outbox: 'stopped', released: [], background: 'stopped', settled: 'settled' });
    expect(closed).toEqual(['http', 'release', 'pending', 'channels', 'reads', 'db']);
  });

  it('cuts an outbox batch and background jobs that outlast the grace period, and releases the rows', async () => {
    const { running, closed, warnings, logger } = parts({ stop: never, release: async () => [7, 9], jobs: never });
    const started = Date.now();
    expect(await shutDown(running, 200, logger, 200)).toEqual({ http: 'drained', outbox: 'cut', released: [7, 9], background: 'cut', settled: 'cut' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(closed).toEqual(['http', 'release', 'pending', 'channels', 'reads', 'db']);
    expect(warnings).toEqual([
      'shutdown: outbox deliveries still in flight at the end of the grace period; their rows are released',
      'shutdown: background jobs still running at the end of the grace period',
      'shutdown: requests or work still running when the database pools close; their next statements fail',
    ]);
  });

  it('still closes everything when the rows cannot be released (the database is down): their leases expire instead', async () => {
    const down = () => Promise.reject(new Error('connection refused'));
    const { running, closed, warnings, logger } = parts({ stop: async () => undefined, release: down, pending: down });
    expect(await shutDown(running, 1000, logger)).toMatchObject({ outbox: 'stopped', released: [] });
    expect(closed).toEqual(['http', 'release', 'pending', 'channels', 'reads', 'db']);
    expect(warnings).toEqual([
      'shutdown: the outbox rows held could not be released; they come back when their lease expires',
      'shutdown: counts kept in memory could not be written',
    ]);
  });

  it('lets a handler whose client went away finish its reads before the pools close', async () => {
    const { running, closed, logger } = parts({ stop: async () => undefined, release: async () => [] });
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    running.http.get('/slow', async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Where a handler would read through a pool: it must still be open.
      closed.push('handler read');
      return 'done';
    });
    await running.http.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.http.server.address() as { port: number };
    const client = httpRequest({ host: '127.0.0.1', port, path: '/slow' });
    client.on('error', () => undefined);
    client.end();
    await handlerStarted;
    // The client goes away: the connection closes, so the server drains at once, while the handler runs on.
    client.destroy();
    const report = await shutDown(running, 1000, logger);
    expect(report).toMatchObject({ http: 'drained', settled: 'settled' });
    expect(closed).toEqual(['http', 'release', 'handler read', 'pending', 'channels', 'reads', 'db']);
  });
});
