import type { FastifyInstance } from 'fastify';

import { type EmbeddedEid, startEmbeddedEid } from '../../src/dev/eid/index.ts';
import { type TestApp, type TestAppOptions, testApp } from './app.ts';
import { EidAgent } from './eid-agent.ts';

export const PUBLIC_URL = 'http://portal.test';
const SECRET = 'test-client-secret-0123456789';

/**
 * A portal wired to an embedded State eID configured exactly as an external provider would be:
 * issuer, client id and secret from the environment, discovery and JWKS over HTTP.
 */
export async function appWithEid(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp & { eid: EmbeddedEid }> {
  const eid = await startEmbeddedEid({
    name: 'state', host: '127.0.0.1', port: 0, publicHost: '127.0.0.1', nodeEnv: 'test',
    clients: [{ client_id: 'portal-test', client_secret: SECRET, redirect_uris: [`${PUBLIC_URL}/auth/callback/state`], post_logout_redirect_uris: [`${PUBLIC_URL}/uk/signed-out`, `${PUBLIC_URL}/en/signed-out`] }],
  });
  const t = await testApp({
    EID_EMBEDDED: 'false', OIDC_PROVIDERS: 'state', OIDC_STATE_ISSUER: eid.issuer, OIDC_STATE_CLIENT_ID: 'portal-test', OIDC_STATE_CLIENT_SECRET: SECRET, ...env,
  }, options);
  return { ...t, eid, close: async () => { await t.close(); await eid.close(); } };
}

export const cookieFrom = (setCookie: string | string[] | undefined): string => {
  const first = ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('portico_session='));
  return first ? first.split(';')[0] ?? '' : '';
};

/** The provider's callback as the browser that began the sign-in sends it: the path, and its browser key cookie. */
export interface CallbackRequest {
  readonly url: string;
  readonly headers: { readonly cookie: string };
}

/** The browser key cookie (`portico_sign_in=…`) a sign-in start set. */
export const browserKeyFrom = (setCookie: string | string[] | undefined): string =>
  ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('portico_sign_in='))?.split(';')[0] ?? '';

/** Starts a sign-in at the portal and walks the provider's pages as the persona; returns the callback request. */
export async function throughEid(app: FastifyInstance, personaId: string, realm: 'citizen' | 'staff' = 'citizen', lang = 'uk'): Promise<CallbackRequest> {
  const start = await app.inject(`/${lang}/sign-in/state?realm=${realm}`);
  const callback = await new EidAgent().signIn(new URL(String(start.headers.location)), personaId);
  return { url: `${callback.pathname}${callback.search}`, headers: { cookie: browserKeyFrom(start.headers['set-cookie']) } };
}

/** Signs a persona in and returns the portal's session cookie. */
export async function signIn(app: FastifyInstance, personaId: string, realm: 'citizen' | 'staff' = 'citizen'): Promise<string> {
  const done = await app.inject(await throughEid(app, personaId, realm));
  if (done.statusCode !== 303) {
    throw new Error(`sign-in as ${personaId} answered ${done.statusCode}: ${done.body.slice(0, 300)}`);
  }
  return cookieFrom(done.headers['set-cookie']);
}

/** The CSRF token of the signed-in page at `path`. */
export async function csrfOf(app: FastifyInstance, cookie: string, path = '/uk/cabinet'): Promise<string> {
  const page = await app.inject({ url: path, headers: { cookie } });
  const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
  if (!match?.[1]) {
    throw new Error(`no CSRF token on ${path} (${page.statusCode})`);
  }
  return match[1];
}
