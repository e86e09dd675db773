/**
 * The exchange client against security servers that misbehave, on a raw HTTP server: one that never
 * answers, one that sends its head and never its body, one whose body is not JSON, one that answers with
 * an `X-Road-Error`, and one that closes the connection. Each is a failure value within the client's
 * timeout, logged on the client's side; none hangs the caller or throws.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { systemClock } from '../../src/kernel/clock.ts';
import { createExchangeClient, DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, memberKey, messageLogRepository } from '../../src/platform/exchange/index.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';

type Behaviour = (response: ServerResponse) => void;

let database: TestDatabase;
let server: Server;
let baseUrl: string;
/** What the server does with the next request, by the path's last part. */
const behaviours: Record<string, Behaviour> = {
  silent: () => undefined,
  'head-only': (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    response.write('{"half":');
  },
  'not-json': (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('<html>a proxy page</html>');
  },
  refused: (response) => {
    response.writeHead(403, { 'content-type': 'application/json', 'x-road-error': 'Server.ServerProxy.AccessDenied' });
    response.end('{"type":"Server.ServerProxy.AccessDenied","message":"no","detail":null}');
  },
  'unknown-error': (response) => {
    response.writeHead(500, { 'content-type': 'application/json', 'x-road-error': 'Something.Else' });
    response.end('{}');
  },
  reset: (response) => {
    response.socket?.destroy();
  },
  answered: (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"nationalId":"9000000011"}');
  },
};

beforeAll(async () => {
  database = await testDatabase();
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => behaviours[request.url?.split('/').pop() ?? '']?.(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.drop();
});

const client = (timeoutMs: number) => createExchangeClient({
  db: database.db, clock: systemClock, baseUrl, client: DEVELOPMENT_EXCHANGE.portal, key: memberKey('PORTICO-DEV/GOV/00000001', DEVELOPMENT_EXCHANGE_SECRET), timeoutMs,
});

async function call(service: string, timeoutMs = 400) {
  const started = performance.now();
  const answer = await client(timeoutMs).call({ service: `PORTICO-DEV/GOV/90000001/population/${service}`, body: { nationalId: '9000000011' }, userId: 'officer', issue: 'CASE-1' });
  const requestId = answer.ok ? answer.value.requestId : answer.error.requestId;
  const logged = await messageLogRepository.byRequestId(database.db, requestId);
  return { answer, ms: performance.now() - started, logged: logged.map((m) => [m.side, m.outcome, m.error, m.status]) };
}

describe('the exchange client against a misbehaving security server', () => {
  it('gives up on a server that never answers after its timeout, and logs the failure', async () => {
    const { answer, ms, logged } = await call('silent');
    expect(answer.ok ? null : answer.error.code).toBe('exchange.unavailable');
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(5000);
    expect(logged).toEqual([['client', 'failed', 'exchange.unavailable', null]]);
  });

  it('gives up on an answer whose body never ends: the timeout bounds the body too', async () => {
    const { answer, ms, logged } = await call('head-only');
    expect(answer.ok ? null : answer.error.code).toBe('exchange.unavailable');
    expect(ms).toBeLessThan(5000);
    expect(logged).toEqual([['client', 'failed', 'exchange.unavailable', null]]);
  });

  it('takes a body that is not JSON as no answer, with its status and digest logged', async () => {
    const { answer, logged } = await call('not-json');
    expect(answer.ok ? null : answer.error.code).toBe('exchange.unavailable');
    expect(logged).toEqual([['client', 'failed', 'exchange.unavailable', 200]]);
  });

  it('turns an X-Road-Error into a refusal of that type, and an unknown type into a failed service', async () => {
    const refused = await call('refused');
    expect(refused.answer.ok ? null : refused.answer.error).toMatchObject({ code: 'exchange.refused', type: 'Server.ServerProxy.AccessDenied' });
    expect(refused.logged).toEqual([['client', 'refused', 'Server.ServerProxy.AccessDenied', 403]]);
    const unknown = await call('unknown-error');
    expect(unknown.answer.ok ? null : unknown.answer.error).toMatchObject({ code: 'exchange.refused', type: 'Server.ServerProxy.ServiceFailed' });
  });

  it('takes a connection closed without an answer as unavailable, and answers the next call on a new one', async () => {
    const { answer, logged } = await call('reset');
    expect(answer.ok ? null : answer.error.code).toBe('exchange.unavailable');
    expect(logged).toEqual([['client', 'failed', 'exchange.unavailable', null]]);
    const next = await call('answered');
    expect(next.answer.ok ? next.answer.value : null).toMatchObject({ status: 200, body: { nationalId: '9000000011' } });
    expect(next.logged).toEqual([['client', 'done', null, 200]]);
  });
});
