import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ActingOption, Basis, Person } from './identity.ts';
import { type ApiCaller, partnerBasis } from './identity.policy.ts';
import { personsRepository } from './persons.repository.ts';
import { relationsRepository } from './relations.repository.ts';
import type { SignedIn } from './sessions.service.ts';

/**
 * Whom an API call stands for, as the services take it (`SignedIn`): the person, acting for
 * themselves, in the citizen realm, without staff roles. A public client's token is the person's own
 * (basis `self`); a partner acts under the person's mandates to its organisation (basis `mandate`, so
 * the mandates' scopes limit the services exactly as for a representative in the web). An API call
 * has no session: the record below carries the person and nothing a browser's session would.
 */
function principal(person: Person, basis: Basis, caller: ApiCaller, at: Date): SignedIn {
  const acting: ActingOption = { party: { kind: 'self' }, name: `${person.givenName} ${person.familyName}`, basis };
  return {
    token: '',
    session: { idHash: `api:${caller.clientId}`, personId: person.id, realm: 'citizen', idp: `api:${caller.clientId}`, acr: null, idToken: null, acting: acting.party, csrfToken: '', createdAt: at, lastSeenAt: at, expiresAt: at },
    person,
    actor: { kind: 'person', personId: person.id, nationalId: person.nationalId, realm: 'citizen', acting, staff: [] },
    options: [acting],
    staff: [],
  };
}

export function createApiPrincipals(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** The person a public client's token stands for; null when the person is gone. */
    async person(caller: Extract<ApiCaller, { kind: 'public' }>): Promise<SignedIn | null> {
      const person = await personsRepository.byId(db, caller.personId);
      return person === null ? null : principal(person, { kind: 'self' }, caller, clock.now());
    },

    /** The person a partner names, under their mandates in force to the partner's organisation; null when there is none (or no such person). */
    async underMandate(caller: Extract<ApiCaller, { kind: 'partner' }>, nationalId: string): Promise<SignedIn | null> {
      const person = await personsRepository.byNationalId(db, nationalId);
      if (person === null) {
        return null;
      }
      const now = clock.now();
      const basis = partnerBasis(caller.organisationCode, nationalId, await relationsRepository.mandatesToOrganisation(db, nationalId, caller.organisationCode), now);
      return basis === null ? null : principal(person, basis, caller, now);
    },
  };
}

export type ApiPrincipals = ReturnType<typeof createApiPrincipals>;
