import type { Clock } from '../../kernel/clock.ts';
import type { Lang } from '../../kernel/text.ts';
import type { Database } from '../../platform/db/database.ts';
import { contactsRepository } from './contacts.repository.ts';
import { actingOptions, type Person } from './identity.ts';
import type { Actor } from './identity.policy.ts';
import { personsRepository } from './persons.repository.ts';
import { relationsRepository } from './relations.repository.ts';

/** The person behind a confirmed telephone number, with everyone they may act for now (as actors for the policy). */
export interface PhoneHolder {
  readonly person: Person;
  readonly language: Lang;
  /** One actor per party the person may act for now: themselves, businesses they direct, minor children, mandates. */
  readonly actors: readonly Actor[];
}

/**
 * Who a telephone number belongs to, for channels where the number is all there is (SMS). A number
 * leads to a person only through a contact that person confirmed with a one-time code, and only when
 * exactly one person confirmed it: a number confirmed by two people (a shared phone) leads to nobody.
 */
export function createPhoneHolders(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async holderOf(phone: string): Promise<PhoneHolder | null> {
      const holders = await contactsRepository.holdersOfVerifiedPhone(db, phone);
      const [only] = holders;
      if (holders.length !== 1 || only === undefined) {
        return null;
      }
      const person = await personsRepository.byId(db, only.personId);
      if (person === null) {
        return null;
      }
      const relations = await relationsRepository.relationsOf(db, person.nationalId, only.language);
      const actors = actingOptions(person, relations, clock.now()).map((acting): Actor => ({
        kind: 'person', personId: person.id, nationalId: person.nationalId, realm: 'citizen', acting, staff: [],
      }));
      return { person, language: only.language, actors };
    },
  };
}

export type PhoneHolders = ReturnType<typeof createPhoneHolders>;
