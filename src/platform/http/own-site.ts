import type { FastifyRequest } from 'fastify';

/**
 * Whether a form comes from this portal's own pages, for forms that carry no session to check a CSRF
 * token against (a centre's kiosk, the development phone page). A browser says where a form comes from
 * in `Sec-Fetch-Site`, sent whatever the referrer policy; without it, `Origin` decides, which the
 * portal's no-referrer policy turns into "null" and a non-browser client leaves out.
 */
export function fromOwnSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) {
    return site === 'same-origin' || site === 'none';
  }
  const origin = request.headers.origin;
  return origin === undefined || origin === 'null' || origin === `${request.protocol}://${request.headers.host ?? ''}`;
}
