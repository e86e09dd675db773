import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { aCatalogue } from '../support/factories.ts';

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await testApp();
  await t.services.catalogue.importRecords(aCatalogue(), 'test');
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => t.close());

describe('over a real port', () => {
  it('serves pages, the stylesheet and the API', async () => {
    const page = await fetch(`${base}/uk/services/foreign-passport`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Оформлення закордонного паспорта');
    const css = await fetch(`${base}/assets/portico.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    const api = await fetch(`${base}/api/v1/services/foreign-passport`);
    expect(((await api.json()) as { id: string }).id).toBe('foreign-passport');
  });

  it('answers a bad query with problem+json and a request id', async () => {
    const res = await fetch(`${base}/api/v1/services?page=x`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('keeps a correlation id the caller sends', async () => {
    const res = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
  });
});
