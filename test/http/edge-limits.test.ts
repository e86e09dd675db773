/**
 * Limits Node's HTTP parser enforces before Fastify sees a request (a request line or headers over
 * maxHeaderSize): over a real port, the answer is a page in the language of the path, not raw JSON.
 */
import { request } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await testApp();
  const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = Number(new URL(base).port);
});
afterAll(async () => t.close());

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('requests larger than Node’s parser accepts', () => {
  it('a request line that alone is too long is a 414 page in the path’s language', async () => {
    const uk = await get(`/uk/search?q=${'a'.repeat(20_000)}`);
    expect(uk.status).toBe(414);
    expect(uk.type).toContain('text/html');
    expect(uk.body).toContain('Вебадреса задовга');
    const en = await get(`/en/search?q=${'a'.repeat(20_000)}`);
    expect(en.status).toBe(414);
    expect(en.body).toContain('The web address is too long');
  });

  it('headers too large (a cookie jar overgrown) are a 431 page saying what to do', async () => {
    const res = await get('/en/services', { cookie: `junk=${'c'.repeat(20_000)}` });
    expect(res.status).toBe(431);
    expect(res.type).toContain('text/html');
    expect(res.body).toContain('Delete this site’s cookies');
    const uk = await get('/uk/', { 'x-filler': 'f'.repeat(20_000) });
    expect(uk.status).toBe(431);
    expect(uk.body).toContain('файли cookie');
  });

  it('under /api the answer is a problem document', async () => {
    const res = await get(`/api/v1/services?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(414);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 414, code: 'request.uri_too_long' });
  });
});
