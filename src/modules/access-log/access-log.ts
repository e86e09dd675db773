/**
 * "Who saw my data", pure: whose access records a signed-in person may see (themselves and every
 * party they may act for now), and one access record read from its audit entry.
 */
import { type AccessSubject, READ_BASES, READ_KINDS, type ReadBasis, type ReadKind } from '../../kernel/access.ts';
import { type ActingOption, type Basis, partyKey, type Person } from '../identity/index.ts';

/** A party whose access records the person sees: its key (`self`, `business:<code>`, `person:<rnokpp>`), name, basis, and the subjects its records are kept under. */
export interface WatchedParty {
  readonly key: string;
  readonly name: string;
  readonly basis: Basis['kind'];
  readonly subjects: readonly AccessSubject[];
}

/** The person (by account and by national id) and each party they may act for now: a company they direct or represent, a minor child, a grantor. */
export function watchedParties(person: Person, options: readonly ActingOption[]): WatchedParty[] {
  return options.map((o): WatchedParty => {
    if (o.party.kind === 'self') {
      const subjects: AccessSubject[] = [`person:${person.id}`];
      if (person.nationalId !== null) {
        subjects.push(`national-id:${person.nationalId}`);
      }
      return { key: 'self', name: o.name, basis: o.basis.kind, subjects };
    }
    return { key: partyKey(o.party), name: o.name, basis: o.basis.kind, subjects: [o.party.kind === 'business' ? `business:${o.party.id}` : `national-id:${o.party.id}`] };
  });
}

/** One access record as the cabinet shows it. */
export interface AccessEntry {
  readonly id: number;
  readonly at: Date;
  /** The staff member's name; null if the person is unknown to the portal. */
  readonly readerName: string | null;
  readonly agencyId: string | null;
  readonly role: string;
  readonly channel: string;
  readonly what: ReadKind | 'other';
  /** The case the read was for, or the legal basis. */
  readonly purpose: { readonly case: string } | { readonly basis: ReadBasis | 'other'; readonly appeal: string | null };
  readonly caseNumber: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** An entry from its stored detail; anything unexpected is shown as "other" rather than dropped. */
export function entryOf(row: { id: number; at: Date; readerName: string | null; channel: string; detail: Readonly<Record<string, unknown>> }): AccessEntry {
  const d = row.detail;
  const what = str(d['what']);
  const purpose = typeof d['purpose'] === 'object' && d['purpose'] !== null ? (d['purpose'] as Record<string, unknown>) : {};
  const caseNumber = str(purpose['case']);
  const basis = str(purpose['basis']);
  return {
    id: row.id, at: row.at, readerName: row.readerName, agencyId: str(d['agency']), role: str(d['role']) ?? 'staff', channel: row.channel,
    what: what !== null && (READ_KINDS as readonly string[]).includes(what) ? (what as ReadKind) : 'other',
    purpose: caseNumber !== null ? { case: caseNumber } : { basis: basis !== null && (READ_BASES as readonly string[]).includes(basis) ? (basis as ReadBasis) : 'other', appeal: str(purpose['appeal']) },
    caseNumber: str(d['case']),
  };
}
