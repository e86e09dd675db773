import type { Queryable } from '../../platform/db/database.ts';
import type { StaffRole } from './identity.ts';

export interface RegistryData {
  readonly companies: ReadonlyArray<{ registryCode: string; name: { uk: string; en: string }; legalForm: string; directors: readonly string[] }>;
  readonly children: ReadonlyArray<{ parentNationalId: string; childNationalId: string; givenName: string; familyName: string; birthDate: string }>;
  readonly staff: ReadonlyArray<{ id: string; nationalId: string; role: StaffRole; agencyId?: string; centreId?: string }>;
}

/** Loads the demo copies of the business and population registers, and the first staff roles. */
export const registriesRepository = {
  async isEmpty(q: Queryable): Promise<boolean> {
    const [row] = await q.query<{ n: number }>('SELECT (SELECT count(*) FROM business_registry) + (SELECT count(*) FROM staff_roles) AS n');
    return (row?.n ?? 0) === 0;
  },

  async load(q: Queryable, data: RegistryData, at: Date): Promise<void> {
    for (const c of data.companies) {
      await q.query('INSERT INTO business_registry (registry_code, name_uk, name_en, legal_form) VALUES ($1, $2, $3, $4)', [c.registryCode, c.name.uk, c.name.en, c.legalForm]);
      for (const d of c.directors) {
        await q.query('INSERT INTO business_directors (registry_code, national_id) VALUES ($1, $2)', [c.registryCode, d]);
      }
    }
    for (const c of data.children) {
      await q.query(
        'INSERT INTO population_children (parent_national_id, child_national_id, child_given_name, child_family_name, child_birth_date) VALUES ($1, $2, $3, $4, $5)',
        [c.parentNationalId, c.childNationalId, c.givenName, c.familyName, c.birthDate],
      );
    }
    for (const s of data.staff) {
      await q.query('INSERT INTO staff_roles (id, national_id, role, agency_id, centre_id, granted_at) VALUES ($1, $2, $3, $4, $5, $6)', [s.id, s.nationalId, s.role, s.agencyId ?? null, s.centreId ?? null, at]);
    }
  },
};
