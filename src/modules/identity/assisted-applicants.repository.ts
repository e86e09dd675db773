import type { Lang } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { Person } from './identity.ts';
import { contactsRepository } from './contacts.repository.ts';
import { personsRepository } from './persons.repository.ts';

/** Who the population register says a tax number (РНОКПП) belongs to, in its demo copy. */
export interface RegisteredPerson {
  readonly nationalId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
}

/**
 * The person records staff file applications for (assisted filing): found by national id — the
 * portal's record, else one made from the population register, so the person sees their cases when
 * they sign in later (sign-in finds a person by national id) — or recorded by name alone for someone
 * the register does not name. Called inside the filing's transaction.
 */
export const assistedApplicants = {
  async inRegister(q: Queryable, nationalId: string): Promise<RegisteredPerson | null> {
    const [row] = await q.query<{ national_id: string; given_name: string; family_name: string; birth_date: string }>(
      "SELECT national_id, given_name, family_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM population_people WHERE national_id = $1",
      [nationalId],
    );
    return row ? { nationalId: row.national_id, givenName: row.given_name, familyName: row.family_name, birthDate: row.birth_date } : null;
  },

  /** The portal's record of the person with this national id, made from the register when the portal has none; null when the register does not know them either. */
  async byNationalId(q: Queryable, nationalId: string, at: Date): Promise<Person | null> {
    const known = await personsRepository.byNationalId(q, nationalId);
    if (known !== null) {
      return known;
    }
    const registered = await assistedApplicants.inRegister(q, nationalId);
    if (registered === null) {
      return null;
    }
    const person: Person = { id: newId(), nationalId, givenName: registered.givenName, familyName: registered.familyName, birthDate: registered.birthDate };
    await q.query(
      'INSERT INTO persons (id, national_id, given_name, family_name, birth_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (national_id) DO NOTHING',
      [person.id, person.nationalId, person.givenName, person.familyName, person.birthDate, at],
    );
    return personsRepository.byNationalId(q, nationalId);
  },

  /** The portal's record of a person a registry's answer names (ADR 0032), made from that answer when the portal has none. */
  async fromRegister(q: Queryable, registered: RegisteredPerson, at: Date): Promise<Person> {
    await q.query(
      'INSERT INTO persons (id, national_id, given_name, family_name, birth_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (national_id) DO NOTHING',
      [newId(), registered.nationalId, registered.givenName, registered.familyName, registered.birthDate, at],
    );
    const person = await personsRepository.byNationalId(q, registered.nationalId);
    if (person === null) {
      throw new Error('a person just recorded is missing');
    }
    return person;
  },

  /** A record for a person known only by name (no national id given): always a new one. */
  async byName(q: Queryable, name: { givenName: string; familyName: string }, at: Date): Promise<Person> {
    const person: Person = { id: newId(), nationalId: null, givenName: name.givenName, familyName: name.familyName, birthDate: null };
    await personsRepository.insert(q, person, at);
    return person;
  },

  /**
   * Letters for a person who has never signed in: the address they wrote from becomes their postal
   * address and post is added to their notice channels. Someone who has signed in keeps their own choices.
   */
  async preferPostUnlessOnline(q: Queryable, personId: string, address: string, lang: Lang, at: Date): Promise<boolean> {
    const [login] = await q.query('SELECT 1 FROM person_logins WHERE person_id = $1 LIMIT 1', [personId]);
    if (login !== undefined) {
      return false;
    }
    const current = await contactsRepository.details(q, personId);
    const channels = [...new Set([...current.noticeChannels, 'portal', 'post'])];
    await contactsRepository.setPreferences(q, personId, { language: lang, noticeChannels: channels, postalAddress: address }, at);
    return true;
  },
};
