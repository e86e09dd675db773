/**
 * The gate in front of every route of the open API (ADR 0026): the bearer token, the client's rate
 * limit, then the one authorization policy (`authorizeApi`, `partnerBasis` in modules/identity) and
 * whom the call stands for. Every refusal is a problem document with a stable code; every call of a
 * known client is audited with its outcome.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { ApiAccess } from '../modules/api-access/index.ts';
import { type ApiCaller, type ApiPrincipals, type Requirement, type SignedIn, authorizeApi } from '../modules/identity/index.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';

/** The header naming the person a partner acts for (their national id). */
export const ON_BEHALF_HEADER = 'x-portico-on-behalf-of';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API client of this call, once its token is checked. */
    apiCaller: ApiCaller | null;
    /** Whom the call stands for, once the policy let it through. */
    apiPrincipal: SignedIn | null;
  }
}

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too many requests' };

export function apiRefusal(request: FastifyRequest, reply: FastifyReply, status: 400 | 401 | 403 | 429, code: string, detail: string): FastifyReply {
  if (status === 401) {
    void reply.header('www-authenticate', `Bearer error="invalid_token", error_description="${code}"`);
  }
  return sendProblem(reply, { type: `${PROBLEM_BASE}${code.replace(/[._]/g, '-')}`, title: TITLES[status] ?? 'Refused', status, code, detail, instance: request.url });
}

/** The API's scope: the audit of each call of a known client, on the way out. */
export function registerApiAudit(app: FastifyInstance, access: ApiAccess): void {
  app.decorateRequest('apiCaller', null);
  app.decorateRequest('apiPrincipal', null);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.apiCaller !== null) {
      const onBehalf = request.headers[ON_BEHALF_HEADER];
      await access.recordCall({
        clientId: request.apiCaller.clientId, personId: request.apiPrincipal?.person.id ?? null, method: request.method,
        route: request.routeOptions.url ?? request.url, status: reply.statusCode, onBehalfOf: typeof onBehalf === 'string' ? onBehalf.slice(0, 20) : null,
      });
    }
    return payload;
  });
}

const bearerOf = (header: string | undefined): string | null => {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header ?? '');
  return match ? (match[1] as string) : null;
};

/** The gate of an API route requiring `need` (its preValidation hook). */
export function apiGate(access: ApiAccess, principals: ApiPrincipals) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const need = request.routeOptions.config.auth as Extract<Requirement, { kind: 'api' }>;
    const token = bearerOf(request.headers.authorization);
    if (token === null) {
      return apiRefusal(request, reply, 401, 'api.token_missing', 'An access token is required (Authorization: Bearer)');
    }
    const verified = await access.verify(token);
    if (!verified.ok) {
      return apiRefusal(request, reply, 401, verified.error, verified.error === 'api.token_expired' ? 'The access token has expired' : 'The access token is not valid');
    }
    const { caller, rateLimitPerMinute } = verified.value;
    request.apiCaller = caller;
    const verdict = await access.hit(caller.clientId, rateLimitPerMinute);
    if (!verdict.allowed) {
      void reply.header('retry-after', String(verdict.retryAfterSeconds));
      return apiRefusal(request, reply, 429, 'api.rate_limited', `More than ${rateLimitPerMinute} calls a minute`);
    }
    const onBehalf = request.headers[ON_BEHALF_HEADER];
    const decision = authorizeApi(caller, need, typeof onBehalf === 'string' ? onBehalf : null);
    if (!decision.allowed) {
      return apiRefusal(request, reply, decision.status, decision.code, `Refused by the authorization policy (${decision.code})`);
    }
    const principal = caller.kind === 'public' ? await principals.person(caller) : await principals.underMandate(caller, decision.person.kind === 'national-id' ? decision.person.nationalId : '');
    if (principal === null) {
      return caller.kind === 'public'
        ? apiRefusal(request, reply, 401, 'api.token_invalid', 'The person of the token is unknown')
        : apiRefusal(request, reply, 403, 'api.no_mandate', 'The person has granted the partner\'s organisation no mandate in force');
    }
    request.apiPrincipal = principal;
    return undefined;
  };
}

/** The person a gated handler acts for (the gate set it). */
export function principalOf(request: FastifyRequest): SignedIn {
  if (request.apiPrincipal === null) {
    throw new Error(`${request.url}: an API handler ran without its gate`);
  }
  return request.apiPrincipal;
}
