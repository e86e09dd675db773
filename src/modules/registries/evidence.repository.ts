import type { Queryable } from '../../platform/db/database.ts';
import type { CaseEvidence, Register } from './registries.ts';

type Row = {
  id: string; case_id: string; case_number: string; evidence_id: string; service: string; subject: string; agency_id: string | null; law: string;
  status: CaseEvidence['status']; requested_at: Date; attempts: number; next_attempt_at: Date; last_error: string | null; fetched_at: Date | null;
  request_id: string | null; record: unknown;
};

export interface ClaimedEvidence {
  readonly id: string;
  readonly caseNumber: string;
  readonly service: string;
  readonly subject: string;
  readonly agencyId: string | null;
  readonly law: string;
  readonly attempts: number;
}

const COLUMNS = 'id::text AS id, case_id, case_number, evidence_id, service, subject, agency_id, law, status, requested_at, attempts, next_attempt_at, last_error, fetched_at, request_id, record';

export const evidenceRepository = {
  /** The evidence a case waits for, requested in the submission's transaction (one statement). */
  async request(tx: Queryable, c: { caseId: string; caseNumber: string; agencyId: string | null; law: string; at: Date }, items: ReadonlyArray<{ evidenceId: string; service: string; subject: string }>): Promise<void> {
    await tx.query(
      `INSERT INTO case_evidence (case_id, case_number, evidence_id, service, subject, agency_id, law, requested_at, next_attempt_at)
       SELECT $1, $2, e, s, sub, $3, $4, $5, $5 FROM unnest($6::text[], $7::text[], $8::text[]) AS i(e, s, sub)
       ON CONFLICT (case_id, evidence_id) DO NOTHING`,
      [c.caseId, c.caseNumber, c.agencyId, c.law, c.at, items.map((i) => i.evidenceId), items.map((i) => i.service), items.map((i) => i.subject)],
    );
  },

  /**
   * Claims up to `limit` rows due, skipping those another worker holds (SKIP LOCKED), and moves each one's next
   * attempt on by `leaseSeconds`: a worker that dies before it records the outcome leaves the row due again then.
   */
  async claimDue(tx: Queryable, now: Date, limit: number, leaseSeconds: number): Promise<ClaimedEvidence[]> {
    const rows = await tx.query<Row>(
      `UPDATE case_evidence SET next_attempt_at = $1::timestamptz + $3::int * interval '1 second'
       WHERE id IN (SELECT id FROM case_evidence WHERE status = 'waiting' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [now, limit, leaseSeconds],
    );
    return rows.map((r) => ({ id: r.id, caseNumber: r.case_number, service: r.service, subject: r.subject, agencyId: r.agency_id, law: r.law, attempts: r.attempts }));
  },

  async answered(q: Queryable, id: string, a: { status: 'fetched' | 'not-held'; at: Date; requestId: string; record: unknown }): Promise<void> {
    await q.query(
      `UPDATE case_evidence SET status = $2, fetched_at = $3, request_id = $4, record = $5::jsonb, attempts = attempts + 1, last_error = NULL WHERE id = $1 AND status = 'waiting'`,
      [id, a.status, a.at, a.requestId, a.record === null ? null : JSON.stringify(a.record)],
    );
  },

  async failed(q: Queryable, id: string, f: { error: string; nextAt: Date }): Promise<void> {
    await q.query(`UPDATE case_evidence SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1 AND status = 'waiting'`, [id, f.error, f.nextAt]);
  },

  async ofCase(q: Queryable, caseId: string, registerOf: (service: string) => Register | null): Promise<CaseEvidence[]> {
    const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM case_evidence WHERE case_id = $1 ORDER BY id`, [caseId]);
    return rows.map((r) => ({
      evidenceId: r.evidence_id, service: r.service, register: registerOf(r.service), subject: r.subject, law: r.law, status: r.status, requestedAt: new Date(r.requested_at),
      attempts: r.attempts, nextAttemptAt: new Date(r.next_attempt_at), lastError: r.last_error, fetchedAt: r.fetched_at === null ? null : new Date(r.fetched_at),
      requestId: r.request_id, record: r.record,
    }));
  },
};
