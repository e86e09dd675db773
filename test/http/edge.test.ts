/**
 * The one rule at the edge (request-edge.tsx): control characters in paths and queries, path
 * parameters of the wrong shape, fields sent twice, broken multipart bodies, a signed payment callback
 * about no payment of the portal, and bodies too large — each a 4xx in the page's language (or
 * problem+json under /api), never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_CASE_TEXT } from '../../src/modules/cases/index.ts';
import { signatureHeaderValue } from '../../src/modules/payments/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { csrfOf } from '../support/identity.ts';
import { appWithPersonas, signIn } from '../support/personas.ts';

const SECRET = 'edge-callback-secret-0123456789abcdef';
const RANDOM = '3f1c9a4e-2b7d-4c1e-9f00-123456789abc';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestApp;
let citizen: { cookie: string; csrf: string };
let admin: { cookie: string; csrf: string };
let supervisor: { cookie: string; csrf: string };
let draft: string;

async function person(id: string, realm: 'citizen' | 'staff' = 'citizen') {
  const cookie = await signIn(t.app, id, realm);
  return { cookie, csrf: await csrfOf(t.app, cookie) };
}

beforeAll(async () => {
  // A provider configured by URL, key and secret: the test signs callbacks as the provider would (it is never called).
  t = await appWithPersonas({ PAYMENT_PROVIDER_URL: 'http://127.0.0.1:9', PAYMENT_API_KEY: 'edge-key', PAYMENT_CALLBACK_SECRET: SECRET });
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  citizen = await person('olena-koval');
  admin = await person('viktor-savchenko', 'staff');
  supervisor = await person('petro-boiko', 'staff');
  const started = await t.app.inject({ method: 'POST', url: '/uk/services/international-passport/apply', headers: { ...FORM, cookie: citizen.cookie }, payload: `_csrf=${citizen.csrf}` });
  draft = String(started.headers.location).split('/')[3] ?? '';
}, 120_000);
afterAll(async () => t.close());

const post = (url: string, who: { cookie: string; csrf: string }, payload: string, headers: Record<string, string> = FORM) =>
  t.app.inject({ method: 'POST', url, headers: { ...headers, cookie: who.cookie }, payload });

describe('control characters in paths and queries', () => {
  it('are a 400 page in the page’s language, or a problem under /api', async () => {
    for (const url of ['/uk/services/%00', '/uk/search?q=%00', '/uk/search?q=a%0Db', '/uk/sign-in?returnTo=%2F%00']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain('керівні символи');
    }
    const en = await t.app.inject('/en/services/a%00b');
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('control characters');
    // No language in the path: the browser's first choice.
    const callback = await t.app.inject({ url: '/auth/callback/state?state=%00&code=x', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(callback.statusCode).toBe(400);
    expect(callback.body).toContain('control characters');
    expect((await t.app.inject('/auth/callback/%00')).statusCode).toBe(400);
    const api = await t.app.inject('/api/v1/services?q=%00');
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('in a form value are a 400 too (tab and line breaks are text)', async () => {
    const nul = await post(`/uk/applications/${draft}/pages/about-you`, citizen, `_csrf=${citizen.csrf}&givenName=%D0%9E%00`);
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('керівні символи');
    const multipart = await post(`/uk/applications/${draft}/pages/about-you/files/identityDocument`, citizen,
      `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${citizen.csrf}\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n`,
      { 'content-type': 'multipart/form-data; boundary=b' });
    expect(multipart.statusCode).toBe(400);
    const lines = await post(`/uk/applications/${draft}/pages/about-you`, citizen, `_csrf=${citizen.csrf}&givenName=${encodeURIComponent('Олена\tМарія')}`);
    expect(lines.statusCode).toBeLessThan(500);
    expect(lines.body).not.toContain('керівні символи');
  });
});

describe('path parameters are checked by the route table before the handler', () => {
  it('a malformed id is a 404, never a 500, for mandates, staff roles, drafts and cases', async () => {
    const cases: Array<[string, { cookie: string; csrf: string }]> = [
      ['/uk/cabinet/mandates/not-a-uuid/revoke', citizen], ['/en/cabinet/mandates/1/revoke', citizen],
      ['/uk/admin/staff/not-a-uuid/revoke', admin], ['/uk/admin/staff/%F0%9F%95%94/revoke', admin],
      ['/uk/applications/not-a-uuid/pages/about-you/files/identityDocument/remove', citizen],
      [`/uk/applications/${draft}/pages/about-you/files/Not_A_Field/remove`, citizen],
      ['/uk/cabinet/cases/not-a-uuid/withdraw', citizen], ['/uk/office/documents/x/revoke', supervisor],
    ];
    for (const [url, who] of cases) {
      const res = await post(url, who, `_csrf=${who.csrf}`);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toMatch(/<h1[ >]/);
    }
  });
});

describe('form fields are read as exactly one piece of text', () => {
  it('a field sent twice is a 400 page naming it', async () => {
    const cases: Array<[string, { cookie: string; csrf: string }, string]> = [
      [`/uk/cabinet/cases/${RANDOM}/answer`, citizen, 'answer=a&answer=b'],
      [`/uk/cabinet/cases/${RANDOM}/withdraw`, citizen, 'reason=a&reason=b'],
      [`/uk/office/documents/${RANDOM}/revoke`, supervisor, 'reason=a&reason=b'],
      ['/uk/cabinet/act-as', citizen, 'party=self&party=self'],
      ['/uk/admin/staff', admin, 'nationalId=1&nationalId=2'],
      [`/uk/applications/${draft}/submit`, citizen, 'declaration=yes&declaration=yes'],
    ];
    for (const [url, who, fields] of cases) {
      const res = await post(url, who, `_csrf=${who.csrf}&${fields}`);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(`Поле «${fields.split('=')[0]}»`);
    }
  });

  it('JSON where a form belongs is a 400 too, not a 500', async () => {
    const res = await post(`/en/cabinet/cases/${RANDOM}/answer`, citizen, JSON.stringify({ _csrf: citizen.csrf, answer: { x: 1 } }), { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The field “answer”');
  });
});

describe('multipart bodies that cannot be read', () => {
  it('are a 400 on any form and on the payment callback', async () => {
    const broken: Array<[string, string]> = [
      ['multipart/form-data', `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${citizen.csrf}\r\n--x--\r\n`],
      ['multipart/form-data; boundary=b', `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${citizen.csrf}\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`],
    ];
    for (const [type, payload] of broken) {
      const page = await post(`/uk/applications/${draft}/pages/about-you/files/identityDocument`, citizen, payload, { 'content-type': type });
      expect(page.statusCode, type).toBe(400);
      expect(page.body).toContain('пошкодженою або неповною');
      const callback = await t.app.inject({ method: 'POST', url: '/api/v1/payments/callback', headers: { 'content-type': type }, payload });
      expect(callback.statusCode, type).toBe(400);
      expect(callback.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('multipart bodies that can be read', () => {
  it('reach handlers as a form would: a form shown back with what was typed is a 400 page, not a 500', async () => {
    const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = `${part('_csrf', citizen.csrf)}${part('representative', 'not-a-number')}${part('services', '')}--b\r\nContent-Disposition: form-data; name="other"; filename=""\r\n\r\nGIF89a\r\n--b--\r\n`;
    const res = await post('/en/cabinet/mandates', citizen, payload, { 'content-type': 'multipart/form-data; boundary=b' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="not-a-number"');
  });
});

describe('the payment callback', () => {
  const body = (paymentId: string) => JSON.stringify({ eventId: 'evt-1', paymentId, providerRef: 'ref-1', status: 'paid', amount: 100, currency: 'UAH', at: new Date().toISOString() });
  const send = (payload: string, signature = signatureHeaderValue(SECRET, payload)) =>
    t.app.inject({ method: 'POST', url: '/api/v1/payments/callback', headers: { 'content-type': 'application/json', 'x-portico-signature': signature }, payload });

  it('checks the signature first: an unsigned body is a 401 whatever it holds', async () => {
    expect((await send(body('not-a-uuid'), `sha256=${'0'.repeat(64)}`)).statusCode).toBe(401);
  });

  it('answers a correctly signed body whose paymentId is not a UUID with a 400 problem', async () => {
    for (const paymentId of ['not-a-uuid', '1', 'x'.repeat(300)]) {
      const res = await send(body(paymentId));
      expect(res.statusCode, paymentId).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, code: 'payments.callback_malformed' });
    }
    expect((await send(JSON.stringify({ eventId: 'a\u0000b', paymentId: RANDOM, providerRef: 'r', status: 'paid', amount: 1, currency: 'UAH', at: new Date().toISOString() }))).statusCode).toBe(400);
    const huge = JSON.stringify({ eventId: 'evt-2', paymentId: RANDOM, providerRef: 'r', status: 'declined', amount: Number.MAX_SAFE_INTEGER, currency: 'UAH', at: new Date().toISOString() });
    expect((await send(huge)).statusCode).toBe(400);
    // A well-formed callback about a payment the portal does not have is recorded (for reconciliation), as before.
    expect((await send(body(RANDOM))).statusCode).toBe(200);
  });
});

describe('other refusals of the framework', () => {
  it('too many sign-in callbacks from one address are a 429 page in the browser’s language, not English JSON', async () => {
    let last = await t.app.inject({ url: '/auth/callback/state?state=x&code=y', remoteAddress: '10.99.0.1', headers: { 'accept-language': 'uk' } });
    // The limit is 30 a minute in fixed windows: 70 tries reach it even when they straddle the turn of a minute.
    for (let i = 0; i < 70 && last.statusCode !== 429; i += 1) {
      last = await t.app.inject({ url: '/auth/callback/state?state=x&code=y', remoteAddress: '10.99.0.1', headers: { 'accept-language': 'uk' } });
    }
    expect(last.statusCode).toBe(429);
    expect(last.headers['content-type']).toContain('text/html');
    expect(last.body).toContain('Забагато спроб входу');
  });
});

describe('requests too large', () => {
  it('a form body over the limit is a 413 page in the page’s language with the way back to the form', async () => {
    const back = `/uk/applications/${draft}/pages/about-you`;
    const res = await t.app.inject({ method: 'POST', url: back, headers: { ...FORM, cookie: citizen.cookie, referer: `http://portal.test${back}` }, payload: `_csrf=${citizen.csrf}&givenName=${'a'.repeat(70 * 1024)}` });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Надіслано забагато даних');
    expect(res.body).toContain('64 КБ');
    expect(res.body).toContain(`href="${back}"`);
    const en = await t.app.inject({ method: 'POST', url: `/en/applications/${draft}/pages/about-you`, headers: { ...FORM, cookie: citizen.cookie }, payload: `_csrf=${citizen.csrf}&givenName=${'a'.repeat(70 * 1024)}` });
    expect(en.statusCode).toBe(413);
    expect(en.body).toContain('Too much was sent');
    // Without a Referer (the portal's pages send none), the way back is the form page the POST belongs to.
    expect(en.body).toContain(`href="/en/applications/${draft}/pages/about-you"`);
    const answer = await post(`/uk/cabinet/cases/${RANDOM}/answer`, citizen, `_csrf=${citizen.csrf}&answer=${'a'.repeat(70 * 1024)}`);
    expect(answer.statusCode).toBe(413);
    expect(answer.body).toContain(`href="/uk/cabinet/cases/${RANDOM}"`);
  });

  it('a path parameter over the router’s limit is a 414 page, or a problem under /api', async () => {
    const res = await t.app.inject(`/uk/services/${'x'.repeat(300)}`);
    expect(res.statusCode).toBe(414);
    expect(res.body).toContain('Вебадреса задовга');
    const api = await t.app.inject(`/api/v1/services/${'x'.repeat(300)}`);
    expect(api.statusCode).toBe(414);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const bad = await t.app.inject('/en/services/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('does not recognise');
  });
});

describe('inputs carry the maxlength the server checks', () => {
  it('each question of an application page takes its limit from the form’s schema', async () => {
    const service = (await demoRecords()).services.find((s) => s.id === 'international-passport');
    const properties = (service?.form?.schema as unknown as { properties: Record<string, { maxLength?: number }> }).properties;
    // The eID's name and numbers are shown, not asked: the contact page's questions are the inputs.
    const page = await t.app.inject({ url: `/uk/applications/${draft}/pages/contact`, headers: { cookie: citizen.cookie } });
    expect(page.statusCode).toBe(200);
    for (const name of ['email', 'phone']) {
      const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(page.body)?.[0] ?? '';
      const limit = properties[name]?.maxLength;
      expect(tag, name).not.toBe('');
      expect(/maxlength="(\d+)"/.exec(tag)?.[1], name).toBe(limit === undefined ? undefined : String(limit));
    }
  });

  it('the applicant’s texts on a case are limited as the cases service limits them', async () => {
    const signedIn = await t.services.sessions.resolve(citizen.cookie.split('=')[1] ?? '', 'uk');
    if (signedIn === null) {
      throw new Error('no session');
    }
    const { drafts } = t.services;
    const id = draft;
    const pages: Array<[string, Record<string, string>]> = [
      ['about-you', { givenName: 'Олена', familyName: 'Коваль', birthDate: '1990-04-12', nationalId: '9000000011' }],
      ['contact', { email: 'olena@example.org' }], ['reason', { purpose: 'first' }], ['collection', { collectionCentre: 'zorehrad-migration-office' }],
    ];
    for (const [pageId, body] of pages) {
      await drafts.savePage(signedIn, id, pageId, body);
    }
    await drafts.upload(signedIn, id, { field: 'identityDocument', filename: 'id.pdf', bytes: Buffer.from('%PDF-1.4 edge') });
    const done = await drafts.submit(signedIn, id, { idempotencyKey: 'edge-maxlength-1', declared: true, channel: 'web', lang: 'uk' });
    expect(done.ok).toBe(true);
    const caseId = done.ok ? done.value.id : '';
    const page = await t.app.inject({ url: `/uk/cabinet/cases/${caseId}`, headers: { cookie: citizen.cookie } });
    expect(page.statusCode).toBe(200);
    const reason = /<textarea[^>]*name="reason"[^>]*>/.exec(page.body)?.[0] ?? '';
    expect(reason).toContain(`maxlength="${MAX_CASE_TEXT}"`);
    const comment = /<textarea[^>]*name="comment"[^>]*>/.exec(page.body)?.[0];
    expect(comment === undefined || comment.includes(`maxlength="${MAX_CASE_TEXT}"`)).toBe(true);
  });
});
