import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, testApp } from '../support/app.ts';
import { aCatalogue, aService } from '../support/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const imported = await t.services.catalogue.importRecords(
    aCatalogue({ services: [aService(), aService({ id: 'birth-grant', identifier: '03/01', name: { uk: 'Допомога при народженні дитини', en: 'Birth grant' }, description: { uk: 'Виплата.', en: 'A payment.' }, keywords: { uk: [], en: [] }, eventIds: ['birth-of-child'], costs: [], channels: [{ type: 'post' }] })] }),
    'test',
  );
  expect(imported.ok).toBe(true);
});
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('catalogue API', () => {
  it('lists services with paging, counts and facets', async () => {
    const res = await get('/api/v1/services?pageSize=1');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ total: number; page: number; pageSize: number; items: Array<{ id: string; version: number }>; facets: { channel: unknown[] } }>();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(body.items).toHaveLength(1);
    expect(body.facets.channel).toEqual(expect.arrayContaining([{ value: 'post', count: 1 }, { value: 'online', count: 1 }]));
  });

  it('searches and filters', async () => {
    expect((await get('/api/v1/services?q=passport')).json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toEqual(['foreign-passport']);
    expect((await get('/api/v1/services?event=birth-of-child')).json<{ total: number }>().total).toBe(1);
    expect((await get('/api/v1/services?online=no')).json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toEqual(['birth-grant']);
  });

  it('returns one service with its whole card and version', async () => {
    const res = await get('/api/v1/services/foreign-passport');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...aService(), version: 1 });
  });

  it('answers 304 to a client that holds the current revision, and a new ETag after an edit', async () => {
    const first = await get('/api/v1/services/foreign-passport');
    const etag = String(first.headers.etag);
    expect((await get('/api/v1/services/foreign-passport', { 'if-none-match': etag })).statusCode).toBe(304);
    await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [aService({ popularity: 99 })] }, 'test');
    const after = await get('/api/v1/services/foreign-passport', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.json<{ version: number }>().version).toBe(2);
    expect(after.headers.etag).not.toBe(etag);
  });

  it.each([
    ['/api/v1/services?page=0', '/page'],
    ['/api/v1/services?pageSize=500', '/pageSize'],
    ['/api/v1/services?audience=aliens', '/audience'],
    ['/api/v1/services?colour=red', '/colour'],
    ['/api/v1/services?agency=nobody', '/agency'],
    ['/api/v1/services/NOT_A_SLUG', '/id'],
    ['/api/v1/organisations?x=1', '/x'],
  ])('%s is a 400 problem naming %s', async (url, pointer) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = res.json<{ status: number; title: string; errors: Array<{ pointer: string; detail: string }> }>();
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.pointer)).toContain(pointer);
  });

  it('answers an unknown record or path with a 404 problem', async () => {
    for (const url of ['/api/v1/services/nothing', '/api/v1/organisations/nobody', '/api/v1/centres/none', '/api/v1/events/none', '/api/v2/anything']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    }
  });

  it('lists organisations, centres and events', async () => {
    for (const [path, id] of [['organisations', 'migration-service'], ['centres', 'dniprohrad-cnap'], ['events', 'birth-of-child']] as const) {
      const list = (await get(`/api/v1/${path}`)).json<{ total: number; items: Array<{ id: string }> }>();
      expect(list.items.map((i) => i.id)).toContain(id);
      expect((await get(`/api/v1/${path}/${id}`)).json<{ id: string }>().id).toBe(id);
    }
  });

  it('serves the catalogue as JSON-LD', async () => {
    const res = await get('/api/v1/catalogue.jsonld');
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(JSON.stringify(res.json())).toContain('foreign-passport');
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every API route with the schemas the routes validate with', async () => {
    const doc = (await get('/api/openapi.json')).json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/appointments',
      '/api/v1/appointments/offers',
      '/api/v1/appointments/slots',
      '/api/v1/appointments/{id}',
      '/api/v1/appointments/{id}/cancel',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/documents/{documentId}',
      '/api/v1/cases/{id}/information-request/answer',
      '/api/v1/cases/{id}/payments',
      '/api/v1/catalogue.jsonld',
      '/api/v1/centres',
      '/api/v1/centres/{id}',
      '/api/v1/drafts',
      '/api/v1/drafts/{draftId}',
      '/api/v1/drafts/{draftId}/files',
      '/api/v1/drafts/{draftId}/pages/{pageId}',
      '/api/v1/drafts/{draftId}/submit',
      '/api/v1/events',
      '/api/v1/events/{id}',
      '/api/v1/inbox',
      '/api/v1/inbox/unread-count',
      '/api/v1/inbox/{id}',
      '/api/v1/maturity',
      '/api/v1/oauth/token',
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/services',
      '/api/v1/services/{id}',
      '/api/v1/transparency/audit/checkpoints',
      '/api/v1/transparency/audit/checkpoints/latest',
      '/api/v1/transparency/audit/proofs/consistency',
      '/api/v1/transparency/audit/proofs/inclusion',
      '/api/v1/transparency/audit/public-key',
    ]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Service', 'Problem', 'ServicePage']));
    // Its schemas are valid JSON Schema 2020-12, the dialect of OpenAPI 3.1.
    const ajv = new Ajv2020({ strict: false });
    for (const schema of Object.values(doc.components.schemas)) {
      expect(ajv.validateSchema(schema as object)).toBe(true);
    }
  });
});

describe('health', () => {
  it('is alive and ready', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).json()).toEqual({ status: 'ready' });
  });
});
