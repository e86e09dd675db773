/**
 * The population registry's answer as the portal reads it, pure: a person's record (names, birth date,
 * registered address, parents and children), checked field by field — what comes over the exchange is
 * another system's data, never trusted to have our shape.
 */
import type { ReadPurpose } from '../../kernel/access.ts';

export interface RegistryRelative {
  readonly nationalId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
}

export interface RegistryAddress {
  readonly region: string;
  readonly locality: string;
  readonly street: string;
  readonly building: string;
  readonly apartment: string | null;
  readonly postcode: string;
}

export interface PopulationRecord extends RegistryRelative {
  readonly address: RegistryAddress | null;
  readonly parents: readonly RegistryRelative[];
  readonly children: readonly RegistryRelative[];
}

/** A query answered: the record or null (the register has no such person), with the exchange's request id. */
export interface PopulationAnswer {
  readonly record: PopulationRecord | null;
  readonly requestId: string;
}

export type PopulationFailure =
  /** Only staff query registers, for a case or a legal basis. */
  | { readonly code: 'population.forbidden' }
  | { readonly code: 'population.national-id-invalid' }
  /** The exchange refused the request (its X-Road-Error type). */
  | { readonly code: 'population.refused'; readonly type: string; readonly requestId: string }
  /** No answer (the registry or the exchange is down, or answered something unreadable): try again later. */
  | { readonly code: 'population.unavailable'; readonly requestId: string };

/** X-Road-Issue: the case number, or the legal basis with its record. */
export function issueOf(purpose: ReadPurpose): string {
  if ('case' in purpose) {
    return purpose.case;
  }
  const record = purpose.call ?? purpose.centre ?? purpose.appeal;
  return record === undefined ? purpose.basis : `${purpose.basis}:${record}`;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length <= 200;

function relative(v: unknown): RegistryRelative | null {
  const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const { nationalId, givenName, familyName, birthDate } = r;
  return text(nationalId) && text(givenName) && text(familyName) && text(birthDate) ? { nationalId, givenName, familyName, birthDate } : null;
}

function address(v: unknown): RegistryAddress | null | undefined {
  if (v === null) {
    return null;
  }
  const a = (typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const { region, locality, street, building, apartment, postcode } = a;
  return text(region) && text(locality) && text(street) && text(building) && (apartment === null || text(apartment)) && text(postcode)
    ? { region, locality, street, building, apartment, postcode } : undefined;
}

const relatives = (v: unknown): RegistryRelative[] | null => {
  if (!Array.isArray(v)) {
    return null;
  }
  const list: RegistryRelative[] = [];
  for (const item of v) {
    const r = relative(item);
    if (r === null) {
      return null;
    }
    list.push(r);
  }
  return list;
};

/** The record in a 200 answer, or null when it is not one. */
export function parseRecord(body: unknown): PopulationRecord | null {
  const person = relative(body);
  const b = body as Record<string, unknown>;
  const place = person === null ? undefined : address(b['address']);
  const parents = relatives(b?.['parents']);
  const children = relatives(b?.['children']);
  return person === null || place === undefined || parents === null || children === null ? null : { ...person, address: place, parents, children };
}
