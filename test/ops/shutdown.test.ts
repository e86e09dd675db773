/**
 * The orderly stop (src/app/shutdown.ts) with parts that do not finish: what it cuts at the end of the
 * grace period, and that it still closes everything when the outbox rows cannot be released.
 * test/ops/production.test.ts stops a real process.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

import { shutDown } from '../../src/app/shutdown.ts';

const never = () => new Promise<void>(() => undefined);

function parts(o: { stop: () => Promise<void>; release: () => Promise<number[]>; jobs?: () => Promise<void> }) {
  const closed: string[] = [];
  const warnings: string[] = [];
  const http = Fastify();
  http.addHook('onClose', async () => void closed.push('http'));
  const running = {
    http,
    worker: { stop: o.stop, release: async () => { closed.push('release'); return o.release(); } },
    background: [{ stop: o.jobs ?? (async () => undefined) }],
    resources: [async () => void closed.push('channels')],
    db: { close: async () => void closed.push('db') },
  };
  return { running, closed, warnings, logger: { warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') } };
}

describe('shutDown', () => {
  it('waits for each part, releases what the worker still holds, then closes the resources and the database last', async () => {
    const { running, closed, logger } = parts({ stop: async () => undefined, release: async () => [] });
    await running.http.listen({ port: 0, host: '127.0.0.1' });
    expect(await shutDown(running, 1000, logger)).toEqual({ http: 'drained', outbox: 'stopped', released: [], background: 'stopped' });
    expect(closed).toEqual(['http', 'release', 'channels', 'db']);
  });

  it('cuts an outbox batch and background jobs that outlast the grace period, and releases the rows', async () => {
    const { running, closed, warnings, logger } = parts({ stop: never, release: async () => [7, 9], jobs: never });
    const started = Date.now();
    expect(await shutDown(running, 200, logger)).toEqual({ http: 'drained', outbox: 'cut', released: [7, 9], background: 'cut' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(closed).toEqual(['http', 'release', 'channels', 'db']);
    expect(warnings).toEqual([
      'shutdown: outbox deliveries still in flight at the end of the grace period; their rows are released',
      'shutdown: background jobs still running at the end of the grace period',
    ]);
  });

  it('still closes everything when the rows cannot be released (the database is down): their leases expire instead', async () => {
    const { running, closed, warnings, logger } = parts({ stop: async () => undefined, release: () => Promise.reject(new Error('connection refused')) });
    expect(await shutDown(running, 1000, logger)).toMatchObject({ outbox: 'stopped', released: [] });
    expect(closed).toEqual(['http', 'release', 'channels', 'db']);
    expect(warnings).toEqual(['shutdown: the outbox rows held could not be released; they come back when their lease expires']);
  });
});
