import { createHash } from 'node:crypto';

import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import type { RateLimiter, RateVerdict } from '../../platform/rate-limit/index.ts';
import { hashToken, newId, newToken, sameSecret } from '../../platform/security/tokens.ts';
import { API_SCOPES, type ApiCaller, type ApiScope, type SignedIn } from '../identity/index.ts';
import {
  type ApiClient, grantedScopes, isCodeVerifier, isS256Challenge, type OAuthFailure, oauthFailure, type TokenRefusal, type TokenResponse,
} from './api-access.ts';
import { apiClientsRepository } from './api-clients.repository.ts';

export interface ApiAccessDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  /** API_TOKEN_SECRET: the HMAC key of access tokens. */
  readonly tokenSecret: string;
  /** The portal's public URL: the tokens' issuer; their audience is `<publicUrl>/api/v1`. */
  readonly publicUrl: string;
  /** Access tokens' lifetime (API_TOKEN_SECONDS). */
  readonly tokenSeconds: number;
}

/** An authorization code's lifetime. */
const CODE_SECONDS = 60;

/** A new client: a partner's secret (or none for a public client) is made here and shown once. */
export interface NewApiClient {
  readonly id: string;
  readonly name: string;
  readonly kind: 'partner' | 'public';
  readonly organisationCode?: string;
  readonly scopes: readonly ApiScope[];
  readonly redirectUris?: readonly string[];
  readonly webhookUrl?: string;
  readonly rateLimitPerMinute?: number;
}

/** A validated authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636), for the consent page. */
export interface AuthorizationRequest {
  readonly client: Pick<ApiClient, 'id' | 'name'>;
  readonly redirectUri: string;
  readonly scopes: readonly ApiScope[];
  readonly state: string | null;
  readonly codeChallenge: string;
}

/** Why an authorization request is refused: without a trusted redirect URI the person is told; otherwise the client is (RFC 6749 §4.1.2.1). */
export type AuthorizeRefusal =
  | { readonly to: 'person'; readonly code: 'oauth.client_unknown' | 'oauth.redirect_uri_mismatch' }
  | { readonly to: 'client'; readonly redirectUri: string; readonly state: string | null; readonly error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope'; readonly code: string };

const sha256b64url = (s: string) => createHash('sha256').update(s).digest('base64url');

function tokens(deps: ApiAccessDeps) {
  const key = new TextEncoder().encode(deps.tokenSecret);
  const audience = `${deps.publicUrl}/api/v1`;
  return {
    async issue(client: ApiClient, subject: string, scopes: readonly ApiScope[]): Promise<TokenResponse> {
      const now = Math.floor(deps.clock.now().getTime() / 1000);
      const accessToken = await new SignJWT({ client_id: client.id, scope: scopes.join(' ') })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setIssuer(deps.publicUrl).setAudience(audience).setSubject(subject)
        .setIssuedAt(now).setExpirationTime(now + deps.tokenSeconds).setJti(newId()).sign(key);
      return { access_token: accessToken, token_type: 'Bearer', expires_in: deps.tokenSeconds, scope: scopes.join(' ') };
    },

    /** The caller behind a bearer token: signature, issuer, audience, type and expiry checked; the client must still be enabled. */
    async verify(token: string): Promise<Result<{ caller: ApiCaller; rateLimitPerMinute: number }, TokenRefusal>> {
      let claims: { sub?: string; client_id?: unknown; scope?: unknown };
      try {
        ({ payload: claims } = await jwtVerify(token, key, { issuer: deps.publicUrl, audience, algorithms: ['HS256'], typ: 'at+jwt', currentDate: deps.clock.now() }));
      } catch (error) {
        return err(error instanceof joseErrors.JWTExpired ? 'api.token_expired' : 'api.token_invalid');
      }
      const client = typeof claims.client_id === 'string' ? await apiClientsRepository.byId(deps.db, claims.client_id) : null;
      if (client === null || client.disabledAt !== null || typeof claims.sub !== 'string' || typeof claims.scope !== 'string') {
        return err('api.token_invalid');
      }
      const scopes = claims.scope.split(' ').filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s) && client.scopes.includes(s as ApiScope));
      const caller: ApiCaller = client.kind === 'partner'
        ? { kind: 'partner', clientId: client.id, scopes, organisationCode: client.organisationCode ?? '' }
        : { kind: 'public', clientId: client.id, scopes, personId: claims.sub };
      return ok({ caller, rateLimitPerMinute: client.rateLimitPerMinute });
    },
  };
}

/** The token endpoint's grants (RFC 6749 §4.1.3, §4.4; PKCE S256 only, RFC 7636). */
function grants(deps: ApiAccessDeps, t: ReturnType<typeof tokens>) {
  const { db, clock } = deps;
  const audit = (clientId: string, outcome: 'done' | 'refused', detail: Record<string, unknown>, personId: string | null = null) =>
    db.transaction((tx) => appendAudit(tx, { at: clock.now(), action: 'api.token', outcome, channel: 'api', actorPersonId: personId, actingFor: null, subject: `api-client:${clientId}`, detail }));
  const refuse = async (clientId: string | null, f: OAuthFailure): Promise<Result<TokenResponse, OAuthFailure>> => {
    if (clientId !== null) {
      await audit(clientId, 'refused', { code: f.code });
    }
    return err(f);
  };
  return {
    async clientCredentials(clientId: string, secret: string, scope: string | undefined): Promise<Result<TokenResponse, OAuthFailure>> {
      const client = await apiClientsRepository.byId(db, clientId);
      if (client === null || client.secretHash === null || client.disabledAt !== null || !sameSecret(hashToken(secret), client.secretHash)) {
        return refuse(client === null ? null : client.id, oauthFailure(401, 'invalid_client', 'oauth.client_authentication_failed', 'The client is unknown or its secret is wrong'));
      }
      const scopes = grantedScopes(scope, client.scopes);
      if (scopes === null) {
        return refuse(client.id, oauthFailure(400, 'invalid_scope', 'oauth.scope_not_allowed', 'A scope asked for is unknown or not the client\'s'));
      }
      await audit(client.id, 'done', { grant: 'client_credentials', scopes });
      return ok(await t.issue(client, client.id, scopes));
    },

    async authorizationCode(o: { clientId: string; code: string; redirectUri: string; codeVerifier: string }): Promise<Result<TokenResponse, OAuthFailure>> {
      const client = await apiClientsRepository.byId(db, o.clientId);
      if (client === null || client.kind !== 'public' || client.disabledAt !== null) {
        return refuse(null, oauthFailure(401, 'invalid_client', 'oauth.client_authentication_failed', 'The client is unknown or not a public client'));
      }
      if (!isCodeVerifier(o.codeVerifier)) {
        return refuse(client.id, oauthFailure(400, 'invalid_request', 'oauth.code_verifier_invalid', 'code_verifier must be 43 to 128 unreserved characters'));
      }
      // The code is spent by this attempt whatever follows: a stolen code cannot be tried twice.
      const stored = await apiClientsRepository.useCode(db, hashToken(o.code), clock.now());
      if (stored === null) {
        return refuse(client.id, oauthFailure(400, 'invalid_grant', 'oauth.code_invalid', 'The code is unknown or was used already'));
      }
      if (stored.clientId !== client.id || stored.redirectUri !== o.redirectUri || stored.expiresAt <= clock.now()) {
        return refuse(client.id, oauthFailure(400, 'invalid_grant', 'oauth.code_invalid', 'The code was issued to another client or redirect URI, or has expired'));
      }
      if (!sameSecret(sha256b64url(o.codeVerifier), stored.codeChallenge)) {
        return refuse(client.id, oauthFailure(400, 'invalid_grant', 'oauth.pkce_mismatch', 'The code_verifier does not match the code_challenge'));
      }
      await audit(client.id, 'done', { grant: 'authorization_code', scopes: stored.scopes }, stored.personId);
      return ok(await t.issue(client, stored.personId, stored.scopes));
    },
  };
}

/** The authorization endpoint's checks, and the code issued when the person consents. */
function authorization(deps: ApiAccessDeps) {
  const { db, clock } = deps;
  return {
    async check(q: Readonly<Record<string, string | undefined>>): Promise<Result<AuthorizationRequest, AuthorizeRefusal>> {
      const client = q['client_id'] === undefined ? null : await apiClientsRepository.byId(db, q['client_id']);
      if (client === null || client.kind !== 'public' || client.disabledAt !== null) {
        return err({ to: 'person', code: 'oauth.client_unknown' });
      }
      const redirectUri = q['redirect_uri'] ?? '';
      if (!client.redirectUris.includes(redirectUri)) {
        return err({ to: 'person', code: 'oauth.redirect_uri_mismatch' });
      }
      const state = q['state'] ?? null;
      const toClient = (error: Extract<AuthorizeRefusal, { to: 'client' }>['error'], code: string) => err<AuthorizeRefusal>({ to: 'client', redirectUri, state, error, code });
      if (q['response_type'] !== 'code') {
        return toClient('unsupported_response_type', 'oauth.response_type_unsupported');
      }
      if (q['code_challenge_method'] !== 'S256' || !isS256Challenge(q['code_challenge'] ?? '')) {
        return toClient('invalid_request', 'oauth.pkce_required');
      }
      const scopes = grantedScopes(q['scope'], client.scopes);
      if (scopes === null) {
        return toClient('invalid_scope', 'oauth.scope_not_allowed');
      }
      return ok({ client: { id: client.id, name: client.name }, redirectUri, scopes, state, codeChallenge: q['code_challenge'] as string });
    },

    /** The person consented: a one-time code (60 s) for the client's redirect URI. */
    async consent(signedIn: SignedIn, request: AuthorizationRequest): Promise<string> {
      const code = newToken();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await apiClientsRepository.insertCode(tx, hashToken(code), {
          clientId: request.client.id, personId: signedIn.person.id, scopes: request.scopes, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge,
          expiresAt: new Date(now.getTime() + CODE_SECONDS * 1000),
        }, now);
        await appendAudit(tx, { at: now, action: 'api.consent', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: `api-client:${request.client.id}`, detail: { scopes: request.scopes } });
      });
      return code;
    },
  };
}

/** The API's bookkeeping: rate limits, the audit of each call, idempotent submissions. */
function calls(deps: ApiAccessDeps) {
  const { db, clock } = deps;
  return {
    /** One call counted against the client's limit per minute (the shared rate-limit counters). */
    hit: (clientId: string, perMinute: number): Promise<RateVerdict> => deps.limiter.hit(`api-client:${clientId}`, { max: perMinute, windowSeconds: 60 }),

    /** Every API call by a client, with its outcome, in the audit log. */
    async recordCall(o: { clientId: string; personId: string | null; method: string; route: string; status: number; onBehalfOf: string | null }): Promise<void> {
      await db.transaction((tx) => appendAudit(tx, {
        at: clock.now(), action: 'api.call', outcome: o.status < 400 ? 'done' : 'refused', channel: 'api', actorPersonId: o.personId, actingFor: null,
        subject: `api-client:${o.clientId}`, detail: { method: o.method, route: o.route, status: o.status, ...(o.onBehalfOf === null ? {} : { onBehalfOf: o.onBehalfOf }) },
      }));
    },

    /** A submission's earlier use of an Idempotency-Key by this client for this person, or null. */
    earlierSubmission: (clientId: string, personId: string, key: string) => apiClientsRepository.idempotencyKey(db, clientId, personId, key),

    /** Remembers a submission under its key (and, for a partner, that the case's events go to its webhook). */
    async rememberSubmission(caller: ApiCaller, personId: string, key: string, requestSha256: string, caseId: string): Promise<void> {
      await db.transaction((tx) => apiClientsRepository.rememberSubmission(tx, { clientId: caller.clientId, personId, key, requestSha256, caseId, partner: caller.kind === 'partner' }, clock.now()));
    },

    /** Registers a client (the command line, tests); answers a partner's secret, shown once and stored only hashed, and the webhook's signing secret. */
    async register(c: NewApiClient): Promise<{ secret: string | null; webhookSecret: string | null }> {
      const secret = c.kind === 'partner' ? newToken() : null;
      const webhookSecret = c.webhookUrl === undefined ? null : newToken();
      await db.transaction(async (tx) => {
        await apiClientsRepository.insert(tx, {
          id: c.id, name: c.name, kind: c.kind, organisationCode: c.organisationCode ?? null, secretHash: secret === null ? null : hashToken(secret), scopes: c.scopes,
          redirectUris: c.redirectUris ?? [], webhookUrl: c.webhookUrl ?? null, webhookSecret, rateLimitPerMinute: c.rateLimitPerMinute ?? 120,
        }, clock.now());
        await appendAudit(tx, { at: clock.now(), action: 'api.client-register', outcome: 'done', channel: 'cli', actorPersonId: null, actingFor: null, subject: `api-client:${c.id}`, detail: { kind: c.kind, scopes: c.scopes } });
      });
      return { secret, webhookSecret };
    },
  };
}

/** The open API's authorization server and bookkeeping (ADR 0026). */
export function createApiAccess(deps: ApiAccessDeps) {
  const t = tokens(deps);
  return { verify: (token: string) => t.verify(token), ...grants(deps, t), authorization: authorization(deps), ...calls(deps) };
}

export type ApiAccess = ReturnType<typeof createApiAccess>;
