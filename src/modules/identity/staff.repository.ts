import type { Queryable } from '../../platform/db/database.ts';
import type { StaffRole } from './identity.ts';

export interface StaffRow {
  readonly id: string;
  readonly nationalId: string;
  readonly role: StaffRole;
  readonly agencyId: string | null;
  readonly centreId: string | null;
  readonly grantedAt: Date;
  readonly name?: string | null;
}

type Row = { id: string; national_id: string; role: StaffRole; agency_id: string | null; centre_id: string | null; granted_at: Date; name: string | null };
const toRow = (r: Row): StaffRow => ({ id: r.id, nationalId: r.national_id, role: r.role, agencyId: r.agency_id, centreId: r.centre_id, grantedAt: r.granted_at, name: r.name });
const SELECT = `SELECT s.id, s.national_id, s.role, s.agency_id, s.centre_id, s.granted_at, p.given_name || ' ' || p.family_name AS name
  FROM staff_roles s LEFT JOIN persons p ON p.national_id = s.national_id`;

export const staffRepository = {
  /** Active roles, of the given agencies only (null: all). */
  async list(q: Queryable, agencies: readonly string[] | null): Promise<StaffRow[]> {
    const rows = agencies === null
      ? await q.query<Row>(`${SELECT} WHERE s.revoked_at IS NULL ORDER BY s.agency_id NULLS FIRST, s.role, s.national_id`)
      : await q.query<Row>(`${SELECT} WHERE s.revoked_at IS NULL AND s.agency_id = ANY($1::text[]) ORDER BY s.agency_id, s.role, s.national_id`, [agencies]);
    return rows.map(toRow);
  },

  async byId(q: Queryable, id: string): Promise<StaffRow | null> {
    const [row] = await q.query<Row>(`${SELECT} WHERE s.id = $1 AND s.revoked_at IS NULL`, [id]);
    return row ? toRow(row) : null;
  },

  async insert(q: Queryable, r: StaffRow, by: string): Promise<void> {
    await q.query(
      'INSERT INTO staff_roles (id, national_id, role, agency_id, centre_id, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [r.id, r.nationalId, r.role, r.agencyId, r.centreId, by, r.grantedAt],
    );
  },

  async revoke(q: Queryable, id: string, by: string, at: Date): Promise<void> {
    await q.query('UPDATE staff_roles SET revoked_at = $3, revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL', [id, by, at]);
  },
};
