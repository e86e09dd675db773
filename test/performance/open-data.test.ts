/**
 * The performance pages in both languages and the open data over HTTP: each dataset's JSON against its JSON
 * Schema and its CSV against its CSVW columns, small cells empty, the daily snapshots by date, and the
 * DCAT-AP catalogue against the official DCAT-AP 3 SHACL shapes.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedScale } from '../../src/cli/seed-scale.ts';
import { kyivDay } from '../../src/kernel/state-time.ts';
import { DATASETS, OPEN_DATASETS } from '../../src/modules/performance/index.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { validateDcatAp } from './dcat-shacl.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let t: TestApp;
let serviceId: string;
let agencyId: string;

beforeAll(async () => {
  t = await testApp();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  expect(await seedScale({ db: t.services.db, url: null }, { persons: 300, organisations: 10, cases: 600 })).toBeNull();
  await t.services.performance.refresh({ batch: 1000, maxBatches: 1000 });
  const [top] = await t.services.db.query<{ service_id: string; organisation_id: string }>(
    'SELECT service_id, organisation_id FROM cases GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1',
  );
  serviceId = top?.service_id ?? '';
  agencyId = top?.organisation_id ?? '';
}, 600_000);
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the performance pages', () => {
  it('render the nation, an agency and a service in both languages, each chart an image with a title and a table', async () => {
    for (const lang of ['uk', 'en'] as const) {
      for (const url of [`/${lang}/performance`, `/${lang}/performance/agencies/${agencyId}`, `/${lang}/performance/services/${serviceId}`]) {
        const page = await get(url);
        expect(page.statusCode, url).toBe(200);
        expect(page.body).toContain(`<html lang="${lang}"`);
        const charts = [...page.body.matchAll(/<svg [^>]*role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/g)];
        expect(charts.length).toBeGreaterThanOrEqual(3);
        for (const [, title, table] of charts) {
          expect(page.body).toContain(`<title id="${title}">`);
          expect(page.body).toContain(`<table class="govuk-table" id="${table}">`);
        }
        expect(page.body).not.toContain('<script');
      }
    }
    const en = (await get('/en/performance')).body;
    expect(en).toContain('How services perform');
    expect(en).toContain('href="/open-data/catalog.jsonld"');
    expect((await get('/uk/performance')).body).toContain('Показники надання послуг');
  });

  it('show the figures the aggregates hold', async () => {
    const figures = await t.services.performance.figures({ kind: 'nation' });
    expect(figures.total.applicationsTotal).toBeGreaterThan(0);
    const page = (await get('/en/performance')).body;
    expect(page).toContain(`>${(figures.total.applicationsTotal ?? 0).toLocaleString('en-GB')}<`);
  });

  it('are sent as rendered while the aggregates keep their generation, and rendered anew once it moves', async () => {
    const urls = ['/en/performance', `/en/performance/agencies/${agencyId}`, `/uk/performance/services/${serviceId}`];
    const before = await Promise.all(urls.map(async (u) => (await get(u)).body));
    // More applications in the roll-ups this month, the generation not moved: the pages stay as they were.
    const [month] = await t.services.db.query<{ month: string }>("SELECT max(month)::text AS month FROM performance_case_months WHERE service_id = $1", [serviceId]);
    const moveGeneration = () => t.services.db.query('UPDATE performance_refresh SET generation = generation + 1 WHERE source = (SELECT min(source) FROM performance_refresh)');
    const add = (n: number) => t.services.db.query('UPDATE performance_case_months SET submitted = submitted + $3 WHERE service_id = $1 AND month = $2::date', [serviceId, month?.month, n]);
    await add(100_000);
    try {
      expect(await Promise.all(urls.map(async (u) => (await get(u)).body))).toEqual(before);
      // The generation moves (as a run of the job that changed an aggregate moves it): every page shows the new figures.
      await moveGeneration();
      const after = await Promise.all(urls.map(async (u) => (await get(u)).body));
      for (const [i, body] of after.entries()) {
        expect(body, urls[i]).not.toEqual(before[i]);
      }
      expect(after[0]).toContain(`>${((await t.services.performance.figures({ kind: 'nation' })).total.applicationsTotal ?? 0).toLocaleString('en-GB')}<`);
    } finally {
      await add(-100_000);
      await moveGeneration();
    }
  });

  it('are linked from the service page, and a missing agency or service is a 404', async () => {
    expect((await get(`/en/services/${serviceId}`)).body).toContain(`href="/en/performance/services/${serviceId}"`);
    expect((await get('/en/performance/agencies/no-such-agency')).statusCode).toBe(404);
    expect((await get('/uk/performance/services/no-such-service')).statusCode).toBe(404);
  });
});

describe('the open data', () => {
  it('gives every dataset as JSON valid against its JSON Schema and as CSV with the columns of its CSVW metadata', async () => {
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
    for (const id of OPEN_DATASETS) {
      const schema = await get(`/open-data/${id}.schema.json`);
      expect(schema.statusCode).toBe(200);
      const validate = ajv.compile(schema.json());
      const json = await get(`/open-data/${id}.json`);
      expect(json.headers['content-type']).toContain('application/json');
      const doc = json.json<{ dataset: string; rows: unknown[] }>();
      expect(validate(doc), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const csvw = (await get(`/open-data/${id}.csv-metadata.json`)).json<{ url: string; tableSchema: { columns: Array<{ name: string }> } }>();
      expect(csvw.url).toBe(`http://portal.test/open-data/${id}.csv`);
      const csv = await get(`/open-data/${id}.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.split('\r\n').filter((l) => l !== '');
      expect(lines[0]).toBe(csvw.tableSchema.columns.map((c) => c.name).join(','));
      expect(lines.length - 1).toBe(doc.rows.length);
    }
    expect((await get('/open-data/services.json')).json<{ rows: unknown[] }>().rows.length).toBe((await demoRecords()).services.length);
  });

  it('leaves cells of 1 to 4 people empty', async () => {
    const rows = (await get('/open-data/applications.json')).json<{ rows: Array<{ month: string; organisation_id: string; service_id: string; channel: string; applications: number | null }> }>().rows;
    const raw = await t.services.db.query<{ month: string; service_id: string; channel: string; n: number }>(
      `SELECT date_trunc('month', day)::date::text AS month, service_id, channel, sum(submitted)::int AS n FROM performance_case_days GROUP BY 1, 2, 3 HAVING sum(submitted) > 0`,
    );
    const small = raw.filter((r) => r.n < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const r of raw) {
      const row = rows.find((x) => x.month === r.month && x.service_id === r.service_id && x.channel === r.channel);
      expect(row?.applications).toBe(r.n < 5 ? null : r.n);
    }
    const s = small[0];
    const line = (await get('/open-data/applications.csv')).body.split('\r\n').find((l) => l.startsWith(`${s?.month},`) && l.includes(`,${s?.service_id},${s?.channel},`));
    expect(line).toMatch(/,$/);
  });

  it('keeps each day\'s snapshot downloadable by date', async () => {
    const today = kyivDay(t.services.clock.now());
    const snap = await get(`/open-data/applications/${today}.csv`);
    expect(snap.statusCode).toBe(200);
    expect(snap.body.split('\r\n')[0]).toBe(DATASETS.applications.columns.map((c) => c.name).join(','));
    // An older day's snapshot stays; a day without one is a 404.
    await t.services.db.query(`INSERT INTO open_data_snapshots (day, dataset, format, content, created_at) VALUES ('2026-01-05', 'decisions', 'json', '{"dataset":"decisions","day":"2026-01-05","rows":[]}', now())`);
    expect((await get('/open-data/decisions/2026-01-05.json')).json()).toEqual({ dataset: 'decisions', day: '2026-01-05', rows: [] });
    expect((await get('/open-data/decisions/2026-01-06.json')).statusCode).toBe(404);
    expect((await get('/open-data/decisions/latest.json')).statusCode).toBe(404);
    expect((await get('/open-data/nothing.csv')).statusCode).toBe(404);
    // A second run the same day writes no second snapshot.
    expect((await t.services.performance.refresh()).snapshot).toBe(false);
  });

  it('is described by a DCAT-AP catalogue that conforms to the official DCAT-AP 3 SHACL shapes', async () => {
    const res = await get('/open-data/catalog.jsonld');
    expect(res.headers['content-type']).toContain('application/ld+json');
    const doc = res.json<{ 'dcat:dataset': Array<{ 'dct:identifier': string; 'dcat:distribution': Array<{ 'dcat:accessURL': { '@id': string } }> }> }>();
    expect(doc['dcat:dataset'].map((d) => d['dct:identifier'])).toEqual([...OPEN_DATASETS]);
    const services = doc['dcat:dataset'].find((d) => d['dct:identifier'] === 'services');
    expect(services?.['dcat:distribution'].map((d) => d['dcat:accessURL']['@id'])).toEqual(
      ['http://portal.test/open-data/services.csv', 'http://portal.test/open-data/services.json', 'http://portal.test/api/v1/catalogue.jsonld'],
    );
    const report = await validateDcatAp(doc);
    expect(report.violations).toEqual([]);
    // The shapes do bite: a dataset without a description violates them.
    const broken = structuredClone(doc) as unknown as { 'dcat:dataset': Array<Record<string, unknown>> };
    delete broken['dcat:dataset'][0]?.['dct:description'];
    expect((await validateDcatAp(broken)).violations.length).toBeGreaterThan(0);
  }, 120_000);
});
