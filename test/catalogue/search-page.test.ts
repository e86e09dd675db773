import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const imported = await t.services.catalogue.importRecords(await demoRecords(), 'test');
  expect(imported.ok).toBe(true);
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

describe('scratch', () => {
  it('shows', async () => {
    for (const q of ['pasprot', 'pasprot', 'reqistration compny', 'паспотр', 'xyzzyplugh']) {
      const res = await get(`/en/search?q=${encodeURIComponent(q)}`);
      console.log(q, res.statusCode, between(res.body, 'id="results-count"', '</ul>'));
    }
  });
});
