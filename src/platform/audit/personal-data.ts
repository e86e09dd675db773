/**
 * Access records: every read of a person's or a legal entity's data by staff is an entry of the audit
 * log (so it is sealed in the Merkle tree like any other, ADR 0016) with the action `personal-data.read`
 * and the subject whose data was read. The person sees them in the cabinet ("Who saw my data",
 * modules/access-log).
 */
import type { Database, Queryable } from '../db/database.ts';
import { type AccessSubject, PERSONAL_DATA_READ, type ReadKind, type ReadPurpose } from '../../kernel/access.ts';
import { type AuditEntry, appendAudit, auditedTransaction } from './audit.ts';

export interface PersonalDataRead {
  readonly at: Date;
  /** Who read: a staff member, the person themselves, or the portal for an agency (`personId` null: a background fetch of evidence). */
  readonly reader: { readonly personId: string | null; readonly agencyId: string | null; readonly role: string };
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
