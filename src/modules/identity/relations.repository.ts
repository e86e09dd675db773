import { type Lang, LANGS } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Mandate, MandateScope, Relations, StaffAssignment, StaffRole } from './identity.ts';

type MandateRow = {
  id: string; grantor_kind: 'business' | 'person'; grantor_id: string; representative_national_id: string; representative_kind: 'business' | 'person';
  scope_kind: MandateScope['kind']; scope_services: string[]; scope_thematic: string | null;
  valid_from: string; valid_until: string; granted_by: string; granted_at: Date; revoked_at: Date | null;
};

const mandateColumns = (t: string) => `${t}.id, ${t}.grantor_kind, ${t}.grantor_id, ${t}.representative_national_id, ${t}.representative_kind, ${t}.scope_kind,
  ${t}.scope_services, ${t}.scope_thematic, to_char(${t}.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(${t}.valid_until, 'YYYY-MM-DD') AS valid_until, ${t}.granted_by, ${t}.granted_at, ${t}.revoked_at`;
const MANDATE_COLUMNS = mandateColumns('mandates');
const PERSON_JOIN = (column: string) => `LEFT JOIN population_people pp ON pp.national_id = ${column} LEFT JOIN persons pn ON pn.national_id = ${column}`;
const PERSON_NAME = "COALESCE(pp.given_name || ' ' || pp.family_name, pn.given_name || ' ' || pn.family_name)";

/** A mandate as its grantor sees it: with the representative's name. */
export type GrantedMandate = Mandate & { readonly representativeName: string | null };

const toScope = (r: MandateRow): MandateScope =>
  r.scope_kind === 'all' ? { kind: 'all' } : r.scope_kind === 'services' ? { kind: 'services', serviceIds: r.scope_services } : { kind: 'thematic', thematicArea: r.scope_thematic ?? '' };

const toMandate = (r: MandateRow): Mandate => ({
  id: r.id,
  grantor: { kind: r.grantor_kind, id: r.grantor_id },
  representativeNationalId: r.representative_national_id,
  ...(r.representative_kind === 'business' ? { representativeKind: 'business' as const } : {}),
  scope: toScope(r),
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  grantedBy: r.granted_by,
  grantedAt: r.granted_at,
  revokedAt: r.revoked_at,
});

/** A mandate row from JSON (`json_agg`): its instants as ISO text. */
type MandateJson = Omit<MandateRow, 'granted_at' | 'revoked_at'> & { granted_at: string; revoked_at: string | null; grantor_name: string | null };
type StaffRow = { id: string; role: StaffRole; agency_id: string | null; centre_id: string | null };
type RelationsRow = {
  directors: Array<{ registry_code: string; name: string }>;
  children: Array<{ child_national_id: string; name: string; birth_date: string }>;
  mandates: MandateJson[];
};

const NO_RELATIONS: Relations = { directorOf: [], children: [], mandates: [] };
const STAFF_COLUMNS = 'id, role, agency_id, centre_id';
const ACTIVE_STAFF = 'national_id = $1 AND revoked_at IS NULL';
const STAFF_ORDER = 'role, granted_at, agency_id, id';
const STAFF_AGG = `(SELECT coalesce(json_agg(json_build_object('id', id, 'role', role, 'agency_id', agency_id, 'centre_id', centre_id) ORDER BY ${STAFF_ORDER}), '[]') FROM staff_roles WHERE ${ACTIVE_STAFF})`;

const CHILDREN_AGG = `(SELECT coalesce(json_agg(json_build_object('child_national_id', child_national_id, 'name', child_given_name || ' ' || child_family_name,
    'birth_date', to_char(child_birth_date, 'YYYY-MM-DD')) ORDER BY child_birth_date), '[]')
  FROM population_children WHERE parent_national_id = $1)`;

/** The three lists of `Relations` as JSON columns of one row, about the person whose tax number is $1. */
const relationsSelect = (lang: Lang) => {
  const name = lang === 'en' ? 'name_en' : 'name_uk';
  return `(SELECT coalesce(json_agg(json_build_object('registry_code', b.registry_code, 'name', b.${name}) ORDER BY b.${name}), '[]')
      FROM business_directors d JOIN business_registry b USING (registry_code) WHERE d.national_id = $1) AS directors,
    ${CHILDREN_AGG} AS children,
    (SELECT coalesce(json_agg(x ORDER BY x.granted_at), '[]') FROM (
      SELECT ${mandateColumns('m')}, COALESCE(b.${name}, p.given_name || ' ' || p.family_name, m.grantor_id) AS grantor_name
      FROM mandates m
      LEFT JOIN business_registry b ON m.grantor_kind = 'business' AND b.registry_code = m.grantor_id
      LEFT JOIN persons p ON m.grantor_kind = 'person' AND p.national_id = m.grantor_id
      WHERE m.representative_national_id = $1 AND m.representative_kind = 'person') x) AS mandates`;
};

const byLang = (text: (lang: Lang) => string): Readonly<Record<Lang, string>> => Object.fromEntries(LANGS.map((lang) => [lang, text(lang)])) as Record<Lang, string>;
/** The relations' statement, one text per language. */
const RELATIONS = byLang((lang) => `SELECT ${relationsSelect(lang)}`);
/** With the staff roles: read on every signed-in request, so prepared (ADR 0023, 0036). */
const RELATIONS_AND_STAFF = byLang((lang) => prepared(`${RELATIONS[lang]}, ${STAFF_AGG} AS staff`));

const toStaff = (r: StaffRow): StaffAssignment => ({ id: r.id, role: r.role, agencyId: r.agency_id, centreId: r.centre_id });

const toChild = (r: RelationsRow['children'][number]): Relations['children'][number] => ({ nationalId: r.child_national_id, name: r.name, birthDate: r.birth_date });

const toRelations = (row: RelationsRow | undefined): Relations => ({
  directorOf: (row?.directors ?? []).map((r) => ({ registryCode: r.registry_code, name: r.name })),
  children: (row?.children ?? []).map(toChild),
  mandates: (row?.mandates ?? []).map((r) => ({
    mandate: toMandate({ ...r, granted_at: new Date(r.granted_at), revoked_at: r.revoked_at === null ? null : new Date(r.revoked_at) }),
    grantorName: r.grantor_name ?? r.grantor_id,
  })),
});

/** The business and population registers (demo copies), mandates and staff roles. */
export const relationsRepository = {
  /** What the registers and mandates say about a person (one statement). */
  async relationsOf(q: Queryable, nationalId: string | null, lang: Lang): Promise<Relations> {
    if (!nationalId) {
      return NO_RELATIONS;
    }
    const [row] = await q.query<RelationsRow>(RELATIONS[lang], [nationalId]);
    return toRelations(row);
  },

  /**
   * A person's relations and active staff roles in one statement: what every signed-in request needs
   * to know whom the person may act for (one round trip instead of four).
   */
  async relationsAndStaff(q: Queryable, nationalId: string | null, lang: Lang): Promise<{ relations: Relations; staff: StaffAssignment[] }> {
    if (!nationalId) {
      return { relations: NO_RELATIONS, staff: [] };
    }
    const [row] = await q.query<RelationsRow & { staff: StaffRow[] }>(RELATIONS_AND_STAFF[lang], [nationalId]);
    return { relations: toRelations(row), staff: (row?.staff ?? []).map(toStaff) };
  },

  /** A parent's children in the population register, with their tax numbers, names and dates of birth. */
  async childrenOf(q: Queryable, parentNationalId: string): Promise<Relations['children']> {
    const [row] = await q.query<Pick<RelationsRow, 'children'>>(`SELECT ${CHILDREN_AGG} AS children`, [parentNationalId]);
    return (row?.children ?? []).map(toChild);
  },

  /** The mandates a party granted, newest first, each with its representative's name from the population register. */
  async mandatesGrantedBy(q: Queryable, grantor: Mandate['grantor']): Promise<GrantedMandate[]> {
    const rows = await q.query<MandateRow & { representative_name: string | null }>(
      `SELECT ${mandateColumns('m')}, ${PERSON_NAME} AS representative_name
       FROM mandates m ${PERSON_JOIN('m.representative_national_id')}
       WHERE m.grantor_kind = $1 AND m.grantor_id = $2 ORDER BY m.granted_at DESC`,
      [grantor.kind, grantor.id],
    );
    return rows.map((r) => ({ ...toMandate(r), representativeName: r.representative_name }));
  },

  /** Who a tax number belongs to: the population register, else a person known to the portal. */
  async personName(q: Queryable, nationalId: string): Promise<string | null> {
    const [row] = await q.query<{ name: string | null }>(`SELECT ${PERSON_NAME} AS name FROM (SELECT $1::text AS national_id) x ${PERSON_JOIN('x.national_id')}`, [nationalId]);
    return row?.name ?? null;
  },

  /** The mandates a person granted to an organisation (a partner's legal entity), in force or not: the policy decides. */
  async mandatesToOrganisation(q: Queryable, grantorNationalId: string, registryCode: string): Promise<Mandate[]> {
    const rows = await q.query<MandateRow>(
      `SELECT ${MANDATE_COLUMNS} FROM mandates
       WHERE representative_kind = 'business' AND representative_national_id = $2 AND grantor_kind = 'person' AND grantor_id = $1 ORDER BY granted_at`,
      [grantorNationalId, registryCode],
    );
    return rows.map(toMandate);
  },

  /** An organisation's name in the business register, or null. */
  async businessName(q: Queryable, registryCode: string, lang: Lang): Promise<string | null> {
    const [row] = await q.query<{ name: string }>(`SELECT ${lang === 'en' ? 'name_en' : 'name_uk'} AS name FROM business_registry WHERE registry_code = $1`, [registryCode]);
    return row?.name ?? null;
  },

  async mandate(q: Queryable, id: string): Promise<Mandate | null> {
    const [row] = await q.query<MandateRow>(`SELECT ${MANDATE_COLUMNS} FROM mandates WHERE id = $1`, [id]);
    return row ? toMandate(row) : null;
  },

  async insertMandate(q: Queryable, m: Mandate): Promise<void> {
    const services = m.scope.kind === 'services' ? m.scope.serviceIds : [];
    const thematic = m.scope.kind === 'thematic' ? m.scope.thematicArea : null;
    await q.query(
      `INSERT INTO mandates (id, grantor_kind, grantor_id, representative_national_id, representative_kind, scope_kind, scope_services, scope_thematic, valid_from, valid_until, granted_by, granted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [m.id, m.grantor.kind, m.grantor.id, m.representativeNationalId, m.representativeKind ?? 'person', m.scope.kind, services, thematic, m.validFrom, m.validUntil, m.grantedBy, m.grantedAt],
    );
  },

  async revokeMandate(q: Queryable, id: string, by: string, at: Date): Promise<boolean> {
    const rows = await q.query('UPDATE mandates SET revoked_at = $3, revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, by, at]);
    return rows.length === 1;
  },

  async isDirector(q: Queryable, registryCode: string, nationalId: string): Promise<boolean> {
    const rows = await q.query('SELECT 1 FROM business_directors WHERE registry_code = $1 AND national_id = $2', [registryCode, nationalId]);
    return rows.length > 0;
  },

  /** A person's active staff roles, by role and then in the order granted (an officer's first agency comes first). */
  async staffOf(q: Queryable, nationalId: string | null): Promise<StaffAssignment[]> {
    if (!nationalId) {
      return [];
    }
    const rows = await q.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff_roles WHERE ${ACTIVE_STAFF} ORDER BY ${STAFF_ORDER}`, [nationalId]);
    return rows.map(toStaff);
  },
};
