/**
 * Access records of staff reading a case (the case page, its files, its decision's PDF): one
 * `personal-data.read` entry per party whose data the case holds — the applicant, and the business or
 * the person (a child) the case is for — with the agency, the reader's role there and the case as purpose.
 */
import type { Clock } from '../../kernel/clock.ts';
import type { AccessSubject, ReadKind } from '../../kernel/access.ts';
import { recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database } from '../../platform/db/database.ts';
import type { SignedIn, StaffRole } from '../identity/index.ts';
import type { CaseRecord } from './case.ts';

/** Whose data a case holds: its applicant, and the party it is for when that is someone else. */
export function caseSubjects(c: Pick<CaseRecord, 'applicantPersonId' | 'party'>): AccessSubject[] {
  const subjects: AccessSubject[] = [`person:${c.applicantPersonId}`];
  if (c.party.kind === 'business' && c.party.id !== null) {
    subjects.push(`business:${c.party.id}`);
  } else if (c.party.kind === 'person' && c.party.id !== null) {
    subjects.push(`national-id:${c.party.id}`);
  }
  return subjects;
}

/** The most senior role a staff member holds in an agency (the one the case is read under). */
const SENIORITY: readonly StaffRole[] = ['supervisor', 'decision-maker', 'clerk', 'front-desk', 'agency-admin'];
export function roleIn(signedIn: SignedIn, agencyId: string): string {
  const held = signedIn.staff.filter((s) => s.agencyId === agencyId).map((s) => s.role);
  return SENIORITY.find((r) => held.includes(r)) ?? held[0] ?? 'staff';
}

/** Records that an officer of the case's agency read it (`what`), for the case as purpose. */
export function recordCaseRead(deps: { readonly db: Database; readonly clock: Clock }, signedIn: SignedIn, c: CaseRecord, what: ReadKind): Promise<void> {
  return recordPersonalDataReads(deps.db, caseSubjects(c), {
    at: deps.clock.now(), reader: { personId: signedIn.person.id, agencyId: c.organisationId, role: roleIn(signedIn, c.organisationId) },
    channel: 'web', what, purpose: { case: c.number }, caseNumber: c.number,
  });
}
