/**
 * The open-data files rendered once per generation of the aggregates and stored, on PGlite and PostgreSQL:
 * a change found by the job (a case rated) starts a new generation, whose data files the job stores (and
 * drops the older ones); a run that finds nothing new keeps the generation and its files; each process
 * serves those bytes over HTTP with its caching headers, a second process serves the same bytes without
 * computing them again, and a generation the job has not published yet is rendered by the first process
 * asked and stored for the others, the job storing the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedScale } from '../../src/cli/seed-scale.ts';
import { OPEN_DATASETS } from '../../src/modules/performance/index.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';

let t: TestApp;
let other: TestApp;

beforeAll(async () => {
  t = await testApp();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  expect(await seedScale({ db: t.services.db, url: null }, { persons: 200, organisations: 10, cases: 300 })).toBeNull();
  await t.services.performance.refresh({ batch: 1000, maxBatches: 1000 });
  other = await testApp({}, { database: { db: t.services.db } });
}, 600_000);
afterAll(async () => {
  await other.close();
  await t.close();
});

const generation = async () => Number((await t.services.db.query<{ g: string }>('SELECT sum(generation)::text AS g FROM performance_refresh'))[0]?.g);
const stored = (g: number) => t.services.db.query<{ name: string; content: string }>('SELECT name, content FROM open_data_files WHERE generation = $1 ORDER BY name', [g]);
/** A case rated now: the job's recount of the ratings finds a change. */
const rateOne = () => t.services.db.query('UPDATE cases SET rating = 4, rated_at = $1 WHERE id = (SELECT id FROM cases WHERE rating IS NULL ORDER BY id LIMIT 1)', [t.services.clock.now()]);
const tamper = (g: number, name: string) => t.services.db.query(`UPDATE open_data_files SET content = content || '"marked"' WHERE generation = $1 AND name = $2`, [g, name]);

describe('the open-data files', () => {
  it('are rendered by the job once per generation, stored, and served as stored by every process', async () => {
    const before = await generation();
    const idle = await t.services.performance.refresh();
    expect([idle.files, await generation()]).toEqual([false, before]);
    await rateOne();
    const run = await t.services.performance.refresh();
    expect(run.files).toBe(true);
    const g = await generation();
    expect(g).toBeGreaterThan(before);
    expect((await t.services.performance.refresh()).files).toBe(false);
    expect(await generation()).toBe(g);
    const files = await stored(g);
    expect(files.map((f) => f.name)).toEqual(OPEN_DATASETS.flatMap((id) => [`${id}.csv`, `${id}.json`]).sort());
    // The older generations' files are gone.
    expect((await t.services.db.query<{ g: string }>('SELECT DISTINCT generation::text AS g FROM open_data_files')).map((r) => Number(r.g))).toEqual([g]);
    for (const f of files) {
      const res = await t.app.inject({ method: 'GET', url: `/open-data/${f.name}` });
      expect(res.statusCode).toBe(200);
      expect(res.body, f.name).toBe(f.content);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    }
    // A second process serves the same bytes; a file changed in the table shows that it reads them rather than computing its own.
    await tamper(g, 'decisions.csv');
    const same = await other.app.inject({ method: 'GET', url: '/open-data/decisions.json' });
    expect(same.body).toBe(files.find((f) => f.name === 'decisions.json')?.content);
    const read = await other.app.inject({ method: 'GET', url: '/open-data/decisions.csv' });
    expect(read.body).toBe(`${files.find((f) => f.name === 'decisions.csv')?.content ?? ''}"marked"`);
  });

  it('of a generation the job has not published are rendered by the first process asked and stored for the others', async () => {
    await t.services.db.query("UPDATE performance_refresh SET generation = generation + 1 WHERE source = 'recounts'");
    const g = await generation();
    expect(await stored(g)).toEqual([]);
    const first = await t.app.inject({ method: 'GET', url: '/open-data/applications.csv' });
    expect(first.statusCode).toBe(200);
    expect(await stored(g)).toEqual([{ name: 'applications.csv', content: first.body }]);
    await tamper(g, 'applications.csv');
    const second = await other.app.inject({ method: 'GET', url: '/open-data/applications.csv' });
    expect(second.body).toBe(`${first.body}"marked"`);
    // The next run of the job stores the generation's other files, keeping the one served already.
    expect((await t.services.performance.refresh()).files).toBe(true);
    expect(await generation()).toBe(g);
    const all = await stored(g);
    expect(all.length).toBe(OPEN_DATASETS.length * 2);
    expect(all.find((f) => f.name === 'applications.csv')?.content).toBe(`${first.body}"marked"`);
    // A change starts the next generation: its files stored, this one's dropped.
    await rateOne();
    expect((await t.services.performance.refresh()).files).toBe(true);
    expect(await stored(g)).toEqual([]);
    expect((await stored(await generation())).length).toBe(OPEN_DATASETS.length * 2);
  });
});
