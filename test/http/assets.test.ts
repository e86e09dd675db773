import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { aCatalogue } from '../support/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  expect((await t.services.catalogue.importRecords(aCatalogue(), 'test')).ok).toBe(true);
});
afterAll(async () => t.close());

const LIMIT = 40 * 1024;

async function stylesheetHref(): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: '/uk/' });
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
  expect(href).toBeDefined();
  return href ?? '';
}

describe('the stylesheet', () => {
  it('is linked from every page under a URL carrying the hash of its content', async () => {
    const href = await stylesheetHref();
    expect(href).toMatch(/^\/assets\/portico\.[0-9a-f]{16}\.css$/);
    const plain = await t.app.inject({ method: 'GET', url: href });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const hash = createHash('sha256').update(plain.rawPayload).digest('hex').slice(0, 16);
    expect(href).toBe(`/assets/portico.${hash}.css`);
    // The design system is in it, under Portico's brand: no GDS Transport font, no font files at all.
    expect(plain.body).toContain('.govuk-button');
    expect(plain.body).toContain('.moj-timeline');
    expect(plain.body).toContain('.app-table-scroll');
    expect(plain.body).not.toContain('GDS Transport');
    expect(plain.body).not.toContain('@font-face');
    const notFound = await t.app.inject({ method: 'GET', url: '/uk/notanything' });
    expect(notFound.body).toContain(`href="${href}"`);
  });

  it('is cached for a year as immutable, and the old URL redirects to it', async () => {
    const href = await stylesheetHref();
    const res = await t.app.inject({ method: 'GET', url: href });
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const old = await t.app.inject({ method: 'GET', url: '/assets/portico.css' });
    expect(old.statusCode).toBe(302);
    expect(old.headers.location).toBe(href);
    const stale = await t.app.inject({ method: 'GET', url: '/assets/portico.0000000000000000.css' });
    expect(stale.statusCode).toBe(404);
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('is sent %s-compressed when accepted, in at most 40 KB', async (encoding, decompress) => {
    const href = await stylesheetHref();
    const plain = await t.app.inject({ method: 'GET', url: href });
    const res = await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': `${encoding}, deflate` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThanOrEqual(LIMIT);
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(decompress(res.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('prefers brotli, and respects an encoding refused with q=0', async () => {
    const href = await stylesheetHref();
    expect((await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip, deflate, br' } })).headers['content-encoding']).toBe('br');
    expect((await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'br;q=0, gzip' } })).headers['content-encoding']).toBe('gzip');
    expect((await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'identity' } })).headers['content-encoding']).toBeUndefined();
  });
});

describe('pages', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('are sent %s-compressed when accepted, with the script-free CSP kept', async (encoding, decompress) => {
    const plain = await t.app.inject({ method: 'GET', url: '/en/' });
    const res = await t.app.inject({ method: 'GET', url: '/en/', headers: { 'accept-encoding': encoding } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    const html = decompress(res.rawPayload).toString('utf8');
    expect(html).toBe(plain.body);
    expect(html).toContain('class="govuk-header"');
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('are sent uncompressed to a client that accepts no encoding', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toContain('<!doctype html>');
  });
});
