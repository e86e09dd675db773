import type { Queryable } from '../../platform/db/database.ts';
import type { AssistedChannel, StaffRole } from '../identity/index.ts';
import type { AssistedBasis } from './assisted-filing.ts';

/** How a case was filed by staff for its applicant (one row per such case). */
export interface AssistedFilingRecord {
  readonly caseId: string;
  readonly channel: AssistedChannel;
  readonly staffPersonId: string;
  readonly staffName: string;
  readonly staffRole: StaffRole;
  readonly centreId: string | null;
  readonly basis: AssistedBasis;
  readonly receivedOn: string | null;
  readonly sender: string | null;
  readonly postalAddress: string | null;
  readonly createdAt: Date;
}

type Row = {
  case_id: string; channel: AssistedChannel; staff_person_id: string; staff_name: string; staff_role: StaffRole; centre_id: string | null; basis: AssistedBasis;
  received_on: string | null; sender: string | null; postal_address: string | null; created_at: Date;
};
const toRecord = (r: Row): AssistedFilingRecord => ({
  caseId: r.case_id, channel: r.channel, staffPersonId: r.staff_person_id, staffName: r.staff_name, staffRole: r.staff_role, centreId: r.centre_id, basis: r.basis,
  receivedOn: r.received_on, sender: r.sender, postalAddress: r.postal_address, createdAt: r.created_at,
});
const SELECT = `SELECT f.case_id, f.channel, f.staff_person_id, p.given_name || ' ' || p.family_name AS staff_name, f.staff_role, f.centre_id, f.basis,
  f.received_on::text AS received_on, f.sender, f.postal_address, f.created_at FROM assisted_filings f JOIN persons p ON p.id = f.staff_person_id`;

export const assistedFilingsRepository = {
  async insert(tx: Queryable, f: Omit<AssistedFilingRecord, 'staffName'> & { idempotencyKey: string }): Promise<void> {
    await tx.query(
      `INSERT INTO assisted_filings (case_id, channel, staff_person_id, staff_role, centre_id, basis, received_on, sender, postal_address, idempotency_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [f.caseId, f.channel, f.staffPersonId, f.staffRole, f.centreId, f.basis, f.receivedOn, f.sender, f.postalAddress, f.idempotencyKey, f.createdAt],
    );
  },

  /** The case a staff member's filing form (by its key) already opened: a second press, a retried request. */
  async caseOfKey(q: Queryable, staffPersonId: string, key: string): Promise<string | null> {
    const [row] = await q.query<{ case_id: string }>('SELECT case_id FROM assisted_filings WHERE staff_person_id = $1 AND idempotency_key = $2', [staffPersonId, key]);
    return row?.case_id ?? null;
  },

  async ofCase(q: Queryable, caseId: string): Promise<AssistedFilingRecord | null> {
    const [row] = await q.query<Row>(`${SELECT} WHERE f.case_id = $1`, [caseId]);
    return row ? toRecord(row) : null;
  },
};
