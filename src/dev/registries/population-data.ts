/**
 * The population registry's records, made from the demo state's data (registries/demo): people with
 * their birth dates, registered addresses and family links (parents and children).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REGISTRIES_DIR = fileURLToPath(new URL('../../../registries/demo/', import.meta.url));

export interface Address {
  readonly region: string;
  readonly locality: string;
  readonly street: string;
  readonly building: string;
  readonly apartment: string | null;
  readonly postcode: string;
  readonly registeredOn: string;
}

export interface Relative {
  readonly nationalId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
}

export interface PopulationRecord extends Relative {
  readonly address: Address | null;
  readonly parents: readonly Relative[];
  readonly children: readonly Relative[];
}

interface Files {
  people: Relative[];
  children: Array<{ parentNationalId: string; childNationalId: string; givenName: string; familyName: string; birthDate: string }>;
  addresses: Record<string, Address>;
}

export async function loadPopulation(dir = REGISTRIES_DIR): Promise<ReadonlyMap<string, PopulationRecord>> {
  const read = async <T>(name: string): Promise<T> => JSON.parse(await readFile(`${dir}${name}`, 'utf8')) as T;
  const register = await read<Pick<Files, 'people' | 'children'>>('population-registry.json');
  const { addresses } = await read<Pick<Files, 'addresses'>>('population-addresses.json');
  const people = new Map<string, Relative>(register.people.map((p) => [p.nationalId, { nationalId: p.nationalId, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate }]));
  for (const c of register.children) {
    people.set(c.childNationalId, { nationalId: c.childNationalId, givenName: c.givenName, familyName: c.familyName, birthDate: c.birthDate });
  }
  const records = new Map<string, PopulationRecord>();
  for (const person of people.values()) {
    const parents = register.children.filter((c) => c.childNationalId === person.nationalId).flatMap((c) => people.get(c.parentNationalId) ?? []);
    const children = register.children.filter((c) => c.parentNationalId === person.nationalId).flatMap((c) => people.get(c.childNationalId) ?? []);
    records.set(person.nationalId, { ...person, address: addresses[person.nationalId] ?? null, parents, children });
  }
  return records;
}
