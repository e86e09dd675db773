/**
 * "The database is unavailable" is recognised in one place (platform/db/unavailable.ts) and answered at
 * the edge with 503 and Retry-After: a page in the page's language, a problem document in the API, and
 * /readyz not ready. The errors classified here are real ones, from node-postgres talking to a port
 * where nothing listens and, on PostgreSQL, to a backend that is terminated.
 */
import { type AddressInfo, type Socket, connect, createServer } from 'node:net';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { buildHttp } from '../../src/app/http.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { DatabaseUnavailableError, isDatabaseUnavailable, unavailableOr } from '../../src/platform/db/unavailable.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { testDatabase } from '../support/database.ts';
import { refusedDatabase, switchableDatabase } from '../support/switchable-database.ts';

const SERVER = process.env['TEST_DATABASE_URL'];

const failureOf = async (work: Promise<unknown>): Promise<unknown> => work.then(() => 'no error', (error: unknown) => error);

describe('which errors mean "the database is unavailable"', () => {
  it('recognises the server codes of shutdown and start-up, the connection-exception class, socket errors and pg messages', () => {
    const withCode = (code: string) => Object.assign(new Error(`error ${code}`), { code });
    for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08P01', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    for (const message of ['Connection terminated unexpectedly', 'Connection terminated', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable']) {
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('57P01') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('leaves every other error alone: constraint violations, syntax errors, serialisation failures, bugs', () => {
    for (const code of ['23505', '23503', '42601', '40001', '40P01', '57014', '22P02']) {
      expect(isDatabaseUnavailable(Object.assign(new Error(code), { code })), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    const bug = new Error('a bug');
    expect(unavailableOr(bug)).toBe(bug);
  });

  it('turns a refused connection into DatabaseUnavailableError for queries, transactions and exec', async () => {
    const db = await refusedDatabase();
    try {
      for (const work of [db.query('SELECT 1'), db.transaction(async (tx) => tx.query('SELECT 1')), db.exec('SELECT 1')]) {
        const error = await failureOf(work);
        expect(error).toBeInstanceOf(DatabaseUnavailableError);
        expect((error as DatabaseUnavailableError).code).toBe('database.unavailable');
      }
    } finally {
      await db.close();
    }
  });
});

describe.runIf(SERVER)('connections ended by the server (PostgreSQL)', () => {
  it('survives idle and in-use connections being terminated, and never hands out a broken one', async () => {
    const warnings: string[] = [];
    const db = openPostgres(SERVER ?? '', 3, { warn: (_obj, msg) => warnings.push(msg ?? '') });
    const admin = openPostgres(SERVER ?? '', 1);
    try {
      // Three idle connections in the pool, then every one of them terminated.
      const pids = await Promise.all([1, 2, 3].map(() => db.transaction(async (tx) => {
        const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)');
        return row?.pid ?? 0;
      })));
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
      await new Promise((r) => setTimeout(r, 300));
      expect(warnings).toContain('an idle database connection was lost');
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);

      // A connection terminated while a transaction holds it, between two statements.
      const error = await failureOf(db.transaction(async (tx) => {
        const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [row?.pid]);
        await new Promise((r) => setTimeout(r, 300));
        await tx.query('SELECT 1');
      }));
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(warnings).toContain('a database connection in use was lost');
      // Every transaction after it gets a live connection.
      const after = await Promise.all([1, 2, 3].map(() => db.transaction(async (tx) => tx.query<{ one: number }>('SELECT 1 AS one, pg_sleep(0.05)'))));
      expect(after.map((rows) => rows[0]?.one)).toEqual([1, 1, 1]);
    } finally {
      await db.close();
      await admin.close();
    }
  });
});

/** An ErrorResponse as the server sends it when a backend is terminated (pg_terminate_backend, a shutdown). */
function terminatedMessage(): Buffer {
  const fields = Buffer.from('SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0\0');
  const length = Buffer.alloc(4);
  length.writeInt32BE(fields.length + 4);
  return Buffer.concat([Buffer.from('E'), length, fields]);
}

/**
 * A TCP proxy to PostgreSQL that, once armed, appends a FATAL to the next chunk ending with ReadyForQuery and
 * closes that connection: the server's answer and its termination in one read, as a loaded machine delivers them.
 */
async function terminatingProxy(target: URL): Promise<{ url: string; arm: () => void; fired: () => boolean; close: () => Promise<void> }> {
  let armed = false;
  let fired = false;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, server]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    client.pipe(server);
    server.on('data', (chunk: Buffer) => {
      const ready = chunk.length >= 6 && chunk[chunk.length - 6] === 0x5a && chunk.readInt32BE(chunk.length - 5) === 5;
      if (armed && ready) {
        armed = false;
        fired = true;
        client.end(Buffer.concat([chunk, terminatedMessage()]));
        server.destroy();
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  const port = (proxy.address() as AddressInfo).port;
  const url = new URL(target.href);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.href,
    arm: () => {
      armed = true;
    },
    fired: () => fired,
    close: async () => {
      for (const s of sockets) {
        s.destroy();
      }
      await new Promise((r) => proxy.close(r));
    },
  };
}

describe.runIf(SERVER)('a connection ended in the read that hands it over (PostgreSQL)', () => {
  it('does not end the process: the waiting request learns of it, and the pool goes on with a new connection', async () => {
    const proxy = await terminatingProxy(new URL(SERVER ?? ''));
    const db = openPostgres(proxy.url, 1);
    try {
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      // One connection: the transaction waits for the statement's, and is handed it as that statement's answer is read.
      const first = db.query<{ one: number }>('SELECT 1 AS one FROM pg_sleep(0.3)');
      await new Promise((r) => setTimeout(r, 100));
      const second = failureOf(db.transaction(async (tx) => tx.query('SELECT 2 AS two')));
      proxy.arm();
      expect(await first).toEqual([{ one: 1 }]);
      expect(await second).toBeInstanceOf(DatabaseUnavailableError);
      expect(proxy.fired()).toBe(true);
      // Had the FATAL gone unheard, the process would have ended with an unhandled 'error' event by now.
      await new Promise((r) => setTimeout(r, 100));
      expect(await db.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
    } finally {
      await db.close();
      await proxy.close();
    }
  });
});

describe('the HTTP edge while the database is unavailable', () => {
  let app: FastifyInstance;
  let set: (state: 'up' | 'down' | 'hung') => void;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await testDatabase();
    const s = await switchableDatabase(database.db);
    set = (state) => s.set(state);
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test' });
    const services = await buildServices(config, { db: s.db });
    app = (await buildHttp(services, createLogger('silent'))).app;
    await app.ready();
    close = async () => {
      await app.close();
      await s.close();
      await database.drop();
    };
  });
  afterAll(async () => close());

  // A session cookie makes every page look its session up in the database.
  const get = (url: string) => app.inject({ method: 'GET', url, headers: url.endsWith('z') ? {} : { cookie: 'portico_session=not-a-real-session-token-0123456789' } });

  it('answers pages with 503, Retry-After and the page in its language; the API with a problem document; /readyz not ready', async () => {
    expect((await get('/uk/cabinet')).statusCode).not.toBe(503);
    set('down');
    const uk = await get('/uk/cabinet');
    expect([uk.statusCode, uk.headers['retry-after'], uk.headers['content-type']]).toEqual([503, '10', 'text/html; charset=utf-8']);
    expect(uk.body).toContain('Портал тимчасово недоступний');
    expect(uk.body).toContain('lang="uk"');
    const en = await get('/en/cabinet');
    expect([en.statusCode, en.headers['retry-after']]).toEqual([503, '10']);
    expect(en.body).toContain('The portal is temporarily unavailable');
    const api = await get('/api/v1/services?q=passport&pageSize=3');
    expect([api.statusCode, api.headers['retry-after'], api.headers['content-type']]).toEqual([503, '10', 'application/problem+json; charset=utf-8']);
    expect(api.json()).toMatchObject({ status: 503, code: 'database.unavailable', title: 'Service unavailable', instance: '/api/v1/services?q=passport&pageSize=3' });
    const ready = await get('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([503, { status: 'unavailable' }]);
    expect((await get('/healthz')).statusCode).toBe(200);

    set('up');
    expect((await get('/uk/cabinet')).statusCode).not.toBe(503);
    expect((await get('/api/v1/services?q=passport&pageSize=3')).statusCode).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
  });

  it('says not ready within about 2 s when the database does not answer at all', async () => {
    set('hung');
    const started = Date.now();
    const ready = await get('/readyz');
    set('up');
    expect(ready.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
