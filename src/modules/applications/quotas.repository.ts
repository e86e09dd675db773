import type { Queryable } from '../../platform/db/database.ts';

/** Whose quota: the party a person acts for, or the person themself (`kind` self). */
export interface QuotaParty {
  readonly personId: string;
  readonly kind: 'self' | 'business' | 'person';
  readonly id: string | null;
}

const keyOf = (p: QuotaParty) => (p.kind === 'self' ? `self:${p.personId}` : `${p.kind}:${p.id ?? ''}`);

// A draft or a case is the party's: acting for themselves (by person), or for the same party.
const OF_PARTY = (t: string, person: string) =>
  `(($2 = 'self' AND ${t}.party_kind = 'self' AND ${t}.${person} = $1::uuid) OR ($2 <> 'self' AND ${t}.party_kind = $2 AND ${t}.party_id = $3))`;

/** What a party holds in progress, counted under a lock so that requests at the same moment cannot pass a quota together. */
export const quotasRepository = {
  /** Serialises the writes that count against one party's quotas, until the transaction ends. */
  async lock(tx: Queryable, party: QuotaParty): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7302))', [keyOf(party)]);
  },

  async openDrafts(db: Queryable, party: QuotaParty): Promise<number> {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM drafts d WHERE d.submitted_case_id IS NULL AND ${OF_PARTY('d', 'person_id')}`,
      [party.personId, party.kind, party.id],
    );
    return rows[0]?.n ?? 0;
  },

  /** Bytes of the files in the party's open drafts and in answers to its cases still open. */
  async storedBytes(db: Queryable, party: QuotaParty): Promise<number> {
    const rows = await db.query<{ n: string }>(
      `SELECT (coalesce((SELECT sum(a.size_bytes) FROM attachments a JOIN drafts d ON d.id = a.draft_id
                          WHERE a.case_id IS NULL AND d.submitted_case_id IS NULL AND ${OF_PARTY('d', 'person_id')}), 0)
             + coalesce((SELECT sum(a.size_bytes) FROM attachments a JOIN cases c ON c.id = a.case_id
                          WHERE a.information_request_id IS NOT NULL AND c.outcome IS NULL AND ${OF_PARTY('c', 'applicant_person_id')}), 0))::text AS n`,
      [party.personId, party.kind, party.id],
    );
    return Number(rows[0]?.n ?? 0);
  },
};
