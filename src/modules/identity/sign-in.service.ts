import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { recordRefusal } from '../../platform/audit/refusals.ts';
import type { Database } from '../../platform/db/database.ts';
import type { RateLimiter, RateRule } from '../../platform/rate-limit/index.ts';
import { hashToken, newId, newToken, sameSecret } from '../../platform/security/tokens.ts';
import type { Person, Realm } from './identity.ts';
import {
  type BeginSignInFailure, type CompleteSignInFailure, SignInAssuranceTooLow, SignInBrowserMismatch, SignInCodeRejected, SignInExpired, SignInNotStaff, SignInProviderError,
  SignInProviderUnknown, SignInProviderUnreachable, SignInRateLimited, SignInStateMismatch, SignInStateUnknown, SignInTokenInvalid, StaffSignInNotOffered,
} from './identity.errors.ts';
import type { IdentityProviderConfig, OidcClient, OidcFailure } from './oidc.port.ts';
import { personsRepository } from './persons.repository.ts';
import { relationsRepository } from './relations.repository.ts';
import { sessionsRepository } from './sessions.repository.ts';

export interface SignInDeps {
  db: Database;
  clock: Clock;
  oidc: OidcClient;
  limiter: RateLimiter;
  providers: readonly IdentityProviderConfig[];
  callbackUrl: (idpId: string) => string;
  policy: { readonly absoluteHours: number; readonly signInMinutes: number };
}

/**
 * Callback limits, keyed on what is attacked (ADR 0012). A callback naming no sign-in in progress
 * counts against its address, so a flood of made-up states is cut off without touching a real
 * sign-in from the same address (behind one proxy, or one NAT); a callback naming a real sign-in
 * counts against that sign-in, so its browser key cannot be guessed at length.
 */
export const CALLBACK_LIMITS = {
  unknownStatePerAddress: { max: 30, windowSeconds: 60 },
  perSignIn: { max: 5, windowSeconds: 60 },
} as const satisfies Record<string, RateRule>;

/** What a callback brings: the provider's answer, and what the browser that brings it holds. */
export interface Callback {
  readonly idp: string;
  readonly url: URL;
  /** The browser key cookie set when the sign-in began (null when the browser has none). */
  readonly browserKey: string | null;
  /** The session token the browser already holds; it is ended when the sign-in completes. */
  readonly previousToken: string | null;
  /** Who sends it: the client's address (behind trusted proxies, the one they report). */
  readonly client: string;
  /** The person already signed in in this browser, if any (a refusal is then tied to them). */
  readonly signedInPersonId: string | null;
}

/** The refusal of a callback the provider did not confirm. */
function exchangeFailure(idp: string, failure: OidcFailure): CompleteSignInFailure {
  switch (failure.kind) {
    case 'provider-error':
      return new SignInProviderError(idp, failure.error);
    case 'state-mismatch':
      return new SignInStateMismatch(idp);
    case 'code-rejected':
      return new SignInCodeRejected(idp, failure.error);
    case 'token-invalid':
      return new SignInTokenInvalid(idp, failure.error);
    case 'unreachable':
      return new SignInProviderUnreachable(idp, failure.error);
    default: {
      const unexpected: never = failure;
      return unexpected;
    }
  }
}

/** The reason a refused callback is recorded under in the audit log (ADR 0012). */
const AUDIT_REASON: Record<CompleteSignInFailure['code'], string> = {
  'identity.sign_in_provider_unknown': 'unknown-provider',
  'identity.sign_in_state_unknown': 'state-unknown',
  'identity.sign_in_rate_limited': 'rate-limited',
  'identity.sign_in_browser_mismatch': 'browser-mismatch',
  'identity.sign_in_expired': 'request-expired',
  'identity.sign_in_provider_error': 'provider-error',
  'identity.sign_in_state_mismatch': 'state-mismatch',
  'identity.sign_in_code_rejected': 'code-rejected',
  'identity.sign_in_token_invalid': 'token-invalid',
  'identity.sign_in_provider_unreachable': 'provider-unreachable',
  'identity.sign_in_assurance_too_low': 'assurance-too-low',
  'identity.sign_in_not_staff': 'not-staff',
};

const BROWSER_KEY = /^[A-Za-z0-9_-]{43}$/;

async function findOrCreatePerson(db: Database, identity: { issuer: string; subject: string; nationalId: string | null; givenName: string; familyName: string; birthDate: string | null }, at: Date): Promise<Person> {
  return db.transaction(async (tx) => {
    const known = (await personsRepository.byLogin(tx, identity.issuer, identity.subject)) ?? (identity.nationalId ? await personsRepository.byNationalId(tx, identity.nationalId) : null);
    const person: Person = { id: known?.id ?? newId(), nationalId: known?.nationalId ?? identity.nationalId, givenName: identity.givenName, familyName: identity.familyName, birthDate: identity.birthDate };
    if (known) {
      await personsRepository.refresh(tx, person, at);
    } else {
      await personsRepository.insert(tx, person, at);
    }
    await personsRepository.recordLogin(tx, identity.issuer, identity.subject, person.id, at);
    return person;
  });
}

/** Starting and completing a sign-in through an OpenID Connect provider, bound to the browser. */
export function signInPart(deps: SignInDeps) {
  const { db, clock, oidc, policy, limiter } = deps;
  const provider = (id: string) => deps.providers.find((p) => p.id === id) ?? null;

  return {
    providers: (realm: Realm) => deps.providers.filter((p) => realm === 'citizen' || p.staff),

    /**
     * Starts a sign-in: remembers state, nonce and PKCE verifier, and the hash of the browser key;
     * returns where to send the browser and the key for its cookie (the one it has, or a new one).
     */
    async beginSignIn(idpId: string, realm: Realm, returnTo: string, browserKey: string | null = null): Promise<Result<{ url: string; browserKey: string }, BeginSignInFailure>> {
      const idp = provider(idpId);
      if (!idp) {
        return err(new SignInProviderUnknown(idpId));
      }
      if (realm === 'staff' && !idp.staff) {
        return err(new StaffSignInNotOffered(idpId));
      }
      const key = browserKey !== null && BROWSER_KEY.test(browserKey) ? browserKey : newToken();
      const request = await oidc.authorizationRequest(idp, deps.callbackUrl(idp.id), realm === 'staff' ? 'high' : 'substantial');
      await sessionsRepository.insertSignInRequest(db, { state: request.state, idp: idp.id, realm, nonce: request.nonce, codeVerifier: request.codeVerifier, returnTo, createdAt: clock.now(), browserHash: hashToken(key) });
      return ok({ url: request.url, browserKey: key });
    },

    /**
     * Completes a sign-in from the provider's callback. A state that is unknown, already used or
     * stale, a browser other than the one that began the sign-in, a code the provider rejects, a
     * token that fails validation, or assurance too low for the staff realm each refuse the sign-in
     * and are recorded (ADR 0012); a refusal ends no session.
     */
    async completeSignIn(callback: Callback): Promise<Result<{ token: string; returnTo: string; realm: Realm }, CompleteSignInFailure>> {
      const now = clock.now();
      const refuse = async (failure: CompleteSignInFailure, detail: Record<string, unknown>, personId: string | null = callback.signedInPersonId) => {
        await recordRefusal(db, { at: now, action: 'SIGN_IN', channel: 'web', actorPersonId: personId, actingFor: null, subject: null, detail: { reason: AUDIT_REASON[failure.code], ...detail } }, callback.client);
        return err(failure);
      };
      const idp = provider(callback.idp);
      const state = callback.url.searchParams.get('state') ?? '';
      const pending = idp && state ? await sessionsRepository.pendingSignIn(db, state) : null;
      if (!idp || !pending || pending.idp !== idp.id) {
        const address = await limiter.hit(`sign-in-unknown-state:${callback.client}`, CALLBACK_LIMITS.unknownStatePerAddress);
        const named = idp?.id ?? callback.idp.slice(0, 40);
        return refuse(!address.allowed ? new SignInRateLimited(named) : idp ? new SignInStateUnknown(named) : new SignInProviderUnknown(named), { idp: named });
      }
      if (!(await limiter.hit(`sign-in-state:${state}`, CALLBACK_LIMITS.perSignIn)).allowed) {
        return refuse(new SignInRateLimited(idp.id), { idp: idp.id });
      }
      if (callback.browserKey === null || !sameSecret(hashToken(callback.browserKey), pending.browserHash)) {
        const browserKey = callback.browserKey === null ? 'missing' : 'other';
        return refuse(new SignInBrowserMismatch(idp.id, browserKey), { idp: idp.id, browserKey });
      }
      const request = await sessionsRepository.takeSignInRequest(db, state, now);
      if (!request) {
        return refuse(new SignInStateUnknown(idp.id), { idp: idp.id });
      }
      if (now.getTime() - request.createdAt.getTime() > policy.signInMinutes * 60_000) {
        return refuse(new SignInExpired(idp.id), { idp: idp.id });
      }
      const exchanged = await oidc.exchange(idp, callback.url, request);
      if (!exchanged.ok) {
        return refuse(exchangeFailure(idp.id, exchanged.error), { idp: idp.id, error: 'error' in exchanged.error ? exchanged.error.error : null });
      }
      const identity = exchanged.value;
      if (request.realm === 'staff' && identity.acr !== 'high') {
        return refuse(new SignInAssuranceTooLow(idp.id, identity.acr), { idp: idp.id, acr: identity.acr });
      }
      const person = await findOrCreatePerson(db, identity, now);
      if (request.realm === 'staff' && (await relationsRepository.staffOf(db, person.nationalId)).length === 0) {
        return refuse(new SignInNotStaff(idp.id), { idp: idp.id }, person.id);
      }
      const token = newToken();
      await db.transaction(async (tx) => {
        if (callback.previousToken) {
          await sessionsRepository.end(tx, hashToken(callback.previousToken), now); // no session fixation: a sign-in always starts a new session
        }
        await sessionsRepository.insert(tx, {
          idHash: hashToken(token), personId: person.id, realm: request.realm, idp: idp.id, acr: identity.acr, idToken: identity.idToken,
          acting: { kind: 'self' }, csrfToken: newToken(), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
        });
        await appendAudit(tx, { at: now, action: 'SIGN_IN', outcome: 'done', channel: 'web', actorPersonId: person.id, actingFor: null, subject: `person:${person.id}`, detail: { idp: idp.id, realm: request.realm, acr: identity.acr } });
      });
      return ok({ token, returnTo: request.returnTo, realm: request.realm });
    },
  };
}
