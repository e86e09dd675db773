import type { PrefillProfile } from '../forms/index.ts';
import type { SignedIn } from '../identity/index.ts';

/** What the registers say about the person (the eID) and the party they act for (the business register). */
export function registerProfile(signedIn: SignedIn): PrefillProfile {
  const { person } = signedIn;
  const party = signedIn.actor.acting.party;
  const profile: PrefillProfile = { 'person.givenName': person.givenName, 'person.familyName': person.familyName, 'person.fullName': `${person.givenName} ${person.familyName}` };
  const add = (key: keyof PrefillProfile, value: string | null) => {
    if (value !== null) {
      profile[key] = value;
    }
  };
  add('person.nationalId', person.nationalId);
  add('person.birthDate', person.birthDate);
  if (party.kind !== 'self') {
    add('party.name', signedIn.actor.acting.name);
    add('party.code', party.id);
  }
  return profile;
}
