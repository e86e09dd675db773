import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Person } from './identity.ts';

type PersonRow = { id: string; national_id: string | null; given_name: string; family_name: string; birth_date: string | null };
const toPerson = (r: PersonRow): Person => ({ id: r.id, nationalId: r.national_id, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date });
const COLUMNS = "id, national_id, given_name, family_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date";
/** Read on every signed-in request: prepared (ADR 0023, 0036). */
const PERSON_BY_ID = prepared(`SELECT ${COLUMNS} FROM persons WHERE id = $1`);


export const personsRepository = {
  async byLogin(q: Queryable, issuer: string, subject: string): Promise<Person | null> {
    const [row] = await q.query<PersonRow>(
      `SELECT ${COLUMNS} FROM persons WHERE id = (SELECT person_id FROM person_logins WHERE issuer = $1 AND subject = $2)`,
      [issuer, subject],
    );
    return row ? toPerson(row) : null;
  },

  async byNationalId(q: Queryable, nationalId: string): Promise<Person | null> {
    const [row] = await q.query<PersonRow>(`SELECT ${COLUMNS} FROM persons WHERE national_id = $1`, [nationalId]);
    return row ? toPerson(row) : null;
  },

  async byId(q: Queryable, id: string): Promise<Person | null> {
    const [row] = await q.query<PersonRow>(PERSON_BY_ID, [id]);
    return row ? toPerson(row) : null;
  },

  async insert(q: Queryable, p: Person, at: Date): Promise<void> {
    await q.query(
      'INSERT INTO persons (id, national_id, given_name, family_name, birth_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
      [p.id, p.nationalId, p.givenName, p.familyName, p.birthDate, at],
    );
  },

  /** The eID is the source of names: they are refreshed at every sign-in. */
  async refresh(q: Queryable, p: Person, at: Date): Promise<void> {
    await q.query('UPDATE persons SET given_name = $2, family_name = $3, birth_date = $4, updated_at = $5 WHERE id = $1', [p.id, p.givenName, p.familyName, p.birthDate, at]);
  },

  async recordLogin(q: Queryable, issuer: string, subject: string, personId: string, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO person_logins (issuer, subject, person_id, first_at, last_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (issuer, subject) DO UPDATE SET last_at = EXCLUDED.last_at`,
      [issuer, subject, personId, at],
    );
  },
};
