import type { Queryable } from '../../platform/db/database.ts';
import type { CaseDocument, CaseRecord, InformationRequest } from './case.ts';
import { type CaseRow, SELECT_CASE, toCase } from './cases.repository.ts';

/** A party as the cabinet asks for it: oneself (with one's national id), or a business or person by id. */
export type CabinetParty = { readonly kind: 'self'; readonly personId: string; readonly nationalId: string | null } | { readonly kind: 'business' | 'person'; readonly id: string };

/** The WHERE of a party's cases, from parameter `$n` on: each branch is served by `cases_by_applicant` or `cases_by_party`. */
function partyClause(party: CabinetParty, n: number): { sql: string; params: unknown[] } {
  return party.kind === 'self'
    ? { sql: `((c.party_kind = 'self' AND c.applicant_person_id = $${n}) OR (c.party_kind = 'person' AND c.party_id = $${n + 1}))`, params: [party.personId, party.nationalId] }
    : { sql: `(c.party_kind = $${n} AND c.party_id = $${n + 1})`, params: [party.kind, party.id] };
}

type RequestRow = { id: string; case_id: string; question: string; asked_at: Date; asked_on: string; answer_by: string | null };
type DocumentRow = { id: string; case_id: string; kind: string; number: string; issued_at: Date; status: 'valid' | 'revoked'; sha256: string };

/** The cabinet's reads: a party's recent cases and those that wait for something, with their open requests and documents. */
export const cabinetRepository = {
  /**
   * The party's `recent` newest cases, and every case of theirs that waits for the applicant (a fee
   * due, a question open) or whose document was issued since `documentsSince`, newest first.
   */
  async casesOf(db: Queryable, party: CabinetParty, o: { recent: number; documentsSince: Date }): Promise<CaseRecord[]> {
    const where = partyClause(party, 1);
    const rows = await db.query<CaseRow>(
      `(${SELECT_CASE} WHERE ${where.sql} ORDER BY c.submitted_at DESC LIMIT $3)
       UNION
       (${SELECT_CASE} WHERE ${where.sql} AND ((c.outcome IS NULL AND c.fee_status = 'due')
          OR EXISTS (SELECT 1 FROM information_requests r WHERE r.case_id = c.id AND r.answered_at IS NULL)
          OR EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id AND d.status = 'valid' AND d.issued_at >= $4)))
       ORDER BY submitted_at DESC`,
      [...where.params, o.recent, o.documentsSince],
    );
    return rows.map(toCase);
  },

  /** The open information request of each case given (at most one per case). */
  async openRequests(db: Queryable, caseIds: readonly string[]): Promise<Map<string, Pick<InformationRequest, 'id' | 'question' | 'askedAt' | 'askedOn' | 'answerBy'>>> {
    if (caseIds.length === 0) {
      return new Map();
    }
    const rows = await db.query<RequestRow>(
      'SELECT id, case_id, question, asked_at, asked_on::text AS asked_on, answer_by::text AS answer_by FROM information_requests WHERE case_id = ANY($1::uuid[]) AND answered_at IS NULL',
      [caseIds],
    );
    return new Map(rows.map((r) => [r.case_id, { id: r.id, question: r.question, askedAt: r.asked_at, askedOn: r.asked_on.slice(0, 10), answerBy: r.answer_by?.slice(0, 10) ?? null }]));
  },

  /** The documents issued on the cases given, oldest first per case. */
  async documents(db: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseDocument[]>> {
    const byCase = new Map<string, CaseDocument[]>();
    if (caseIds.length === 0) {
      return byCase;
    }
    const rows = await db.query<DocumentRow>('SELECT id, case_id, kind, number, issued_at, status, sha256 FROM documents WHERE case_id = ANY($1::uuid[]) ORDER BY issued_at', [caseIds]);
    for (const r of rows) {
      byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), { id: r.id, kind: r.kind, number: r.number, issuedAt: r.issued_at, status: r.status, sha256: r.sha256 }]);
    }
    return byCase;
  },
};
