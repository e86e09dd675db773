/**
 * A service page offers "Apply online" only to someone who may apply for the party they act for now,
 * and otherwise says why; starting an application anyway answers the same explanation with a 403.
 * The page itself stays cached for everyone: only the apply block and the header are personal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let director: string;
let accountant: string;
let citizen: string;
const COMPANY = '40000001';
const IN_SCOPE = 'vat-return';
const OUT_OF_SCOPE = 'corporate-tax-return';
const MANDATE_EN = 'Your mandate from Zoriana Bakery LLC does not cover this service. Ask the director to extend it, or switch to acting for yourself.';
const MANDATE_UK = 'Ваша довіреність від ТОВ «Зоряна пекарня» не охоплює цю послугу. Попросіть керівника розширити її або перейдіть до дій від власного імені.';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const post = async (cookie: string, url: string, payload: Record<string, string | string[]>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: await csrfOf(t.app, cookie), ...payload } });
const page = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie === undefined ? {} : { cookie } });
const applyLink = (lang: string, id: string) => `href="/${lang}/services/${id}/apply"`;

beforeAll(async () => {
  t = await appWithEid();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  director = await signIn(t.app, 'taras-melnyk');
  accountant = await signIn(t.app, 'iryna-bondar');
  citizen = await signIn(t.app, 'olena-koval');
  // The director gives the accountant a mandate for VAT returns only; she acts for the company.
  expect((await post(director, '/en/cabinet/act-as', { party: `business:${COMPANY}` })).statusCode).toBe(303);
  expect((await post(director, '/en/cabinet/mandates', { representative: '9000000044', scope: 'services', services: [IN_SCOPE], validFrom: day(0), validUntil: day(30), step: 'confirm' })).statusCode).toBe(303);
  expect((await post(accountant, '/en/cabinet/act-as', { party: `business:${COMPANY}` })).statusCode).toBe(303);
});
afterAll(async () => t.close());

describe('who may apply, on the service page and at the start of an application', () => {
  it('a representative sees no "Apply online" for a service outside her mandate, but why, in both languages', async () => {
    const en = await page(`/en/services/${OUT_OF_SCOPE}`, accountant);
    expect(en.statusCode).toBe(200);
    expect(en.body).not.toContain(applyLink('en', OUT_OF_SCOPE));
    expect(en.body).toContain(MANDATE_EN);
    expect(en.body).toContain('href="/en/cabinet/act-as"');
    const uk = await page(`/uk/services/${OUT_OF_SCOPE}`, accountant);
    expect(uk.body).not.toContain(applyLink('uk', OUT_OF_SCOPE));
    expect(uk.body).toContain(MANDATE_UK);

    // Within her mandate she may apply.
    const inScope = await page(`/en/services/${IN_SCOPE}`, accountant);
    expect(inScope.body).toContain(applyLink('en', IN_SCOPE));
    expect(inScope.body).not.toContain('does not cover this service');
  });

  it('starting the application anyway answers 403 with the same explanation, not "That could not be done"', async () => {
    const get = await page(`/en/services/${OUT_OF_SCOPE}/apply`, accountant);
    expect(get.statusCode).toBe(403);
    expect(get.body).toContain('You cannot apply for this service for Zoriana Bakery LLC');
    expect(get.body).toContain(MANDATE_EN);
    expect(get.body).not.toContain('That could not be done');
    const started = await post(accountant, `/uk/services/${OUT_OF_SCOPE}/apply`, {});
    expect(started.statusCode).toBe(403);
    expect(started.body).toContain(MANDATE_UK);
    const drafts = await t.services.db.query<{ n: number }>('SELECT count(*) AS n FROM drafts WHERE service_id = $1', [OUT_OF_SCOPE]);
    expect(Number(drafts[0]?.n)).toBe(0);
  });

  it('says when the service is not for the kind of party one acts for', async () => {
    const business = await page('/en/services/international-passport', accountant);
    expect(business.body).not.toContain(applyLink('en', 'international-passport'));
    expect(business.body).toContain('Zoriana Bakery LLC is a business, and this service is for individuals. To apply, switch to acting for yourself.');
    const self = await page(`/uk/services/${IN_SCOPE}`, citizen);
    expect(self.body).not.toContain(applyLink('uk', IN_SCOPE));
    expect(self.body).toContain('Ви дієте від імені Олена Коваль, а ця послуга призначена лише для юридичних осіб і підприємців.');
    const start = await page(`/en/services/${IN_SCOPE}/apply`, citizen);
    expect(start.statusCode).toBe(403);
    expect(start.body).toContain('You cannot apply for this service for yourself');
    expect(start.body).toContain('this service is only for businesses and sole traders');
  });

  it('keeps the cached page free of anyone’s data: someone not signed in still gets "Apply online"', async () => {
    const personal = await page(`/en/services/${OUT_OF_SCOPE}`, accountant);
    expect(personal.headers['cache-control']).toBe('private, no-store');
    const anonymous = await page(`/en/services/${OUT_OF_SCOPE}`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain(applyLink('en', OUT_OF_SCOPE));
    expect(anonymous.body).not.toContain('Zoriana Bakery');
    expect(anonymous.body).not.toContain('does not cover this service');
    // The director herself, acting for the company, may apply for any of its services.
    expect((await page(`/en/services/${OUT_OF_SCOPE}`, director)).body).toContain(applyLink('en', OUT_OF_SCOPE));
  });
});
