/**
 * Personas signed in by a factory instead of through the eID's pages. The portal is built with
 * `personaOidc()` as its OpenID Connect client: the identity it returns for a callback is the
 * persona named by the callback's code, with the claims the embedded test eID gives that persona.
 * Everything else is the portal's own sign-in: `beginSignIn` stores the request and the browser
 * key, `completeSignIn` checks them, finds or creates the person, refuses the staff realm to
 * non-staff, ends the previous session and writes the session row and its audit record.
 *
 * Only the identity tests (test/identity, test/eid) walk the eID's pages (test/support/eid-agent.ts).
 */
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import type { Services } from '../../src/app/container.ts';
import { EID_PROFILES, personasFor } from '../../src/dev/index.ts';
import { ok } from '../../src/kernel/result.ts';
import type { OidcClient, Realm, SignedIn } from '../../src/modules/identity/index.ts';
import { type TestApp, type TestAppOptions, testApp } from './app.ts';

/** The persona's identity as the embedded eID named by the provider's id ("state" or "bank") gives it. */
function identityOf(idp: string, issuer: string, personaId: string) {
  const name = idp === 'bank' ? 'bank' : 'state';
  const persona = personasFor(name).find((p) => p.id === personaId);
  if (persona === undefined) {
    return null;
  }
  return {
    issuer, subject: persona.id, nationalId: persona.nationalId, givenName: persona.givenName, familyName: persona.familyName,
    birthDate: persona.birthdate, acr: EID_PROFILES[name].acr, idToken: `persona.${persona.id}.${randomUUID()}`,
  };
}

/** An OpenID Connect client whose provider signs in whichever persona the callback's `code` names. */
export function personaOidc(): OidcClient {
  return {
    async authorizationRequest(idp, redirectUri) {
      const state = randomUUID();
      const url = new URL(`${idp.issuer}/auth`);
      url.search = new URLSearchParams({ redirect_uri: redirectUri, state }).toString();
      return { url: url.href, state, nonce: randomUUID(), codeVerifier: randomUUID() };
    },
    async exchange(idp, callbackUrl, expected) {
      if (callbackUrl.searchParams.get('state') !== expected.state) {
        return { ok: false, error: { kind: 'state-mismatch' } };
      }
      const identity = identityOf(idp.id, idp.issuer, callbackUrl.searchParams.get('code') ?? '');
      return identity === null ? { ok: false, error: { kind: 'code-rejected', error: 'invalid_grant' } } : ok(identity);
    },
    async endSessionUrl() {
      return null;
    },
  };
}

/**
 * Signs a persona in through the portal's sign-in service (the services must have been built with
 * `personaOidc()`) and returns the session token; `previousToken` is the session it replaces.
 */
export async function personaToken(services: Services, personaId: string, realm: Realm = 'citizen', previousToken: string | null = null): Promise<string> {
  const idp = 'state';
  const begun = await services.sessions.beginSignIn(idp, realm, '/uk/cabinet');
  if (!begun.ok) {
    throw new Error(`sign-in as ${personaId} could not begin: ${begun.error.code}`);
  }
  const state = new URL(begun.value.url).searchParams.get('state') ?? '';
  const done = await services.sessions.completeSignIn({
    idp, url: new URL(`http://portal.test/auth/callback/${idp}?code=${encodeURIComponent(personaId)}&state=${state}`),
    browserKey: begun.value.browserKey, previousToken, client: '127.0.0.1', signedInPersonId: null,
  });
  if (!done.ok) {
    throw new Error(`sign-in as ${personaId} (${realm}) refused: ${done.error.code}`);
  }
  return done.value.token;
}

/** The portal's session cookie for a persona signed in by `personaToken`. */
const personaCookie = async (services: Services, personaId: string, realm: Realm = 'citizen'): Promise<string> =>
  `portico_session=${await personaToken(services, personaId, realm)}`;

/** A persona signed in by `personaToken`, as the portal resolves the session. */
export async function signedInPersona(services: Services, personaId: string, realm: Realm = 'citizen'): Promise<SignedIn & { token: string }> {
  const token = await personaToken(services, personaId, realm);
  const signedIn = await services.sessions.resolve(token, 'uk');
  if (signedIn === null) {
    throw new Error(`the session of ${personaId} did not resolve`);
  }
  return { ...signedIn, token };
}

const built = new WeakMap<FastifyInstance, Services>();

/** A portal whose sign-in takes personas from `personaOidc()` (sign them in with `signIn`). */
export async function appWithPersonas(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const t = await testApp(env, { ...options, oidc: personaOidc() });
  built.set(t.app, t.services);
  return t;
}

/** Signs a persona in to a portal from `appWithPersonas` and returns the session cookie (as identity.ts's `signIn` does over the eID). */
export async function signIn(app: FastifyInstance, personaId: string, realm: Realm = 'citizen'): Promise<string> {
  const services = built.get(app);
  if (services === undefined) {
    throw new Error('this portal was not built by appWithPersonas');
  }
  return personaCookie(services, personaId, realm);
}
