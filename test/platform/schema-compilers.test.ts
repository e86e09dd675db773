/**
 * The response serializers shared by every server a process builds (src/platform/http/schema-compilers.ts):
 * a schema compiled once (by object, or by text for a copy) is reused by the next server, and what it
 * writes is what the schema says.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

import { sharedSchemaCompilers } from '../../src/platform/http/schema-compilers.ts';

const Out = { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } }, required: ['id'] } as const;
const route = (schema: unknown) => ({ method: 'GET', url: '/x', httpStatus: '200', schema });

async function serverWith(schema: object) {
  const app = Fastify({ schemaController: sharedSchemaCompilers });
  app.get('/x', { schema: { response: { 200: schema } } }, async () => ({ id: 'a', count: 2, secret: 'not in the schema' }));
  await app.ready();
  return app;
}

describe('the shared response serializers', () => {
  const build = sharedSchemaCompilers.compilersFactory.buildSerializer;

  it('give the same serializer for the same schema object, also to a compiler built later', () => {
    const first = build({}, {})(route(Out));
    expect(build({}, {})(route(Out))).toBe(first);
    expect(first({ id: 'a', count: 2, secret: 'x' })).toBe('{"id":"a","count":2}');
  });

  it('give the same serializer for a copy of a schema (a schema made anew with each server)', () => {
    const first = build({}, {})(route(Out));
    const copy = JSON.parse(JSON.stringify(Out)) as object;
    expect(build({}, {})(route(copy))).toBe(first);
  });

  it('compile again for another schema, other shared schemas or other options', () => {
    const first = build({}, {})(route(Out));
    const other = { ...Out, properties: { ...Out.properties, count: { type: 'number' } } };
    expect(build({}, {})(route(other))).not.toBe(first);
    expect(build({}, {})(route(other))({ id: 'a', count: 2.5 })).toBe('{"id":"a","count":2.5}');
    expect(build({ Other: { $id: 'Other', type: 'string' } }, {})(route(Out))).not.toBe(first);
    expect(build({}, { rounding: 'ceil' })(route(Out))).not.toBe(first);
  });

  it('serve what the schema says from every server built with them', async () => {
    for (let i = 0; i < 2; i++) {
      const app = await serverWith(Out);
      const res = await app.inject({ method: 'GET', url: '/x' });
      expect(res.json()).toEqual({ id: 'a', count: 2 });
      await app.close();
    }
  });
});
