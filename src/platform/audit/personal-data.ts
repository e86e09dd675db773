/**
 * Access records: every read of a person's or a legal entity's data by staff is an entry of the audit
 * log (so it is sealed in the Merkle tree like any other, ADR 0016) with the action `personal-data.read`
 * and the subject whose data was read. The person sees them in the cabinet ("Who saw my data",
 * modules/access-log).
 */
import type { Database, Queryable } from '../db/database.ts';
import { type AuditEntry, appendAudit, auditedTransaction } from './audit.ts';

export const PERSONAL_DATA_READ = 'personal-data.read';

/**
 * Whose data: a person with an account (`person:<uuid>`), a legal entity by its registry code
 * (`business:<code>`), or a person by national id only (`national-id:<rnokpp>`: a child a case is
 * for, someone without an account yet).
 */
export type AccessSubject = `person:${string}` | `business:${string}` | `national-id:${string}`;

/** What was read, named for the person in the cabinet's words (locales `access-log.what.*`). */
export const READ_KINDS = ['case', 'attachment', 'decision', 'decision-draft', 'caller-cases', 'caller-identification', 'collection-search', 'collection'] as const;
export type ReadKind = (typeof READ_KINDS)[number];

/** Legal bases other than a case, named for the person in the cabinet's words (locales `access-log.basis.*`). */
export const READ_BASES = ['contact-centre-call', 'collection-handover'] as const;
export type ReadBasis = (typeof READ_BASES)[number];

/** Why: the case the read was for (its number), or the legal basis (a call taken, a handover at a centre) with its record. */
export type ReadPurpose = { readonly case: string } | { readonly basis: ReadBasis; readonly call?: string; readonly centre?: string };

export interface PersonalDataRead {
  readonly at: Date;
  readonly reader: { readonly personId: string; readonly agencyId: string | null; readonly role: string };
  readonly channel: AuditEntry['channel'];
  readonly what: ReadKind;
  readonly purpose: ReadPurpose;
  /** The case read, when the read was of one (its number): a way back for the person. */
  readonly caseNumber: string | null;
}

/** Appends one access record per subject (deduplicated) inside the caller's transaction. */
export async function appendPersonalDataReads(tx: Queryable, subjects: readonly AccessSubject[], read: PersonalDataRead): Promise<void> {
  for (const subject of new Set(subjects)) {
    await appendAudit(tx, {
      at: read.at, action: PERSONAL_DATA_READ, outcome: 'done', channel: read.channel, actorPersonId: read.reader.personId, actingFor: null, subject,
      detail: { agency: read.reader.agencyId, role: read.reader.role, what: read.what, purpose: read.purpose, case: read.caseNumber },
    });
  }
}

/** The same in a transaction of its own (a page that reads and changes nothing): one INSERT of every record. */
export async function recordPersonalDataReads(db: Database, subjects: readonly AccessSubject[], read: PersonalDataRead): Promise<void> {
  if (subjects.length > 0) {
    await auditedTransaction(db, (tx) => appendPersonalDataReads(tx, subjects, read));
  }
}
