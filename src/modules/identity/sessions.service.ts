import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit, recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { hashToken, newId, newToken } from '../../platform/security/tokens.ts';
import { type ActingOption, type Party, type Person, type Realm, type StaffAssignment, actingOptions, findOption, partyKey } from './identity.ts';
import { ActingNotAllowed, SignInRefused, type SignInRefusal } from './identity.errors.ts';
import type { Actor } from './identity.policy.ts';
import type { IdentityProviderConfig, OidcClient, OidcFailure } from './oidc.port.ts';
import { personsRepository } from './persons.repository.ts';
import { relationsRepository } from './relations.repository.ts';
import { type SessionRecord, sessionsRepository } from './sessions.repository.ts';

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
  /** How long a started sign-in may take before its state is refused. */
  readonly signInMinutes: number;
}

/** A signed-in request's view of who is asking and for whom. */
export interface SignedIn {
  readonly token: string;
  readonly session: SessionRecord;
  readonly person: Person;
  readonly actor: Extract<Actor, { kind: 'person' }>;
  readonly options: readonly ActingOption[];
  readonly staff: readonly StaffAssignment[];
}

const REFUSAL: Record<OidcFailure['kind'], SignInRefusal> = {
  'provider-error': 'provider-error',
  'state-mismatch': 'state-mismatch',
  'code-rejected': 'code-rejected',
  'token-invalid': 'token-invalid',
  unreachable: 'provider-unreachable',
};

export interface SessionsDeps {
  db: Database;
  clock: Clock;
  oidc: OidcClient;
  providers: readonly IdentityProviderConfig[];
  callbackUrl: (idpId: string) => string;
  policy: SessionPolicy;
}

/** Sign-in and sessions: one service for the web adapter, built from two parts. */
export function createSessionsService(deps: SessionsDeps) {
  return { ...signInPart(deps), ...sessionPart(deps) };
}

function signInPart(deps: SessionsDeps) {
  const { db, clock, oidc, policy } = deps;
  const provider = (id: string) => deps.providers.find((p) => p.id === id) ?? null;
  const refuse = async (reason: SignInRefusal, detail: Record<string, unknown>, personId: string | null = null) => {
    await recordAudit(db, { at: clock.now(), action: 'SIGN_IN', outcome: 'refused', channel: 'web', actorPersonId: personId, actingFor: null, subject: null, detail: { reason, ...detail } });
    return err(new SignInRefused(reason, detail));
  };

  async function findOrCreatePerson(identity: { issuer: string; subject: string; nationalId: string | null; givenName: string; familyName: string; birthDate: string | null }, at: Date): Promise<Person> {
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

  return {
    providers: (realm: Realm) => deps.providers.filter((p) => realm === 'citizen' || p.staff),

    /** Starts a sign-in: remembers state, nonce and PKCE verifier, and returns where to send the browser. */
    async beginSignIn(idpId: string, realm: Realm, returnTo: string): Promise<Result<{ url: string }, SignInRefused>> {
      const idp = provider(idpId);
      if (!idp) {
        return err(new SignInRefused('unknown-provider', { idp: idpId }));
      }
      if (realm === 'staff' && !idp.staff) {
        return err(new SignInRefused('staff-not-allowed', { idp: idpId }));
      }
      const request = await oidc.authorizationRequest(idp, deps.callbackUrl(idp.id), realm === 'staff' ? 'high' : 'substantial');
      await sessionsRepository.insertSignInRequest(db, { state: request.state, idp: idp.id, realm, nonce: request.nonce, codeVerifier: request.codeVerifier, returnTo, createdAt: clock.now() });
      return ok({ url: request.url });
    },

    /**
     * Completes a sign-in from the provider's callback. A state that is unknown, already used or
     * stale, a code the provider rejects, a token that fails validation, or assurance too low for
     * the staff realm each refuse the sign-in and leave an audit record.
     */
    async completeSignIn(idpId: string, callbackUrl: URL, previousToken: string | null): Promise<Result<{ token: string; returnTo: string; realm: Realm }, SignInRefused>> {
      const now = clock.now();
      const idp = provider(idpId);
      if (!idp) {
        return refuse('unknown-provider', { idp: idpId });
      }
      const state = callbackUrl.searchParams.get('state') ?? '';
      const request = state ? await sessionsRepository.takeSignInRequest(db, state, now) : null;
      if (!request || request.idp !== idp.id) {
        return refuse('state-unknown', { idp: idp.id });
      }
      if (now.getTime() - request.createdAt.getTime() > policy.signInMinutes * 60_000) {
        return refuse('request-expired', { idp: idp.id });
      }
      const exchanged = await oidc.exchange(idp, callbackUrl, request);
      if (!exchanged.ok) {
        return refuse(REFUSAL[exchanged.error.kind], { idp: idp.id, error: 'error' in exchanged.error ? exchanged.error.error : null });
      }
      const identity = exchanged.value;
      if (request.realm === 'staff' && identity.acr !== 'high') {
        return refuse('assurance-too-low', { idp: idp.id, acr: identity.acr });
      }
      const person = await findOrCreatePerson(identity, now);
      if (request.realm === 'staff' && (await relationsRepository.staffOf(db, person.nationalId)).length === 0) {
        return refuse('not-staff', { idp: idp.id }, person.id);
      }
      const token = newToken();
      await db.transaction(async (tx) => {
        if (previousToken) {
          await sessionsRepository.end(tx, hashToken(previousToken), now); // no session fixation: a sign-in always starts a new session
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

function sessionPart(deps: SessionsDeps) {
  const { db, clock, oidc, policy } = deps;
  const provider = (id: string) => deps.providers.find((p) => p.id === id) ?? null;
  return {
    /** The live session behind a cookie token, with who is acting for whom; null when it ended or went idle. */
    async resolve(token: string, lang: 'uk' | 'en'): Promise<SignedIn | null> {
      const now = clock.now();
      const idHash = hashToken(token);
      const session = await sessionsRepository.live(db, idHash, now);
      if (!session) {
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) {
        await sessionsRepository.end(db, idHash, now);
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await sessionsRepository.touch(db, idHash, now);
      }
      const person = await personsRepository.byId(db, session.personId);
      if (!person) {
        return null;
      }
      const [relations, staff] = await Promise.all([relationsRepository.relationsOf(db, person.nationalId, lang), relationsRepository.staffOf(db, person.nationalId)]);
      const options = actingOptions(person, relations, now);
      // A revoked or expired mandate ends acting for that party at once.
      let acting = findOption(options, session.acting);
      if (!acting) {
        acting = options[0] as ActingOption;
        await sessionsRepository.setActing(db, idHash, { kind: 'self' });
      }
      const actor = { kind: 'person', personId: person.id, nationalId: person.nationalId, realm: session.realm, acting, staff: session.realm === 'staff' ? staff : [] } as const;
      return { token, session, person, actor, options, staff };
    },

    async actAs(signedIn: SignedIn, party: Party): Promise<Result<ActingOption, ActingNotAllowed>> {
      const option = findOption(signedIn.options, party);
      if (!option) {
        await recordAudit(db, { at: clock.now(), action: 'ACT_AS', outcome: 'refused', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(party), subject: null, detail: {} });
        return err(new ActingNotAllowed('not allowed to act for this party', { party: partyKey(party) }));
      }
      await db.transaction(async (tx) => {
        await sessionsRepository.setActing(tx, signedIn.session.idHash, party);
        await appendAudit(tx, { at: clock.now(), action: 'ACT_AS', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(party), subject: null, detail: { basis: option.basis.kind } });
      });
      return ok(option);
    },

    /** Ends this session; returns the provider's logout address (RP-initiated logout) when it has one. */
    async signOut(signedIn: SignedIn, postLogoutRedirectUri: string): Promise<string | null> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await sessionsRepository.end(tx, signedIn.session.idHash, now);
        await appendAudit(tx, { at: now, action: 'SIGN_OUT', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: null, detail: {} });
      });
      const idp = provider(signedIn.session.idp);
      return idp && signedIn.session.idToken ? oidc.endSessionUrl(idp, signedIn.session.idToken, postLogoutRedirectUri) : null;
    },

    async signOutEverywhere(signedIn: SignedIn): Promise<number> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const ended = await sessionsRepository.endAllOf(tx, signedIn.person.id, now);
        await appendAudit(tx, { at: now, action: 'SIGN_OUT_EVERYWHERE', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: null, detail: { sessions: ended } });
        return ended;
      });
    },

    /** Audits a refusal the web layer decided (a missing CSRF token, an expired session). */
    recordRefusal: (action: string, personId: string | null, detail: Record<string, unknown>) =>
      recordAudit(db, { at: clock.now(), action, outcome: 'refused', channel: 'web', actorPersonId: personId, actingFor: null, subject: null, detail }),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
