/**
 * The open API's token endpoint (RFC 6749 §3.2; ADR 0026): client credentials for partners, the
 * authorization code with PKCE (S256) for public clients. The consent page that issues codes is a
 * web page (web/oauth). Refusals are problem documents carrying the OAuth `error` as well.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';

import type { ApiAccess, OAuthFailure, TokenResponse } from '../modules/api-access/index.ts';
import type { Result } from '../kernel/result.ts';
import { PROBLEM_BASE } from '../platform/http/problem.ts';

const Field = (description: string) => Type.Optional(Type.String({ maxLength: 2000, description }));
const TokenRequest = Type.Object({
  grant_type: Type.String({ maxLength: 40, description: 'client_credentials (partners) or authorization_code (public clients)' }),
  client_id: Field('The client (else in HTTP Basic authentication)'),
  client_secret: Field('A partner\'s secret (else in HTTP Basic authentication)'),
  scope: Field('Space-separated scopes within the client\'s (client_credentials)'),
  code: Field('The authorization code (authorization_code)'),
  redirect_uri: Field('The redirect URI the code was issued for (authorization_code)'),
  code_verifier: Field('The PKCE verifier (authorization_code)'),
}, { additionalProperties: false });
const TokenOut = Type.Object({ access_token: Type.String(), token_type: Type.Literal('Bearer'), expires_in: Type.Integer(), scope: Type.String() });
// A problem document (a malformed request's too, which has no OAuth `error`) with the OAuth error when there is one.
const OAuthProblem = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.Optional(Type.String()), error: Type.Optional(Type.String()), detail: Type.Optional(Type.String()), instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
});

/** HTTP Basic client authentication (RFC 6749 §2.3.1: each part form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return null;
  }
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return null;
  }
}

function refuse(request: FastifyRequest, reply: FastifyReply, f: OAuthFailure): FastifyReply {
  if (f.status === 401) {
    void reply.header('www-authenticate', 'Basic realm="portico"');
  }
  return reply.code(f.status).header('cache-control', 'no-store').type('application/problem+json; charset=utf-8')
    .send({ type: `${PROBLEM_BASE}${f.code.replace(/[._]/g, '-')}`, title: 'Token request refused', status: f.status, code: f.code, error: f.error, detail: f.detail, instance: request.url });
}

export function registerOAuthApi(app: FastifyInstance, access: ApiAccess): void {
  app.post('/api/v1/oauth/token', {
    config: { auth: { kind: 'public' }, rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      summary: 'Access tokens: client_credentials (partners, HTTP Basic or client_secret_post) and authorization_code with PKCE S256 (public clients)',
      tags: ['oauth'], consumes: ['application/x-www-form-urlencoded'], body: TokenRequest,
      response: { 200: TokenOut, 400: OAuthProblem, 401: OAuthProblem },
    },
  }, async (request, reply) => {
    const body = request.body as Partial<Record<keyof typeof TokenRequest.properties, string>>;
    const basic = basicCredentials(request.headers.authorization);
    let outcome: Result<TokenResponse, OAuthFailure>;
    if (body.grant_type === 'client_credentials') {
      const id = basic?.id ?? body.client_id;
      const secret = basic?.secret ?? body.client_secret;
      outcome = id === undefined || secret === undefined
        ? { ok: false, error: { status: 401, error: 'invalid_client', code: 'oauth.client_authentication_failed', detail: 'Client authentication is required' } }
        : await access.clientCredentials(id, secret, body.scope);
    } else if (body.grant_type === 'authorization_code') {
      const missing = (['client_id', 'code', 'redirect_uri', 'code_verifier'] as const).filter((k) => body[k] === undefined);
      outcome = missing.length > 0
        ? { ok: false, error: { status: 400, error: 'invalid_request', code: 'oauth.parameter_missing', detail: `Missing: ${missing.join(', ')}` } }
        : await access.authorizationCode({ clientId: body.client_id as string, code: body.code as string, redirectUri: body.redirect_uri as string, codeVerifier: body.code_verifier as string });
    } else {
      outcome = { ok: false, error: { status: 400, error: 'unsupported_grant_type', code: 'oauth.grant_type_unsupported', detail: 'Only client_credentials and authorization_code' } };
    }
    return outcome.ok ? reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(outcome.value) : refuse(request, reply, outcome.error);
  });
}
