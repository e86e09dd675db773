import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { contactsRepository } from './contacts.repository.ts';
import { type ActingOption, actingOptions, type Person } from './identity.ts';
import type { Actor } from './identity.policy.ts';
import { personsRepository } from './persons.repository.ts';
import { relationsRepository } from './relations.repository.ts';

/** A person on the telephone to the contact centre, as the registers and their confirmed contacts know them. */
export interface Caller {
  readonly person: Person;
  /** The mobile number the person confirmed with a one-time code (E.164); null when none is confirmed. */
  readonly verifiedPhone: string | null;
  /** Everyone the person may act for now, with the basis for each. */
  readonly options: readonly ActingOption[];
  /** The person as an actor for the policy, acting for themselves. */
  readonly actor: Extract<Actor, { kind: 'person' }>;
}

/**
 * Who a caller may be, for the contact centre: found by national id, or by a telephone number only
 * a single person confirmed (a shared phone leads to nobody, as for SMS).
 */
export function createCallers(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  async function callerOf(person: Person | null): Promise<Caller | null> {
    if (person === null) {
      return null;
    }
    const contacts = await contactsRepository.details(db, person.id);
    const relations = await relationsRepository.relationsOf(db, person.nationalId, contacts.language);
    const options = actingOptions(person, relations, clock.now());
    const self = options[0] as ActingOption;
    return {
      person, verifiedPhone: contacts.phoneVerified ? contacts.phone : null, options,
      actor: { kind: 'person', personId: person.id, nationalId: person.nationalId, realm: 'citizen', acting: self, staff: [] },
    };
  }
  return {
    byId: async (personId: string): Promise<Caller | null> => callerOf(await personsRepository.byId(db, personId)),
    byNationalId: async (nationalId: string): Promise<Caller | null> => callerOf(await personsRepository.byNationalId(db, nationalId)),
    async byVerifiedPhone(phone: string): Promise<Caller | null> {
      const holders = await contactsRepository.holdersOfVerifiedPhone(db, phone);
      const [only] = holders;
      return holders.length === 1 && only !== undefined ? callerOf(await personsRepository.byId(db, only.personId)) : null;
    },
  };
}

export type Callers = ReturnType<typeof createCallers>;
