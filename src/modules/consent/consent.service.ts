import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import { partyKey, type SignedIn } from '../identity/index.ts';
import { type Consent, type ConsentChannel, type ConsentOffer, type ConsentState, stateAt, subjectOf } from './consent.ts';
import { ConsentAlreadyRevoked, ConsentNotAllowed, ConsentNotFound, ConsentOfferUnknown, type GrantConsentFailure, type RevokeConsentFailure } from './consent.errors.ts';
import { consentsRepository as repo } from './consents.repository.ts';

const DAY_MS = 86_400_000;

/** The national id of a person acting for themselves; consent is personal, never given for another party. */
function ownNationalId(signedIn: SignedIn): string | null {
  return signedIn.actor.acting.party.kind === 'self' && signedIn.person.nationalId ? signedIn.person.nationalId : null;
}

/**
 * A person's consents to share their data beyond what the law requires (ADR 0028): asked in plain words,
 * given and revoked by the person (each an audit entry), and checked by the exchange's provider side on
 * every request whose access right requires consent (`inForce`).
 */
export function createConsentService(deps: { db: Database; clock: Clock; offers: readonly ConsentOffer[] }) {
  const { db, clock } = deps;
  const offers = new Map(deps.offers.map((o) => [o.id, o]));
  return {
    offer: (id: string): ConsentOffer | null => offers.get(id) ?? null,

    /** One of the person's consents with its state now; null when there is none of theirs with this id. */
    async one(signedIn: SignedIn, consentId: string): Promise<(Consent & { readonly state: ConsentState }) | null> {
      const consent = await repo.byId(db, consentId);
      return consent === null || consent.personId !== signedIn.person.id ? null : { ...consent, state: stateAt(consent, clock.now()) };
    },

    /** Whether this person may give consent here (acting for themselves, with a national id). */
    mayConsent: (signedIn: SignedIn): boolean => ownNationalId(signedIn) !== null,

    /** The person's consents, newest first, each with its state now. */
    async mine(signedIn: SignedIn): Promise<Array<Consent & { readonly state: ConsentState }>> {
      const now = clock.now();
      return (await repo.ofPerson(db, signedIn.person.id)).map((c) => ({ ...c, state: stateAt(c, now) }));
    },

    /** Gives the consent an offer asks for, from now for the offer's days; audited in the same transaction. */
    async grant(signedIn: SignedIn, offerId: string, channel: ConsentChannel): Promise<Result<Consent, GrantConsentFailure>> {
      const offer = offers.get(offerId);
      if (offer === undefined) {
        return err(new ConsentOfferUnknown(offerId));
      }
      const nationalId = ownNationalId(signedIn);
      if (nationalId === null) {
        return err(new ConsentNotAllowed());
      }
      const now = clock.now();
      const consent: Consent = {
        id: newId(), personId: signedIn.person.id, nationalId, offer: offer.id, recipient: offer.recipient, service: offer.service, words: offer.words,
        validFrom: now, validUntil: new Date(now.getTime() + offer.days * DAY_MS), grantedAt: now, grantedChannel: channel, revokedAt: null, revokedChannel: null,
      };
      await db.transaction(async (tx) => {
        await repo.insert(tx, consent);
        await appendAudit(tx, {
          at: now, action: 'GRANT_CONSENT', outcome: 'done', channel, actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party), subject: `consent:${consent.id}`,
          detail: { offer: offer.id, recipient: offer.recipient, service: offer.service, validFrom: consent.validFrom.toISOString(), validUntil: consent.validUntil.toISOString() },
        });
      });
      return ok(consent);
    },

    /** Revokes one of the person's consents at once: the next request over the exchange is refused. Audited. */
    async revoke(signedIn: SignedIn, consentId: string, channel: ConsentChannel): Promise<Result<Consent, RevokeConsentFailure>> {
      // Another person's consent is not found, whoever asks: its existence is not revealed.
      const consent = await repo.byId(db, consentId);
      if (consent === null || consent.personId !== signedIn.person.id) {
        return err(new ConsentNotFound(consentId));
      }
      if (ownNationalId(signedIn) === null) {
        return err(new ConsentNotAllowed());
      }
      const now = clock.now();
      const done = await db.transaction(async (tx) => {
        if (!(await repo.revoke(tx, consent.id, now, channel))) {
          return false;
        }
        await appendAudit(tx, {
          at: now, action: 'REVOKE_CONSENT', outcome: 'done', channel, actorPersonId: signedIn.person.id, actingFor: partyKey(signedIn.actor.acting.party), subject: `consent:${consent.id}`,
          detail: { offer: consent.offer, recipient: consent.recipient, service: consent.service },
        });
        return true;
      });
      return done ? ok({ ...consent, revokedAt: now, revokedChannel: channel }) : err(new ConsentAlreadyRevoked(consent.id));
    },

    /**
     * The exchange's consent check (the provider's `consent` hook): whether the person the request is about
     * (its body's `nationalId`) has a consent in force at `at` for this client subsystem and service.
     * A request naming no person is never let through.
     */
    async inForce(request: { readonly client: string; readonly service: string; readonly body: unknown; readonly at: Date }): Promise<boolean> {
      const subject = subjectOf(request.body);
      return subject !== null && repo.inForce(db, subject, request.client, request.service, request.at);
    },
  };
}


export type ConsentService = ReturnType<typeof createConsentService>;
