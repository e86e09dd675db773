import type { FastifyReply, FastifyRequest } from 'fastify';

import type { ApiAccess, AuthorizeRefusal } from '../../modules/api-access/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { formString } from '../common/form-values.ts';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { ConsentPage, ConsentRefusedPage, REQUEST_FIELDS } from './consent.page.tsx';

/** A redirect URI with the answer's parameters added (RFC 6749 §4.1.2). */
function withParams(uri: string, params: Readonly<Record<string, string | null>>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null) {
      url.searchParams.set(k, v);
    }
  }
  return url.href;
}

/** The CSP source of a redirect URI, so the consent form may be answered by a redirect there (form-action covers redirects). */
const sourceOf = (uri: string): string => {
  const url = new URL(uri);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
};

function refused(request: FastifyRequest, reply: FastifyReply, refusal: AuthorizeRefusal): FastifyReply {
  return refusal.to === 'person'
    ? sendPage(reply, 400, <ConsentRefusedPage ctx={pageContext(request)} code={refusal.code} />)
    : reply.redirect(withParams(refusal.redirectUri, { error: refusal.error, error_description: refusal.code, state: refusal.state }), 303);
}

/**
 * The authorization endpoint of the open API (ADR 0026): a public client sends the person here; the
 * gate signs them in through the same eID sign-in as the web; the page names the client and the scopes;
 * allowing issues a one-time code for the client's registered redirect URI (PKCE S256 required).
 */
export function oauthRoutes(deps: { access: ApiAccess }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const { access } = deps;
  return [
    route(PATHS.oauthAuthorize, 'GET', SIGNED_IN, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const checked = await access.authorization.check(Object.fromEntries(REQUEST_FIELDS.map((k) => [k, typeof query[k] === 'string' ? query[k] : undefined])));
      if (!checked.ok) {
        return refused(request, reply, checked.error);
      }
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') {
        void reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${sourceOf(checked.value.redirectUri)}`));
      }
      return sendPage(reply, 200, <ConsentPage ctx={pageContext(request)} request={checked.value} csrf={me(request).session.csrfToken} />);
    }),
    route(PATHS.oauthAuthorize, 'POST', SIGNED_IN, async (request, reply) => {
      const body = request.body;
      const checked = await access.authorization.check(Object.fromEntries(REQUEST_FIELDS.map((k) => [k, formString(body, k) || undefined])));
      if (!checked.ok) {
        return refused(request, reply, checked.error);
      }
      const { redirectUri, state } = checked.value;
      if (formString(body, 'decision') !== 'allow') {
        return reply.redirect(withParams(redirectUri, { error: 'access_denied', state }), 303);
      }
      const code = await access.authorization.consent(me(request), checked.value);
      return reply.redirect(withParams(redirectUri, { code, state }), 303);
    }),
  ];
}
