import type { Lang } from '../../kernel/text.ts';
import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit, recordAudit } from '../../platform/audit/audit.ts';
import { recordRefusal } from '../../platform/audit/refusals.ts';
import type { Database } from '../../platform/db/database.ts';
import type { RateLimiter } from '../../platform/rate-limit/index.ts';
import { hashToken } from '../../platform/security/tokens.ts';
import { type ActingOption, type Party, type Person, type StaffAssignment, actingOptions, findOption, partyKey } from './identity.ts';
import { ActingNotAllowed } from './identity.errors.ts';
import type { Actor } from './identity.policy.ts';
import type { IdentityProviderConfig, OidcClient } from './oidc.port.ts';
import { personsRepository } from './persons.repository.ts';
import { relationsRepository } from './relations.repository.ts';
import { type SessionRecord, sessionsRepository } from './sessions.repository.ts';
import { signInPart } from './sign-in.service.ts';

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

export interface SessionsDeps {
  db: Database;
  clock: Clock;
  oidc: OidcClient;
  /** Shared rate-limit counters (sign-in callbacks). */
  limiter: RateLimiter;
  providers: readonly IdentityProviderConfig[];
  callbackUrl: (idpId: string) => string;
  policy: SessionPolicy;
}

/** Sign-in and sessions: one service for the web adapter, built from two parts. */
export function createSessionsService(deps: SessionsDeps) {
  return { ...signInPart(deps), ...sessionPart(deps) };
}

function sessionPart(deps: SessionsDeps) {
  const { db, clock, oidc, policy } = deps;
  const provider = (id: string) => deps.providers.find((p) => p.id === id) ?? null;
  return {
    /** The live session behind a cookie token, with who is acting for whom; null when it ended or went idle. */
    async resolve(token: string, lang: Lang): Promise<SignedIn | null> {
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
      const { relations, staff } = await relationsRepository.relationsAndStaff(db, person.nationalId, lang);
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

    /**
     * Records a refusal the web layer decided (a missing CSRF token, an expired session) for the
     * client's address: counted per minute, chained in the audit log as ADR 0012 says.
     */
    recordRefusal: (action: string, personId: string | null, detail: Record<string, unknown>, client: string) =>
      recordRefusal(db, { at: clock.now(), action, channel: 'web', actorPersonId: personId, actingFor: null, subject: null, detail }, client),

    /** Deletes sign-in requests that can no longer complete and sessions that ended, expired or went idle. */
    async purgeExpired(): Promise<{ signInRequests: number; sessions: number }> {
      const now = clock.now().getTime();
      const signInRequests = await sessionsRepository.purgeSignInRequests(db, new Date(now - policy.signInMinutes * 60_000));
      const sessions = await sessionsRepository.purgeSessions(db, new Date(now), new Date(now - policy.idleMinutes * 60_000));
      return { signInRequests, sessions };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
