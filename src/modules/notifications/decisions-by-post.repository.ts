import type { Queryable } from '../../platform/db/database.ts';

/** A decision in the inbox that nobody told has opened or downloaded, with when it was first told. */
export interface UnreadDecision {
  readonly documentId: string;
  readonly toldAt: Date;
}

/** A claimed decision: its case, and the applicant who is written to. */
export interface ClaimedDecision {
  readonly documentId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly applicantPersonId: string;
  readonly outcome: string | null;
}

/** The SQL of the decisions-by-post job. The claim locks the decision's row with SKIP LOCKED. */
export const decisionsByPostRepository = {
  /**
   * Valid decisions told in the inbox before `toldBefore` that no person told has opened or downloaded and
   * that have not gone by post (by this job, or enclosed in the notice letter to someone who chose post), oldest told first; `skip` leaves out those this run looked at already.
   */
  async unread(q: Queryable, o: { toldBefore: Date; limit: number; skip: readonly string[] }): Promise<UnreadDecision[]> {
    const rows = await q.query<{ document_id: string; told_at: Date }>(
      `SELECT m.document_id, min(m.created_at) AS told_at
       FROM inbox_messages m JOIN documents d ON d.id = m.document_id
       WHERE m.document_id IS NOT NULL AND d.status = 'valid' AND NOT (m.document_id = ANY($3::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM decision_post_fallbacks f WHERE f.document_id = m.document_id)
         AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.document_id = m.document_id)
       GROUP BY m.document_id
       HAVING bool_and(m.opened_at IS NULL AND m.downloaded_at IS NULL) AND min(m.created_at) < $1
       ORDER BY told_at, m.document_id LIMIT $2`,
      [o.toldBefore, o.limit, o.skip],
    );
    return rows.map((r) => ({ documentId: r.document_id, toldAt: new Date(r.told_at) }));
  },

  /**
   * Locks a decision for this transaction (null when another process holds it, it went by post already (by
   * this job or enclosed in a notice letter), it
   * is no longer valid, or someone has opened or downloaded it since it was listed).
   */
  async claim(tx: Queryable, documentId: string): Promise<ClaimedDecision | null> {
    const [r] = await tx.query<{ id: string; case_id: string; number: string; organisation_id: string; applicant_person_id: string; outcome: string | null }>(
      `SELECT d.id, d.case_id, c.number, c.organisation_id, c.applicant_person_id, c.outcome
       FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE d.id = $1 AND d.status = 'valid'
         AND NOT EXISTS (SELECT 1 FROM decision_post_fallbacks f WHERE f.document_id = d.id)
         AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.document_id = d.id)
         AND NOT EXISTS (SELECT 1 FROM inbox_messages m WHERE m.document_id = d.id AND (m.opened_at IS NOT NULL OR m.downloaded_at IS NOT NULL))
       FOR UPDATE OF d SKIP LOCKED`,
      [documentId],
    );
    return r === undefined ? null : {
      documentId: r.id, caseId: r.case_id, caseNumber: r.number, organisationId: r.organisation_id, applicantPersonId: r.applicant_person_id, outcome: r.outcome,
    };
  },

  /** Records that the decision went by post (or could not); false when it was recorded already. */
  async record(tx: Queryable, f: { documentId: string; caseId: string; personId: string | null; letterId: string | null; dueOn: string; at: Date }): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO decision_post_fallbacks (document_id, case_id, person_id, letter_id, outcome, due_on, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
      [f.documentId, f.caseId, f.personId, f.letterId, f.letterId === null ? 'no-address' : 'letter', f.dueOn, f.at],
    );
    return rows.length === 1;
  },
};
