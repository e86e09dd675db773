import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import { type Mandate, type MandateScope, isMandateActive, partyKey } from './identity.ts';
import {
  type FindRepresentativeFailure, type GrantMandateFailure, MandateAlreadyRevoked, RepresentativeUnknown, MandateDatesInvalid, MandateNotAllowed, MandateNotFound, MandateScopeEmpty, type RevokeMandateFailure, SelfMandate,
} from './identity.errors.ts';
import { canManageMandatesOf } from './identity.policy.ts';
import { type GrantedMandate, relationsRepository } from './relations.repository.ts';
import type { SignedIn } from './sessions.service.ts';

export interface GrantMandate {
  /** A person's national id, or with `representativeKind: 'business'` an organisation's registry code (a partner of the open API). */
  readonly representativeNationalId: string;
  readonly representativeKind?: 'business';
  readonly scope: MandateScope;
  readonly validFrom: string;
  readonly validUntil: string;
}

/** The party a signed-in person grants mandates for: themselves, or the business they act for as director. */
export function grantorOf(signedIn: SignedIn): Mandate['grantor'] | null {
  const { party, basis } = signedIn.actor.acting;
  if (party.kind === 'self' && signedIn.person.nationalId) {
    return { kind: 'person', id: signedIn.person.nationalId };
  }
  if (party.kind === 'business' && basis.kind === 'director') {
    return { kind: 'business', id: party.id };
  }
  return null;
}

export function createMandatesService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** Mandates granted by the party the person acts for (empty when they may not manage any), each with its representative's name and whether it is in force now. */
    async granted(signedIn: SignedIn): Promise<Array<GrantedMandate & { readonly active: boolean }>> {
      const grantor = grantorOf(signedIn);
      const now = clock.now();
      return grantor ? (await relationsRepository.mandatesGrantedBy(db, grantor)).map((m) => ({ ...m, active: isMandateActive(m, now) })) : [];
    },

    /**
     * Who the person about to grant a mandate names as representative, so they can confirm the name
     * before granting. A read of another person's data: recorded in the audit log with its purpose.
     * @returns err(FindRepresentativeFailure): not allowed, a mandate to oneself or an unknown tax number.
     */
    async findRepresentative(signedIn: SignedIn, nationalId: string): Promise<Result<{ nationalId: string; name: string }, FindRepresentativeFailure>> {
      const grantor = grantorOf(signedIn);
      if (!grantor || !canManageMandatesOf(signedIn.actor, grantor)) {
        return err(new MandateNotAllowed());
      }
      if (nationalId === signedIn.person.nationalId) {
        return err(new SelfMandate());
      }
      const name = await relationsRepository.personName(db, nationalId);
      if (name === null) {
        return err(new RepresentativeUnknown());
      }
      await db.transaction((tx) =>
        appendAudit(tx, {
          at: clock.now(), action: 'READ_PERSON_NAME', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party),
          subject: `person:${nationalId}`, detail: { purpose: 'mandate-representative-confirmation' },
        }),
      );
      return ok({ nationalId, name });
    },

    /**
     * Grants a mandate from the party the person acts for.
     * @returns err(GrantMandateFailure): not allowed, a mandate to oneself, an unknown representative, dates invalid or an empty scope.
     */
    async grant(signedIn: SignedIn, input: GrantMandate): Promise<Result<Mandate, GrantMandateFailure>> {
      const grantor = grantorOf(signedIn);
      if (!grantor || !canManageMandatesOf(signedIn.actor, grantor)) {
        return err(new MandateNotAllowed());
      }
      if (input.representativeKind !== 'business' && input.representativeNationalId === signedIn.person.nationalId) {
        return err(new SelfMandate());
      }
      const named = input.representativeKind === 'business'
        ? await relationsRepository.businessName(db, input.representativeNationalId, 'uk')
        : await relationsRepository.personName(db, input.representativeNationalId);
      if (named === null) {
        return err(new RepresentativeUnknown());
      }
      const now = clock.now();
      if (input.validUntil < input.validFrom || input.validUntil < kyivDay(now)) {
        return err(new MandateDatesInvalid());
      }
      if (input.scope.kind === 'services' && input.scope.serviceIds.length === 0) {
        return err(new MandateScopeEmpty());
      }
      const mandate: Mandate = { id: newId(), grantor, ...input, grantedBy: signedIn.person.id, grantedAt: now, revokedAt: null };
      await db.transaction(async (tx) => {
        await relationsRepository.insertMandate(tx, mandate);
        await appendAudit(tx, {
          at: now, action: 'GRANT_MANDATE', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party),
          subject: `mandate:${mandate.id}`, detail: { representative: input.representativeNationalId, ...(input.representativeKind === 'business' ? { representativeKind: 'business' } : {}), scope: input.scope, validFrom: input.validFrom, validUntil: input.validUntil },
        });
      });
      return ok(mandate);
    },

    /** Revokes a mandate at once. Only the grantor's side may do it. */
    async revoke(signedIn: SignedIn, mandateId: string): Promise<Result<Mandate, RevokeMandateFailure>> {
      const mandate = await relationsRepository.mandate(db, mandateId);
      if (!mandate) {
        return err(new MandateNotFound(mandateId));
      }
      if (!canManageMandatesOf(signedIn.actor, mandate.grantor)) {
        return err(new MandateNotAllowed());
      }
      const now = clock.now();
      const revoked = await db.transaction(async (tx) => {
        const done = await relationsRepository.revokeMandate(tx, mandate.id, signedIn.person.id, now);
        if (done) {
          await appendAudit(tx, { at: now, action: 'REVOKE_MANDATE', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party), subject: `mandate:${mandate.id}`, detail: {} });
        }
        return done;
      });
      return revoked ? ok({ ...mandate, revokedAt: now }) : err(new MandateAlreadyRevoked(mandate.id));
    },
  };
}

export type MandatesService = ReturnType<typeof createMandatesService>;
