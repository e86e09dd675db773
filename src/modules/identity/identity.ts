/** The people and parties of the portal, and what a person may do for whom. Pure. */
import { kyivDay } from '../../kernel/state-time.ts';

export const STAFF_ROLES = ['clerk', 'decision-maker', 'supervisor', 'agency-admin', 'front-desk', 'contact-centre', 'catalogue-editor', 'national-admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Realm = 'citizen' | 'staff';

export interface Person {
  readonly id: string;
  readonly nationalId: string | null;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string | null;
}

/** Whom a person acts for: themselves, a business (by registry code) or another person (by national id). */
export type Party =
  | { readonly kind: 'self' }
  | { readonly kind: 'business'; readonly id: string }
  | { readonly kind: 'person'; readonly id: string };

export type MandateScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'services'; readonly serviceIds: readonly string[] }
  | { readonly kind: 'thematic'; readonly thematicArea: string };

export interface Mandate {
  readonly id: string;
  readonly grantor: { readonly kind: 'business' | 'person'; readonly id: string };
  /** The representative's national id, or an organisation's registry code when `representativeKind` is `business`. */
  readonly representativeNationalId: string;
  /** A mandate to an organisation (a partner of the open API, acting for the person through its systems); absent: to a person. */
  readonly representativeKind?: 'business';
  readonly scope: MandateScope;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly grantedBy: string;
  readonly grantedAt: Date;
  readonly revokedAt: Date | null;
}

export interface StaffAssignment {
  readonly id: string;
  readonly role: StaffRole;
  readonly agencyId: string | null;
  readonly centreId: string | null;
}

/** Why a person may act for a party: the registers say so, or a mandate does. */
export type Basis =
  | { readonly kind: 'self' }
  | { readonly kind: 'director' }
  | { readonly kind: 'parent' }
  | { readonly kind: 'mandate'; readonly mandates: readonly Mandate[] };

export interface ActingOption {
  readonly party: Party;
  readonly name: string;
  readonly basis: Basis;
}

/** What the registers and mandates say about one person, loaded for a decision. */
export interface Relations {
  readonly directorOf: ReadonlyArray<{ readonly registryCode: string; readonly name: string }>;
  readonly children: ReadonlyArray<{ readonly nationalId: string; readonly name: string; readonly birthDate: string }>;
  readonly mandates: ReadonlyArray<{ readonly mandate: Mandate; readonly grantorName: string }>;
}

export function isMandateActive(m: Mandate, at: Date): boolean {
  const day = kyivDay(at);
  return m.revokedAt === null && m.validFrom <= day && day <= m.validUntil;
}

/** Under 18 on the state's calendar day of `at` (a person born on 29 February comes of age on 1 March). */
export function isMinor(birthDate: string, at: Date): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const adult = new Date(Date.UTC(y + 18, m - 1, d)).toISOString().slice(0, 10);
  return kyivDay(at) < adult;
}

export const partyKey = (p: Party): string => (p.kind === 'self' ? 'self' : `${p.kind}:${p.id}`);

export function parsePartyKey(key: string): Party | null {
  if (key === 'self') {
    return { kind: 'self' };
  }
  const match = /^(business|person):([0-9]{8,10})$/.exec(key);
  return match ? ({ kind: match[1] as 'business' | 'person', id: match[2] as string }) : null;
}

/** Every party a person may act for now, with the basis for each. */
export function actingOptions(person: Person, relations: Relations, at: Date): ActingOption[] {
  const options: ActingOption[] = [{ party: { kind: 'self' }, name: `${person.givenName} ${person.familyName}`, basis: { kind: 'self' } }];
  for (const b of relations.directorOf) {
    options.push({ party: { kind: 'business', id: b.registryCode }, name: b.name, basis: { kind: 'director' } });
  }
  for (const c of relations.children) {
    if (isMinor(c.birthDate, at)) {
      options.push({ party: { kind: 'person', id: c.nationalId }, name: c.name, basis: { kind: 'parent' } });
    }
  }
  // Every active mandate from one grantor counts: the representative holds the union of their scopes.
  const byGrantor = new Map<string, { name: string; mandates: Mandate[] }>();
  for (const { mandate, grantorName } of relations.mandates) {
    const key = `${mandate.grantor.kind}:${mandate.grantor.id}`;
    if (isMandateActive(mandate, at) && mandate.representativeNationalId === person.nationalId && !options.some((o) => partyKey(o.party) === key)) {
      const entry = byGrantor.get(key) ?? { name: grantorName, mandates: [] };
      entry.mandates.push(mandate);
      byGrantor.set(key, entry);
    }
  }
  for (const { name, mandates } of byGrantor.values()) {
    const grantor = (mandates[0] as Mandate).grantor;
    options.push({ party: { kind: grantor.kind, id: grantor.id }, name, basis: { kind: 'mandate', mandates } });
  }
  return options;
}

/** The option for `party`, if the person may act for it now. */
export function findOption(options: readonly ActingOption[], party: Party): ActingOption | null {
  return options.find((o) => partyKey(o.party) === partyKey(party)) ?? null;
}
