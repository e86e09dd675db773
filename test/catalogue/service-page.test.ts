import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { aCatalogue, anOrganisation, aService } from '../support/factories.ts';

let t: TestApp;

const company = anOrganisation({
  id: 'business-register',
  registryCode: '10000002',
  name: { uk: 'Служба реєстрації бізнесу «Реєстр-Сервіс»', en: 'Business Registry Services Ltd' },
});

beforeAll(async () => {
  t = await testApp();
  const records = aCatalogue({
    organisations: [anOrganisation(), company],
    services: [
      aService({ id: 'one-day', identifier: '09/01', deadline: { days: 1, unit: 'working' }, organisationId: 'business-register', audience: ['individual', 'business'] }),
      aService({
        id: 'five-days', identifier: '09/02', deadline: { days: 5, unit: 'working' },
        channels: [{ type: 'in-person', centreIds: ['dniprohrad-cnap'] }, { type: 'sms', smsNumber: '5505' }, { type: 'phone', phone: '1545' }],
        evidence: [
          { id: 'id-card', name: { uk: 'ID-картка', en: 'ID card' }, type: 'identity-document' },
          { id: 'photo', name: { uk: 'Фото', en: 'Photo' }, type: 'photograph' },
          { id: 'proxy', name: { uk: 'Довіреність', en: 'Power of attorney' }, type: 'other', optional: true },
        ],
        costs: [{ id: 'fee', amount: 1234.5, currency: 'UAH', description: { uk: 'Плата', en: 'Fee' } }],
      }),
      aService({ id: 'twenty-one-days', identifier: '09/03', deadline: { days: 21, unit: 'calendar' }, costs: [] }),
    ],
  });
  const imported = await t.services.catalogue.importRecords(records, 'test');
  expect(imported.ok).toBe(true);
});
afterAll(async () => t.close());

const body = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.body;
};
/** The key facts summary list at the top of a service page, as key → value text. */
const facts = (html: string): Record<string, string> => {
  const list = html.slice(html.indexOf('<dl class="govuk-summary-list"'), html.indexOf('</dl>'));
  const rows = [...list.matchAll(/<dt class="govuk-summary-list__key">([^<]+)<\/dt><dd class="govuk-summary-list__value">(.*?)<\/dd>/g)];
  return Object.fromEntries(rows.map((r): [string, string] => [r[1] ?? '', (r[2] ?? '').replace(/<\/li><li>/g, ', ').replace(/<[^>]+>/g, '')]));
};

describe('the service page', () => {
  it.each([
    ['/uk/services/one-day', 'Строк надання', '1 робочий день'],
    ['/en/services/one-day', 'How long it takes', '1 working day'],
    ['/uk/services/five-days', 'Строк надання', '5 робочих днів'],
    ['/en/services/five-days', 'How long it takes', '5 working days'],
    ['/uk/services/twenty-one-days', 'Строк надання', '21 календарний день'],
    ['/en/services/twenty-one-days', 'How long it takes', '21 calendar days'],
  ])('%s says the term with the plural of its language', async (url, key, term) => {
    expect(facts(await body(url))[key]).toBe(term);
  });

  it('gives fees, documents and channels in words of the language, never codes', async () => {
    const uk = facts(await body('/uk/services/five-days'));
    expect(uk['Вартість']).toMatch(/^1\s234,50\s₴$/u);
    expect(uk['Способи звернення']).toBe('Особисто в центрі, SMS, Телефоном');
    expect(uk['Необхідні документи']).toBe('2 документи');
    const en = facts(await body('/en/services/five-days'));
    expect(en['Cost']).toMatch(/^UAH\s1,234\.50$/u);
    expect(en['Ways to apply']).toBe('In person at a centre, By SMS, By phone');
    expect(en['Documents you need']).toBe('2 documents');
    const html = await body('/en/services/five-days');
    expect(html).not.toMatch(/>\s*in-person\s*</);
    expect(html).toContain('<strong class="govuk-tag govuk-tag--grey">If needed</strong>');
  });

  it('names the provider and audiences in the page language', async () => {
    const uk = facts(await body('/uk/services/one-day'));
    expect(uk['Надає послугу']).toBe(company.name.uk);
    expect(uk['Для кого']).toBe('Громадяни, Бізнес');
    expect(await body('/uk/services/one-day')).not.toContain(company.name.en);
  });
});

describe('agency names', () => {
  it('the Ukrainian pages use the Ukrainian name where the record has one, the English pages the English', async () => {
    for (const url of ['/uk/agencies', '/uk/services/one-day', '/uk/agencies/business-register', '/uk/search?q=']) {
      const html = await body(url);
      expect(html, url).toContain(company.name.uk);
      expect(html, url).not.toContain(company.name.en);
    }
    for (const url of ['/en/agencies', '/en/services/one-day']) {
      expect(await body(url), url).toContain(company.name.en);
    }
  });
});
