import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import { type Mandate, type MandateScope, dayOf, partyKey } from './identity.ts';
import { MandateRefused } from './identity.errors.ts';
import { canManageMandatesOf } from './identity.policy.ts';
import { type GrantedMandate, relationsRepository } from './relations.repository.ts';
import type { SignedIn } from './sessions.service.ts';

export interface GrantMandate {
  readonly representativeNationalId: string;
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
    /** Mandates granted by the party the person acts for (empty when they may not manage any). */
    async granted(signedIn: SignedIn): Promise<GrantedMandate[]> {
      const grantor = grantorOf(signedIn);
      return grantor ? relationsRepository.mandatesGrantedBy(db, grantor) : [];
    },

    /**
     * Who the person about to grant a mandate names as representative, so they can confirm the name
     * before granting. A read of another person's data: recorded in the audit log with its purpose.
     * @returns err(MandateRefused) with `not-allowed`, `self-mandate` or `representative-unknown`.
     */
    async findRepresentative(signedIn: SignedIn, nationalId: string): Promise<Result<{ nationalId: string; name: string }, MandateRefused>> {
      const grantor = grantorOf(signedIn);
      if (!grantor || !canManageMandatesOf(signedIn.actor, grantor)) {
        return err(new MandateRefused('not-allowed'));
      }
      if (nationalId === signedIn.person.nationalId) {
        return err(new MandateRefused('self-mandate', 'representative'));
      }
      const name = await relationsRepository.personName(db, nationalId);
      if (name === null) {
        return err(new MandateRefused('representative-unknown', 'representative'));
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
     * @returns err(MandateRefused) with `not-allowed`, `self-mandate`, `representative-unknown`, `dates-invalid` or `scope-empty`.
     */
    async grant(signedIn: SignedIn, input: GrantMandate): Promise<Result<Mandate, MandateRefused>> {
      const grantor = grantorOf(signedIn);
      if (!grantor || !canManageMandatesOf(signedIn.actor, grantor)) {
        return err(new MandateRefused('not-allowed'));
      }
      if (input.representativeNationalId === signedIn.person.nationalId) {
        return err(new MandateRefused('self-mandate', 'representative'));
      }
      if ((await relationsRepository.personName(db, input.representativeNationalId)) === null) {
        return err(new MandateRefused('representative-unknown', 'representative'));
      }
      const now = clock.now();
      if (input.validUntil < input.validFrom || input.validUntil < dayOf(now)) {
        return err(new MandateRefused('dates-invalid', 'validUntil'));
      }
      if (input.scope.kind === 'services' && input.scope.serviceIds.length === 0) {
        return err(new MandateRefused('scope-empty', 'services'));
      }
      const mandate: Mandate = { id: newId(), grantor, ...input, grantedBy: signedIn.person.id, grantedAt: now, revokedAt: null };
      await db.transaction(async (tx) => {
        await relationsRepository.insertMandate(tx, mandate);
        await appendAudit(tx, {
          at: now, action: 'GRANT_MANDATE', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party),
          subject: `mandate:${mandate.id}`, detail: { representative: input.representativeNationalId, scope: input.scope, validFrom: input.validFrom, validUntil: input.validUntil },
        });
      });
      return ok(mandate);
    },

    /** Revokes a mandate at once. Only the grantor's side may do it. */
    async revoke(signedIn: SignedIn, mandateId: string): Promise<Result<Mandate, MandateRefused>> {
      const mandate = await relationsRepository.mandate(db, mandateId);
      if (!mandate) {
        return err(new MandateRefused('not-found'));
      }
      if (!canManageMandatesOf(signedIn.actor, mandate.grantor)) {
        return err(new MandateRefused('not-allowed'));
      }
      const now = clock.now();
      const revoked = await db.transaction(async (tx) => {
        const done = await relationsRepository.revokeMandate(tx, mandate.id, signedIn.person.id, now);
        if (done) {
          await appendAudit(tx, { at: now, action: 'REVOKE_MANDATE', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party), subject: `mandate:${mandate.id}`, detail: {} });
        }
        return done;
      });
      return revoked ? ok({ ...mandate, revokedAt: now }) : err(new MandateRefused('already-revoked'));
    },
  };
}

export type MandatesService = ReturnType<typeof createMandatesService>;
