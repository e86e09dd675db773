import { createHash, timingSafeEqual } from 'node:crypto';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { createPortalMetrics, UNMATCHED_ROUTE } from '../platform/metrics/index.ts';
import { PUBLIC } from '../web/common/route-table.ts';
import type { Services } from './container.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Times every answered request by its route pattern (never the raw URL: a request no route matched
 * is `unmatched`), and serves `GET /metrics` in the Prometheus text format. The route is not for
 * people: the gate lets everyone through (no session can open it) and the handler asks for
 * METRICS_TOKEN as a bearer token (401 without it); with no token configured it is a 404, except in
 * development on a loopback address, where it is open (docs/operations.md, "Metrics").
 */
export function registerMetrics(app: FastifyInstance, services: Pick<Services, 'config' | 'db' | 'reads' | 'clock' | 'auditLog' | 'jobRuns'>): void {
  const metrics = createPortalMetrics({ db: services.db, reads: services.reads, clock: services.clock, auditLog: services.auditLog, jobs: services.jobRuns });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
  });
  const { token, openWithoutToken } = services.config.metrics;
  app.get('/metrics', { schema: { hide: true }, config: { auth: PUBLIC } }, async (request, reply) => {
    if (token === null && !openWithoutToken) {
      return reply.callNotFound();
    }
    if (token !== null && !bearerMatches(request, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').header('cache-control', 'no-store').send({ status: 'unauthorized' });
    }
    const text = await metrics.render();
    return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(text);
  });
}
