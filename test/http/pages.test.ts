import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { aCatalogue, aService, anEvent } from '../support/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const records = aCatalogue({
    events: [anEvent(), anEvent({ id: 'starting-business', kind: 'business', name: { uk: 'Започаткування бізнесу', en: 'Starting a business' } })],
    services: [
      aService({ eventIds: ['birth-of-child'] }),
      aService({
        id: 'company-registration',
        identifier: '05/01',
        name: { uk: 'Державна реєстрація товариства з обмеженою відповідальністю', en: 'Registration of a new company' },
        description: { uk: 'Реєстрація нового товариства.', en: 'Registering a new limited company.' },
        keywords: { uk: ['реєстрація компанії'], en: ['register company'] },
        audience: ['business'],
        eventIds: ['starting-business'],
        costs: [],
        silentConsent: true,
        channels: [{ type: 'in-person', centreIds: ['dniprohrad-cnap'] }],
      }),
    ],
  });
  const imported = await t.services.catalogue.importRecords(records, 'test');
  expect(imported.ok).toBe(true);
});
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('public pages', () => {
  it.each([
    ['/uk/', 'Усі державні послуги в одному місці'],
    ['/en/', 'Every public service in one place'],
    ['/uk/services/foreign-passport', 'Оформлення закордонного паспорта'],
    ['/en/services/foreign-passport', 'Issue of a passport for travel abroad'],
    ['/en/agencies', 'Agencies'],
    ['/uk/agencies/migration-service', 'Державна міграційна служба'],
    ['/en/events', 'Life and business events'],
    ['/uk/events/birth-of-child', 'Народження дитини'],
    ['/en/centres', 'Service centres'],
    ['/uk/centres/dniprohrad-cnap', 'ЦНАП Дніпрограда'],
    ['/uk/accessibility', 'Заява про доступність'],
    ['/en/accessibility', 'Accessibility statement'],
  ])('%s answers 200 with its heading in the page language', async (url, heading) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(new RegExp(`<html lang="${url.slice(1, 3)}"[ >]`));
    expect(res.body).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
  });

  it('shows the full information card of a service', async () => {
    const body = (await get('/en/services/foreign-passport')).body;
    for (const text of ['What you get', 'Who can apply', 'Documents you need', 'Cost', '20 working days', 'How to apply', 'Grounds for refusal', 'Legal basis', 'Dniprohrad Service Centre', 'Mon–Fri 08:00–17:00', 'Record version: ']) {
      expect(body).toContain(text);
    }
    expect(body).toContain('UAH');
  });

  it('says when silent consent applies and when a service is free', async () => {
    const body = (await get('/uk/services/company-registration')).body;
    expect(body).toContain('Діє принцип мовчазної згоди');
    expect(body).toContain('Безоплатно');
  });

  it('links the same page in the other language, keeping the query', async () => {
    const body = (await get('/uk/search?q=passport&audience=individual')).body;
    expect(body).toContain('href="/en/search?q=passport&amp;audience=individual"');
  });

  it('escapes what the user typed', async () => {
    const body = (await get('/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).body;
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('sends security headers and no script', async () => {
    const res = await get('/en/');
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toContain('<script');
  });

  it('redirects the root to the language the browser prefers', async () => {
    expect((await get('/', { 'accept-language': 'en-GB,en;q=0.9' })).headers.location).toBe('/en/');
    expect((await get('/', { 'accept-language': 'uk' })).headers.location).toBe('/uk/');
    expect((await get('/en')).headers.location).toBe('/en/');
  });
});

describe('page cache', () => {
  it('serves a page built from the catalogue as it is after an edit, never before it', async () => {
    expect((await get('/en/services/foreign-passport')).body).toContain('Record version: 1');
    expect((await get('/en/search?q=passport')).body).toContain('Issue of a passport for travel abroad');
    const renamed = aService({ eventIds: ['birth-of-child'], name: { uk: 'Закордонний паспорт', en: 'Passport for travel abroad (renamed)' } });
    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [renamed] }, 'test')).ok).toBe(true);
    const page = (await get('/en/services/foreign-passport')).body;
    expect(page).toContain('Passport for travel abroad (renamed)');
    expect(page).toContain('Record version: 2');
    expect((await get('/en/search?q=passport')).body).toContain('Passport for travel abroad (renamed)');
    // Put the record back for the tests that follow.
    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [aService({ eventIds: ['birth-of-child'] })] }, 'test')).ok).toBe(true);
  });
});

describe('search page', () => {
  it('finds and counts, with filter counts in the options', async () => {
    const body = (await get('/en/search?q=passport')).body;
    expect(body).toContain('1 service found');
    expect(body).toContain('Issue of a passport for travel abroad');
    expect(body).toMatch(/<option value="individual">Individuals \(1\)<\/option>/);
    expect(body).toMatch(/<option value="business">Businesses \(0\)<\/option>/);
  });

  it('uses Ukrainian plural forms', async () => {
    expect((await get('/uk/search?q=')).body).toContain('Знайдено 2 послуги');
    expect((await get('/uk/search?q=паспорт')).body).toContain('Знайдено 1 послугу');
    expect((await get('/uk/search?q=qqqqqqq')).body).toContain('Знайдено 0 послуг');
  });

  it('answers bad parameters with 400, an error summary and field messages, never a 500', async () => {
    const res = await get('/en/search?q=x&page=0&channel=pigeon&audience=martians&agency=nobody');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('href="#filter-channel"');
    expect(res.body).toContain('Choose a way to apply from the list');
    expect(res.body).toContain('The page number must be a whole number from 1 to 1000');
    expect(res.body).toContain('Choose “Individuals” or “Businesses”');
  });

  it('names a filter that points at a record that does not exist', async () => {
    const res = await get('/uk/search?agency=nobody');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Такого органу влади немає в каталозі');
  });

  it('ignores parameters it does not know', async () => {
    expect((await get('/en/search?q=passport&utm_source=newsletter')).statusCode).toBe(200);
  });
});

describe('not found', () => {
  it.each(['/uk/services/nothing-here', '/en/agencies/nobody', '/uk/events/none', '/en/centres/none', '/en/no/such/page', '/fr/'])(
    '%s is a 404 page',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toMatch(/Page not found|Сторінку не знайдено/);
    },
  );

  it('speaks the language of the path', async () => {
    expect((await get('/en/nothing')).body).toContain('Page not found');
    expect((await get('/uk/nothing')).body).toContain('Сторінку не знайдено');
  });
});
