import type { FastifyInstance, FastifyRequest } from 'fastify';

import { type Reads, walPositionOf } from '../platform/db/reads.ts';

/** The cookie holding the browser's last write's WAL position (ADR 0018). */
export const READ_FLOOR_COOKIE = 'portico_read_floor';
/** How long the cookie lives: the replica's lag stays far below it (docs/operations.md alerts on a lag of seconds). */
const READ_FLOOR_SECONDS = 60;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Read-your-writes at the web edge, only when a replica is configured (ADR 0018): a request that may
 * write (POST, PUT, PATCH, DELETE, and a GET route declared `writes`) reads the primary, and its answer carries the primary's WAL
 * position after its commits in a cookie; a later request with that cookie reads the replica once the
 * replica has replayed that position (else the primary). A request without the cookie reads the replica.
 */
export function registerReadScope(app: FastifyInstance, reads: Reads, secureCookies: boolean): void {
  if (!reads.replicated) {
    return;
  }
  const writes = (request: FastifyRequest) => WRITES.has(request.method) || request.routeOptions.config.writes === true;
  app.addHook('preHandler', (request, _reply, done) => {
    const primary = writes(request);
    reads.within({ primary, floor: primary ? null : walPositionOf(request.cookies[READ_FLOOR_COOKIE]) }, done);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (writes(request) && reply.statusCode < 400) {
      const position = await reads.writePosition();
      if (position !== null) {
        void reply.setCookie(READ_FLOOR_COOKIE, position, { path: '/', httpOnly: true, secure: secureCookies, sameSite: 'lax', maxAge: READ_FLOOR_SECONDS });
      }
    }
    return payload;
  });
}
