/**
 * The population register's stand-in: people with their birth dates, registered addresses (with the
 * whole address as the register writes it) and family links, from registries/demo.
 */
import type { PopulationRecord, RegisteredAddress } from '../../platform/registries/index.ts';
import { type Lookup, readDemo } from './demo-data.ts';

type Relative = Omit<PopulationRecord, 'address' | 'parents' | 'children'>;
type Parts = Omit<RegisteredAddress, 'full'>;

const fullAddress = (a: Parts): string => [a.region, a.locality, a.street, a.apartment === null ? a.building : `${a.building}, кв. ${a.apartment}`, a.postcode].join(', ');

/** Every person's record the register holds. */
export async function populationRecords(): Promise<PopulationRecord[]> {
  const register = await readDemo<{ people: Relative[]; children: Array<{ parentNationalId: string; childNationalId: string } & Omit<Relative, 'nationalId'>> }>('population-registry.json');
  const { addresses } = await readDemo<{ addresses: Record<string, Parts> }>('population-addresses.json');
  const people = new Map<string, Relative>(register.people.map((p) => [p.nationalId, { nationalId: p.nationalId, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate }]));
  for (const c of register.children) {
    people.set(c.childNationalId, { nationalId: c.childNationalId, givenName: c.givenName, familyName: c.familyName, birthDate: c.birthDate });
  }
  const records = new Map<string, PopulationRecord>();
  for (const person of people.values()) {
    const parents = register.children.filter((c) => c.childNationalId === person.nationalId).flatMap((c) => people.get(c.parentNationalId) ?? []);
    const children = register.children.filter((c) => c.parentNationalId === person.nationalId).flatMap((c) => people.get(c.childNationalId) ?? []);
    const parts = addresses[person.nationalId];
    records.set(person.nationalId, { ...person, address: parts === undefined ? null : { ...parts, full: fullAddress(parts) }, parents, children });
  }
  return [...records.values()];
}

export async function populationRegister(): Promise<Lookup<PopulationRecord>> {
  const records = new Map((await populationRecords()).map((r) => [r.nationalId, r]));
  return (nationalId) => records.get(nationalId);
}
