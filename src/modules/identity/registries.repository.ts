import type { Queryable } from '../../platform/db/database.ts';
import type { StaffRole } from './identity.ts';

export interface RegistryData {
  readonly companies: ReadonlyArray<{ registryCode: string; name: { uk: string; en: string }; legalForm: string; directors: readonly string[] }>;
  readonly children: ReadonlyArray<{ parentNationalId: string; childNationalId: string; givenName: string; familyName: string; birthDate: string }>;
  readonly people: ReadonlyArray<{ nationalId: string; givenName: string; familyName: string; birthDate: string }>;
  readonly staff: ReadonlyArray<{ id: string; nationalId: string; role: StaffRole; agencyId?: string; centreId?: string }>;
}

/** Loads the demo copies of the business and population registers, and the first staff roles. */
export const registriesRepository = {
  async isEmpty(q: Queryable): Promise<boolean> {
    const [row] = await q.query<{ n: number }>('SELECT (SELECT count(*) FROM business_registry) + (SELECT count(*) FROM population_children) AS n');
    return Number(row?.n ?? 0) === 0;
  },

  /**
   * Adds the demo staff roles that were never granted (a role once revoked is not granted again), so
   * a database seeded by an earlier version also gets officers added to the demo since. Each role is
   * granted a millisecond after the one before it, so an officer's roles keep the order of the file
   * (their first agency is the one their queue opens on).
   */
  async addMissingStaff(q: Queryable, staff: RegistryData['staff'], at: Date): Promise<number> {
    let added = 0;
    for (const [i, s] of staff.entries()) {
      const rows = await q.query(
        `INSERT INTO staff_roles (id, national_id, role, agency_id, centre_id, granted_at)
         SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::timestamptz
         WHERE NOT EXISTS (SELECT 1 FROM staff_roles WHERE national_id = $2::text AND role = $3::text AND agency_id IS NOT DISTINCT FROM $4::text AND centre_id IS NOT DISTINCT FROM $5::text)
         RETURNING id`,
        [s.id, s.nationalId, s.role, s.agencyId ?? null, s.centreId ?? null, new Date(at.getTime() + i)],
      );
      added += rows.length;
    }
    return added;
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
    await registriesRepository.addMissingPeople(q, data.people);
    await registriesRepository.addMissingStaff(q, data.staff, at);
  },

  /** Adds the register's people not yet in its demo copy (a database seeded by an earlier version gets them too). */
  async addMissingPeople(q: Queryable, people: RegistryData['people']): Promise<void> {
    for (const p of people) {
      await q.query(
        'INSERT INTO population_people (national_id, given_name, family_name, birth_date) VALUES ($1, $2, $3, $4) ON CONFLICT (national_id) DO NOTHING',
        [p.nationalId, p.givenName, p.familyName, p.birthDate],
      );
    }
  },
};
