import cookie from '@fastify/cookie';
import { parse as parseQuery } from 'node:querystring';

import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isLang } from '../../kernel/text.ts';
import { type Actor, type SessionsService, authorize } from '../../modules/identity/index.ts';
import { fromOwnSite } from '../../platform/http/own-site.ts';
import { sameSecret } from '../../platform/security/tokens.ts';
import { RefusalPage, type RefusalReason } from './sign-in.page.tsx';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { REQUEST_LIMITS } from '../common/request-limits.ts';
import type { WebRoute } from '../common/route-table.ts';
import { receiveFile } from '../common/upload-stream.ts';
import './session-types.ts';

export const SESSION_COOKIE = 'portico_session';
/** The browser key: a random cookie set when a sign-in begins and required at its callback (only under /auth). */
export const SIGN_IN_COOKIE = 'portico_sign_in';

export interface CookieOptions {
  readonly secure: boolean;
  readonly absoluteHours: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A session cookie came with the request but its session has ended or gone idle. */
    sessionEnded: boolean;
  }
}

/** Cookies, form bodies, and the signed-in person of each request (looked up only when a cookie comes). */
export async function registerSessions(app: FastifyInstance, sessions: SessionsService): Promise<void> {
  await app.register(cookie);
  // A value with NUL (which PostgreSQL text cannot hold) or another control character is refused at the edge (request-edge.tsx).
  await app.register(formbody, { bodyLimit: REQUEST_LIMITS.formBytes, parser: (body) => parseQuery(body) });
  // Uploads: read as streams, each kept only up to its route's limit (the service's own, see
  // upload-stream.ts); one file per request unless a route allows more; the largest limit any service sets is the safety net.
  await app.register(multipart, {
    attachFieldsToBody: true, limits: { fileSize: REQUEST_LIMITS.fileBytes, files: 1, fields: 10, parts: 12 },
    async onFile(part) {
      await receiveFile(this, part);
    },
  });
  app.decorateRequest('signedIn', null);
  app.decorateRequest('sessionEnded', false);
  app.addHook('preHandler', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || request.url.startsWith('/assets/')) {
      return;
    }
    const prefix = request.url.split('/')[1];
    request.signedIn = await sessions.resolve(token, isLang(prefix) ? prefix : 'uk');
    if (!request.signedIn) {
      request.sessionEnded = true;
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, options: CookieOptions): void {
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: options.secure, sameSite: 'lax', maxAge: options.absoluteHours * 3600 });
}

export function setSignInCookie(reply: FastifyReply, browserKey: string, options: CookieOptions): void {
  void reply.setCookie(SIGN_IN_COOKIE, browserKey, { path: '/auth', httpOnly: true, secure: options.secure, sameSite: 'lax', maxAge: 3600 });
}

export const actorOf = (request: FastifyRequest): Actor => request.signedIn?.actor ?? { kind: 'anonymous' };

export function sendRefusal(request: FastifyRequest, reply: FastifyReply, status: number, reason: RefusalReason) {
  return sendPage(reply, status, <RefusalPage ctx={pageContext(request)} reason={reason} reference={request.id} />);
}

/**
 * The one gate in front of every web handler: the route's requirement through the authorization
 * policy, then the CSRF token on every POST. Refusals are pages, audited; never a 500.
 */
export function guard(route: WebRoute, sessions: SessionsService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const decision = authorize(actorOf(request), route.auth);
    const personId = request.signedIn?.person.id ?? null;
    if (!decision.allowed) {
      if (decision.reason === 'sign-in-required' && request.sessionEnded) {
        await sessions.recordRefusal('SESSION', null, { reason: 'session-expired', url: request.url }, request.ip);
        return sendRefusal(request, reply, 401, 'session-expired');
      }
      if (decision.reason === 'sign-in-required' && (request.method === 'GET' || request.method === 'HEAD')) {
        return reply.redirect(paths.signIn(pageContext(request).lang, request.url), 303);
      }
      await sessions.recordRefusal('AUTHORIZE', personId, { reason: decision.reason, url: request.url }, request.ip);
      return sendRefusal(request, reply, decision.reason === 'sign-in-required' ? 401 : 403, decision.reason === 'sign-in-required' ? 'session-expired' : 'forbidden');
    }
    if (route.method === 'POST' && route.sessionless) {
      if (!fromOwnSite(request)) {
        await sessions.recordRefusal('CSRF', personId, { reason: 'origin', url: request.url }, request.ip);
        return sendRefusal(request, reply, 403, 'csrf');
      }
      return undefined;
    }
    if (route.method === 'POST') {
      const sent = csrfField((request.body as Record<string, unknown> | undefined)?.['_csrf']);
      const expected = request.signedIn?.session.csrfToken;
      if (typeof sent !== 'string' || !expected || !sameSecret(sent, expected)) {
        await sessions.recordRefusal('CSRF', personId, { reason: 'csrf', url: request.url }, request.ip);
        return sendRefusal(request, reply, 403, 'csrf');
      }
    }
    return undefined;
  };
}

/** The CSRF token of a form body: a plain field, or a multipart field (`{ value }`) of an upload. */
function csrfField(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'field' ? (raw as { value?: unknown }).value : raw;
}
