/**
 * The online application journey over HTTP, as a browser without JavaScript would walk it: the start
 * page, one page at a time with error messages, an upload checked by content, check your answers,
 * the declaration, submission with a receipt, and the same submission again giving the same case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let cookie: string;

const form = (fields: ReadonlyArray<readonly [string, string]>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields as Array<[string, string]>).toString(),
});

function multipart(fields: ReadonlyArray<readonly [string, string]>, file: { name: string; bytes: Uint8Array; type: string }) {
  const boundary = '----portico-test-boundary';
  const parts = fields.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), Buffer.from(file.bytes), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) };
}

beforeAll(async () => {
  t = await appWithEid();
  const imported = await t.services.catalogue.importRecords(await demoRecords(), 'test');
  expect(imported.ok).toBe(true);
  cookie = await signIn(t.app, 'olena-koval');
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, body: { headers: Record<string, string>; payload: string | Buffer }) => t.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });

describe('applying online for a passport', () => {
  let draftPath: string;
  let csrf: string;

  it('starts from the service page, prefilled from the eID', async () => {
    const service = await t.app.inject('/uk/services/international-passport');
    expect(service.body).toContain('/uk/services/international-passport/apply');
    const start = await get('/uk/services/international-passport/apply');
    expect(start.statusCode).toBe(200);
    csrf = await csrfOf(t.app, cookie, '/uk/services/international-passport/apply');
    const started = await post('/uk/services/international-passport/apply', form([['_csrf', csrf]]));
    expect(started.statusCode).toBe(303);
    draftPath = String(started.headers.location).replace(/\/pages\/.*$/, '');
    expect(started.headers.location).toMatch(/^\/uk\/applications\/[0-9a-f-]{36}\/pages\/about-you$/);
    const page = await get(String(started.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Олена"');
    expect(page.body).toContain('value="9000000011"');
  });

  it('shows an error summary and keeps what was typed', async () => {
    const bad = await post(`${draftPath}/pages/about-you`, form([['_csrf', csrf], ['_shown', 'givenName,familyName,birthDate,nationalId'], ['givenName', 'Олена'], ['familyName', ''], ['birthDate', '1990-02-30'], ['nationalId', '12ab']]));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="govuk-error-summary"');
    expect(bad.body).toContain('href="#filter-familyName"');
    expect(bad.body).toContain('Номер облікової картки має містити 10 цифр');
    expect(bad.body).toContain('value="12ab"');
    const good = await post(`${draftPath}/pages/about-you`, form([['_csrf', csrf], ['givenName', 'Олена'], ['familyName', 'Коваль'], ['birthDate', '1990-04-12'], ['nationalId', '9000000011']]));
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe(`${draftPath}/pages/contact`);
  });

  it('asks the conditional question only when it applies', async () => {
    expect((await post(`${draftPath}/pages/contact`, form([['_csrf', csrf], ['email', 'olena@example.org'], ['phone', '']]))).statusCode).toBe(303);
    const lost = await post(`${draftPath}/pages/reason`, form([['_csrf', csrf], ['_shown', 'purpose'], ['purpose', 'lost']]));
    expect(lost.statusCode).toBe(200); // the question it reveals is shown, not reported as missing
    expect(lost.body).toContain('id="filter-lostCircumstances"');
    expect(lost.body).not.toContain('class="govuk-error-summary"');
    const unanswered = await post(`${draftPath}/pages/reason`, form([['_csrf', csrf], ['_shown', 'purpose,lostCircumstances'], ['purpose', 'lost'], ['lostCircumstances', '']]));
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('href="#filter-lostCircumstances"');
    const first = await post(`${draftPath}/pages/reason`, form([['_csrf', csrf], ['purpose', 'first']]));
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${draftPath}/pages/documents`);
  });

  it('takes a file by its content, not its name, and lets it be replaced', async () => {
    const fake = await post(`${draftPath}/pages/documents/files/identityDocument`, multipart([['_csrf', csrf]], { name: 'passport.pdf', bytes: Buffer.from('MZ this is not a pdf'), type: 'application/pdf' }));
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('PDF, JPEG або PNG');
    const noToken = await post(`${draftPath}/pages/documents/files/identityDocument`, multipart([], { name: 'p.pdf', bytes: Buffer.from('%PDF-1.4 x'), type: 'application/pdf' }));
    expect(noToken.statusCode).toBe(403);
    const real = await post(`${draftPath}/pages/documents/files/identityDocument`, multipart([['_csrf', csrf]], { name: 'паспорт.pdf', bytes: Buffer.from('%PDF-1.4 scanned passport'), type: 'application/octet-stream' }));
    expect(real.statusCode).toBe(303);
    const replaced = await post(`${draftPath}/pages/documents/files/identityDocument`, multipart([['_csrf', csrf]], { name: 'scan.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), type: 'image/png' }));
    expect(replaced.statusCode).toBe(303);
    const page = await get(`${draftPath}/pages/documents`);
    expect(page.body).toContain('scan.png');
    expect(page.body).not.toContain('паспорт.pdf');
    expect((await post(`${draftPath}/pages/documents`, form([['_csrf', csrf]]))).statusCode).toBe(303);
  });

  it('checks the answers, requires the declaration, and submits once', async () => {
    expect((await post(`${draftPath}/pages/collection`, form([['_csrf', csrf], ['collectionCentre', 'zorehrad-migration-office']]))).statusCode).toBe(303);
    const check = await get(`${draftPath}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('732,00 грн');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)?.[1] ?? '';
    const undeclared = await post(`${draftPath}/submit`, form([['_csrf', csrf], ['idempotencyKey', key]]));
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.body).toContain('href="#filter-declaration"');
    const submitted = await post(`${draftPath}/submit`, form([['_csrf', csrf], ['idempotencyKey', key], ['declaration', 'yes']]));
    expect(submitted.statusCode).toBe(303);
    const receiptPath = String(submitted.headers.location);
    expect(receiptPath).toMatch(/^\/uk\/cabinet\/cases\/[0-9a-f-]{36}\/receipt$/);
    const again = await post(`${draftPath}/submit`, form([['_csrf', csrf], ['idempotencyKey', key], ['declaration', 'yes']]));
    expect(again.headers.location).toBe(receiptPath);
    const otherTab = await post(`${draftPath}/submit`, form([['_csrf', csrf], ['idempotencyKey', 'another-tab-key-123'], ['declaration', 'yes']]));
    expect(otherTab.headers.location).toBe(receiptPath);
    const receipt = await get(receiptPath);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toMatch(/\d{4}-\d{6}/);
    const [row] = await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(row?.n).toBe(1);
    const pdf = await get(`${receiptPath}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mine = await get('/uk/cabinet/applications');
    expect(mine.body).toContain('Очікує оплати');
  });
});
