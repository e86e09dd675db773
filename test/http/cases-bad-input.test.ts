/**
 * Bad input on the application, case and back-office routes never gets a 500: unknown and malformed
 * ids, fields sent twice, oversized text, wrong content types — each is a 4xx page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { csrfOf } from '../support/identity.ts';
import { appWithPersonas, signIn } from '../support/personas.ts';

let t: TestApp;
let citizen: string;
let officer: string;

beforeAll(async () => {
  t = await appWithPersonas();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  citizen = await signIn(t.app, 'olena-koval');
  officer = await signIn(t.app, 'oksana-lysenko', 'staff');
});
afterAll(async () => t.close());

const RANDOM = '3f1c9a4e-2b7d-4c1e-9f00-123456789abc';
const IDS = ['not-a-uuid', RANDOM, '%27%3B--', '..%2F..%2Fetc', 'x'.repeat(190)];

describe('bad input on applications and cases', () => {
  it('GET pages with unknown or malformed ids answer 404, never 500', async () => {
    const paths = IDS.flatMap((id) => [
      `/uk/applications/${id}/pages/about-you`, `/uk/applications/${id}/check`, `/uk/cabinet/cases/${id}`, `/uk/cabinet/cases/${id}/receipt`,
      `/uk/cabinet/cases/${id}/receipt.pdf`, `/uk/cabinet/cases/${id}/documents/${id}`, `/uk/cabinet/cases/${id}/attachments/${id}`,
      `/uk/services/${id}/apply`, `/en/verify/${id}`, `/en/verify/receipts/${id}?h=${id}`,
    ]);
    for (const url of paths) {
      const res = await t.app.inject({ url, headers: { cookie: citizen } });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    for (const id of IDS) {
      for (const url of [`/uk/office/cases/${id}`, `/uk/office/documents/${id}`, `/uk/office/cases/${id}/attachments/${id}`]) {
        const res = await t.app.inject({ url, headers: { cookie: officer } });
        expect(res.statusCode, url).toBe(404);
      }
    }
  });

  it('POST forms with junk answer 4xx pages, never 500', async () => {
    const csrf = await csrfOf(t.app, citizen, '/uk/cabinet/applications');
    const started = await t.app.inject({ method: 'POST', url: '/uk/services/international-passport/apply', headers: { cookie: citizen, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}` });
    const draft = String(started.headers.location).split('/')[3] ?? '';
    const bodies = [
      `_csrf=${csrf}&givenName=a&givenName=b&birthDate[]=x`,
      `_csrf=${csrf}&nationalId=${'9'.repeat(5000)}&familyName=%00%01`,
      `_csrf=${csrf}&_shown=${'x,'.repeat(300)}`,
    ];
    for (const payload of bodies) {
      const res = await t.app.inject({ method: 'POST', url: `/uk/applications/${draft}/pages/about-you`, headers: { cookie: citizen, 'content-type': 'application/x-www-form-urlencoded' }, payload });
      // Register answers (name, birth date, tax number) are locked and never read from a form: junk in
      // them is ignored (the page is saved, 303); junk in an answer the person gives is a 400 page.
      expect([303, 400], payload.slice(0, 80)).toContain(res.statusCode);
    }
    const posts = [
      `/uk/applications/${draft}/pages/no-such-page`, `/uk/applications/${draft}/pages/about-you/files/givenName`, `/uk/applications/${RANDOM}/submit`,
      `/uk/cabinet/cases/${RANDOM}/answer`, `/uk/cabinet/cases/not-a-uuid/withdraw`, `/uk/cabinet/cases/${RANDOM}/rate`, `/uk/cabinet/cases/${RANDOM}/pay`,
    ];
    for (const url of posts) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: citizen, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}&rating=99&answer=${'a'.repeat(5000)}` });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const json = await t.app.inject({ method: 'POST', url: `/uk/applications/${draft}/pages/about-you`, headers: { cookie: citizen, 'content-type': 'application/json' }, payload: JSON.stringify({ _csrf: csrf }) });
    // The page's answers all come from the register, so even an empty body saves it (303); never a 500.
    expect([303, 400, 415]).toContain(json.statusCode);
  });

  it('the payment callback answers 401 to anything unsigned, and never 500', async () => {
    for (const payload of ['', 'not json', '{"eventId":1}', JSON.stringify({ eventId: 'e', paymentId: RANDOM, providerRef: 'r', status: 'paid', amount: 1, currency: 'UAH', at: new Date().toISOString() })]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/payments/callback', headers: { 'content-type': 'application/json', 'x-portico-signature': 'sha256=00' }, payload });
      expect(res.statusCode).toBe(401);
    }
  });
});
