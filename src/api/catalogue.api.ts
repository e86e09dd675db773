import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from '@sinclair/typebox';

import type { CatalogueService } from '../modules/catalogue/index.ts';
import { SearchApiParams, toSearchQuery, unknownFilterReferences } from '../modules/catalogue/index.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';
import { IdParams, ListOf } from './api-schemas.ts';

const PROBLEM = { $ref: 'Problem#' };
const errors = { 400: PROBLEM, 404: PROBLEM };
const PUBLIC_ROUTE = { auth: { kind: 'public' } } as const;

/** Answers 304 when the client already holds this catalogue revision; otherwise tags the reply. */
function notModified(request: FastifyRequest, reply: FastifyReply, revision: number): boolean {
  const etag = `"c${revision}"`;
  void reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
  const match = request.headers['if-none-match'];
  return typeof match === 'string' && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag);
}

function notFound(request: FastifyRequest, reply: FastifyReply, what: string, id: string) {
  return sendProblem(reply, {
    type: `${PROBLEM_BASE}not-found`,
    title: 'Not found',
    status: 404,
    code: 'catalogue.not_found',
    detail: `There is no ${what} "${id}" in the catalogue`,
    instance: request.url,
  });
}

export function registerCatalogueApi(app: FastifyInstance, catalogue: CatalogueService): void {
  app.get('/api/v1/services', {
    config: PUBLIC_ROUTE,
    schema: {
      summary: 'Search and list services',
      tags: ['catalogue'],
      querystring: SearchApiParams,
      response: { 200: { $ref: 'ServicePage#' }, ...errors },
    },
    handler: async (request, reply) => {
      const params = request.query as Static<typeof SearchApiParams>;
      const [organisations, events] = await Promise.all([catalogue.organisations(), catalogue.events()]);
      const unknown = unknownFilterReferences(params, { organisations: organisations.value, events: events.value }).map((field) => ({
        pointer: `/${field}`,
        detail: field === 'agency' ? `no organisation "${params.agency}"` : `no event "${params.event}"`,
      }));
      if (unknown.length > 0) {
        return sendProblem(reply, { type: `${PROBLEM_BASE}invalid-query`, title: 'Invalid query parameters', status: 400, code: 'request.invalid', errors: unknown, instance: request.url });
      }
      const query = toSearchQuery(params, 20);
      const result = await catalogue.search(query);
      if (notModified(request, reply, result.revision)) {
        return reply.code(304).send();
      }
      const { total, items, facets } = result.value;
      return { total, page: query.page, pageSize: query.pageSize, items, facets };
    },
  });

  app.get('/api/v1/services/:id', {
    config: PUBLIC_ROUTE,
    schema: { summary: 'One service with its full information card', tags: ['catalogue'], params: IdParams, response: { 200: { $ref: 'Service#' }, ...errors } },
    handler: async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const found = await catalogue.service(id);
      if (!found.value) {
        return notFound(request, reply, 'service', id);
      }
      return notModified(request, reply, found.revision) ? reply.code(304).send() : found.value;
    },
  });

  const collections = [
    { path: 'organisations', what: 'organisation', ref: 'Organisation', load: () => catalogue.organisations() },
    { path: 'centres', what: 'service centre', ref: 'Centre', load: () => catalogue.centres() },
    { path: 'events', what: 'event', ref: 'Event', load: () => catalogue.events() },
  ] as const;
  for (const c of collections) {
    app.get(`/api/v1/${c.path}`, {
      config: PUBLIC_ROUTE,
      schema: { summary: `All ${c.path}`, tags: ['catalogue'], querystring: Type.Object({}, { additionalProperties: false }), response: { 200: ListOf(c.ref), ...errors } },
      handler: async (request, reply) => {
        const all = await c.load();
        return notModified(request, reply, all.revision) ? reply.code(304).send() : { total: all.value.length, items: all.value };
      },
    });
    app.get(`/api/v1/${c.path}/:id`, {
      config: PUBLIC_ROUTE,
      schema: { summary: `One ${c.what}`, tags: ['catalogue'], params: IdParams, response: { 200: { $ref: `${c.ref}#` }, ...errors } },
      handler: async (request, reply) => {
        const { id } = request.params as Static<typeof IdParams>;
        const all = await c.load();
        const found = (all.value as ReadonlyArray<{ id: string }>).find((r) => r.id === id);
        if (!found) {
          return notFound(request, reply, c.what, id);
        }
        return notModified(request, reply, all.revision) ? reply.code(304).send() : found;
      },
    });
  }

  app.get('/api/v1/catalogue.jsonld', {
    config: PUBLIC_ROUTE,
    schema: { summary: 'The whole catalogue as CPSV-AP 3.2.0 JSON-LD', tags: ['catalogue'], querystring: Type.Object({}, { additionalProperties: false }) },
    handler: async (request, reply) => {
      const doc = await catalogue.exportJsonLd();
      if (notModified(request, reply, doc.revision)) {
        return reply.code(304).send();
      }
      return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(doc.value));
    },
  });
}
