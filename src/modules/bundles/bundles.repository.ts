import type { Queryable } from '../../platform/db/database.ts';
import type { CaseParty } from '../cases/index.ts';
import type { Bundle } from './bundle.ts';

type BundleRow = {
  id: string; event_id: string; applicant_person_id: string; party_kind: CaseParty['kind']; party_id: string | null; party_name: string;
  subject_national_id: string | null; subject_name: string | null; channel: string; lang: 'uk' | 'en'; answers: Record<string, unknown>;
  answers_sha256: string; submitted_at: Date | string; case_ids: string[] | null;
};

const SELECT = `SELECT b.*, (SELECT array_agg(bc.case_id::text ORDER BY bc.position) FROM bundle_cases bc WHERE bc.bundle_id = b.id) AS case_ids FROM bundles b`;

const toBundle = (r: BundleRow): Bundle => ({
  id: r.id, eventId: r.event_id, applicantPersonId: r.applicant_person_id,
  party: r.party_kind === 'self' ? { kind: 'self', id: null, name: r.party_name } : { kind: r.party_kind, id: r.party_id, name: r.party_name },
  subject: r.subject_national_id === null ? null : { nationalId: r.subject_national_id, name: r.subject_name ?? '' },
  channel: r.channel, lang: r.lang, answers: r.answers, answersSha256: r.answers_sha256, submittedAt: new Date(r.submitted_at), caseIds: r.case_ids ?? [],
});

/** SQL of bundles and the cases they opened. */
export const bundlesRepository = {
  /** Inserts the bundle; null with nothing written when the person has one under the key already. */
  async insert(tx: Queryable, b: Omit<Bundle, 'caseIds'> & { readonly idempotencyKey: string }): Promise<boolean> {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO bundles (id, event_id, applicant_person_id, party_kind, party_id, party_name, subject_national_id, subject_name, channel, lang, answers, answers_sha256, idempotency_key, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (applicant_person_id, idempotency_key) DO NOTHING RETURNING id`,
      [b.id, b.eventId, b.applicantPersonId, b.party.kind, b.party.id, b.party.name, b.subject?.nationalId ?? null, b.subject?.name ?? null, b.channel, b.lang,
        JSON.stringify(b.answers), b.answersSha256, b.idempotencyKey, b.submittedAt],
    );
    return rows.length === 1;
  },

  async link(tx: Queryable, bundleId: string, caseIds: readonly string[]): Promise<void> {
    await tx.query('INSERT INTO bundle_cases (bundle_id, case_id, position) SELECT $1, c, p - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS u(c, p)', [bundleId, caseIds]);
  },

  async byKey(q: Queryable, personId: string, key: string): Promise<Bundle | null> {
    const [row] = await q.query<BundleRow>(`${SELECT} WHERE b.applicant_person_id = $1 AND b.idempotency_key = $2`, [personId, key]);
    return row === undefined ? null : toBundle(row);
  },

  async byId(q: Queryable, id: string): Promise<Bundle | null> {
    const [row] = await q.query<BundleRow>(`${SELECT} WHERE b.id = $1`, [id]);
    return row === undefined ? null : toBundle(row);
  },

  /** The person's bundles, newest first (at most `limit`). */
  async ofPerson(q: Queryable, personId: string, limit: number): Promise<Bundle[]> {
    const rows = await q.query<BundleRow>(`${SELECT} WHERE b.applicant_person_id = $1 ORDER BY b.submitted_at DESC, b.id LIMIT $2`, [personId, limit]);
    return rows.map(toBundle);
  },

  /** The bundle a case belongs to, if any. */
  async ofCase(q: Queryable, caseId: string): Promise<string | null> {
    const [row] = await q.query<{ bundle_id: string }>('SELECT bundle_id FROM bundle_cases WHERE case_id = $1', [caseId]);
    return row?.bundle_id ?? null;
  },
};
