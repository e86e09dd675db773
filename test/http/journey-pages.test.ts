import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { aCatalogue, aService } from '../support/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const more = ['a', 'b'].map((x, i) => aService({ id: `extract-${x}`, identifier: `09/0${i}`, name: { uk: `Витяг ${x}`, en: `Extract ${x}` } }));
  expect((await t.services.catalogue.importRecords(aCatalogue({ services: [aService(), ...more] }), 'test')).ok).toBe(true);
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('a search page past the last one', () => {
  it('says the page does not exist, how many services there are on how many pages, and links to the last page', async () => {
    const res = await get('/en/search?page=999');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page 999 does not exist. 3 services found on 1 page.');
    expect(res.body).toContain('<a class="govuk-link" href="/en/search">Go to the last page of results</a>');
    expect(res.body).not.toMatch(/<h2[^>]*>3 services found<\/h2>/);

    const uk = await get('/uk/search?q=&page=5');
    expect(uk.statusCode).toBe(404);
    expect(uk.body).toContain('Сторінки 5 немає. Знайдено 3 послуги — на одній сторінці.');
  });

  it('keeps the pages that exist, and a search that finds nothing, as they were', async () => {
    const first = await get('/en/search');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('3 services found');
    expect(first.body).not.toContain('does not exist');
    const none = await get('/en/search?q=qqqqqqq&page=2');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('0 services found');
  });

  it('the API answers the same query with an empty page and the true total', async () => {
    const res = await get('/api/v1/services?page=999');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, page: 999, pageSize: 20, items: [] });
  });
});

describe('the site icon', () => {
  it('is served as /favicon.ico and /assets/favicon.svg with their content types', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect(ico.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
    expect(ico.rawPayload.includes(Buffer.from('\x89PNG', 'latin1'))).toBe(true);
    const svg = await get('/assets/favicon.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('<title>Portico</title>');
  });

  it.each(['/uk/', '/en/search?q=passport', '/en/services/foreign-passport', '/uk/no-such-page', '/en/search?page=999'])('is linked from %s', async (url) => {
    const res = await get(url);
    expect(res.body).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
    expect(res.body).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>');
  });
});
