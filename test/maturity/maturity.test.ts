/**
 * The maturity report over the demo catalogue on a running portal: the page in both languages, the
 * JSON, a service page's level, the printable form, and a level that changes when a service loses
 * what it rested on (its online form, its online result) or gains silent consent.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MaturityReport, ServiceMaturity } from '../../src/modules/maturity/index.ts';
import { demoRecords } from '../support/demo.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';

let t: CasesApp;
const records = await demoRecords();
const byId = (id: string) => {
  const found = records.services.find((s) => s.id === id);
  if (found === undefined) {
    throw new Error(id);
  }
  return found;
};

beforeAll(async () => {
  t = await casesApp('2026-09-01');
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const report = async (): Promise<MaturityReport> => {
  const res = await get('/api/v1/maturity');
  expect(res.statusCode).toBe(200);
  return res.json<MaturityReport>();
};
const of = (r: MaturityReport, id: string): ServiceMaturity => {
  const found = r.services.find((s) => s.serviceId === id);
  if (found === undefined) {
    throw new Error(`${id} not in the report`);
  }
  return found;
};

describe('the report', () => {
  it('measures every service of the catalogue, and the EU 20 from the catalogue\'s mapping', async () => {
    const r = await report();
    expect(r.services.map((s) => s.serviceId).sort()).toEqual(records.services.map((s) => s.id).sort());
    expect(Object.values(r.levels).reduce((a, b) => a + b, 0)).toBe(records.services.length);
    // Certificates from the civil-status register: online form, fee paid online, sealed decision online.
    expect(of(r, 'civil-status-certificate')).toMatchObject({ level: 4, euBasicService: 'C09' });
    // Registering a birth has no form and is done in person: information only.
    expect(of(r, 'birth-registration')).toMatchObject({ level: 1, stage: 'emerging' });
    // Silent consent, and the portal's job that grants it runs.
    expect(of(r, 'emissions-permit')).toMatchObject({ level: 5, stage: 'connected' });
    const mapped = new Set(records.services.flatMap((s) => (s.euBasicService === undefined ? [] : [s.euBasicService])));
    expect(r.eu.total).toBe(20);
    expect(r.eu.rows.filter((row) => row.serviceIds.length > 0).map((row) => row.code).sort()).toEqual([...mapped].sort());
    expect(r.eu.fullyOnline).toBe(r.eu.rows.filter((row) => row.level >= 4).length);
  });

  it('finds the portal\'s features by looking at it: privacy page, both languages, open data, other channels', async () => {
    const features = Object.fromEntries((await report()).features.map((f) => [f.feature, f]));
    for (const present of ['digital-identity', 'privacy-statement', 'languages', 'other-channels', 'mobile-access', 'open-data', 'e-participation']) {
      expect(features[present], present).toMatchObject({ present: true });
    }
    expect(features['privacy-statement']?.evidence).toBe('/uk/privacy: 200, /en/privacy: 200');
    expect(features['usage-statistics']?.present).toBe(['/uk/performance', '/uk/statistics', '/api/v1/statistics', '/api/v1/performance'].some((url) => t.app.hasRoute({ method: 'GET', url })));
  });

  it('changes a level when a service loses its online result, its online form, or gains silent consent', async () => {
    const service = byId('civil-status-certificate');
    expect(of(await report(), service.id).level).toBe(4);

    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [{ ...service, resultDelivery: ['post', 'in-person'] }] }, 'test')).ok).toBe(true);
    expect(of(await report(), service.id)).toMatchObject({ level: 3, stage: 'connected' }); // its answers come from the registers

    const { form: _removed, ...withoutForm } = service;
    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [withoutForm] }, 'test')).ok).toBe(true);
    const paperOnly = of(await report(), service.id);
    expect(paperOnly.level).toBe(1);
    expect(paperOnly.checks.find((c) => c.capability === 'online-form')).toEqual({ capability: 'online-form', met: false, reason: 'no-form' });
    expect((await get(`/en/services/${service.id}/form.pdf`)).statusCode).toBe(404);

    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [{ ...service, silentConsent: true }] }, 'test')).ok).toBe(true);
    expect(of(await report(), service.id)).toMatchObject({ level: 5, stage: 'connected' });

    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [service] }, 'test')).ok).toBe(true);
    expect(of(await report(), service.id).level).toBe(4);
  });
});

describe('the pages', () => {
  it('the maturity page in both languages: the EU figure, a row per service with why', async () => {
    const r = await report();
    for (const [lang, figure] of [['en', `Fully online: ${r.eu.fullyOnline} of 20`], ['uk', `Повністю онлайн: ${r.eu.fullyOnline} з 20`]] as const) {
      const res = await get(`/${lang}/maturity`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(figure);
      expect(res.body).toContain('class="app-table-scroll"');
      expect(res.body).toContain(byId('birth-registration').name[lang]);
    }
    expect((await get('/en/maturity')).body).toContain('Online form: <strong>no</strong> (the catalogue has no application form)');
  });

  it('a service page shows its level, and the form to print where the law allows paper', async () => {
    const page = (await get('/en/services/civil-status-certificate')).body;
    expect(page).toContain('Online service level: 4 — transaction');
    expect(page).toContain('href="/en/services/civil-status-certificate/form.pdf"');
    const online = (await get('/uk/services/public-procurement')).body;
    expect(online).toContain('Рівень електронної послуги');
    expect(online).not.toContain('form.pdf');
    expect((await get('/uk/services/public-procurement/form.pdf')).statusCode).toBe(404);
  });

  it('the printable form is a PDF in the page\'s language, built from the service\'s form', async () => {
    const service = byId('civil-status-certificate');
    for (const lang of ['uk', 'en'] as const) {
      const res = await get(`/${lang}/services/${service.id}/form.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await PDFDocument.load(res.rawPayload);
      expect(pdf.getTitle()).toBe(lang === 'uk' ? `Заява: ${service.name.uk}` : `Application: ${service.name.en}`);
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    }
  });

  it('the printable form is the same document until the catalogue changes, then the changed one', async () => {
    const service = byId('civil-status-certificate');
    const title = async () => {
      const res = await get(`/en/services/${service.id}/form.pdf`);
      expect(res.statusCode).toBe(200);
      return { bytes: res.rawPayload, title: (await PDFDocument.load(res.rawPayload)).getTitle() };
    };
    const first = await title();
    expect((await title()).bytes.equals(first.bytes)).toBe(true);
    const renamed = { ...service, name: { ...service.name, en: `${service.name.en}, renamed` } };
    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [renamed] }, 'test')).ok).toBe(true);
    try {
      expect((await title()).title).toBe(`Application: ${service.name.en}, renamed`);
    } finally {
      expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [service] }, 'test')).ok).toBe(true);
    }
    expect((await title()).title).toBe(first.title);
  });
});
