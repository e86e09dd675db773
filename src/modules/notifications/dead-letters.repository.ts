import type { Queryable } from '../../platform/db/database.ts';

/** A dead-lettered outbox message about a case: what a supervisor of the case's agency sees. */
export interface CaseDeadLetter {
  readonly id: number;
  readonly topic: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly deadAt: Date;
  readonly lastError: string | null;
}

type Row = { id: number | string; topic: string; case_id: string; case_number: string; organisation_id: string; attempts: number; created_at: Date; dead_at: Date; last_error: string | null };

const SELECT = `SELECT o.id, o.topic, c.id AS case_id, c.number AS case_number, c.organisation_id, o.attempts, o.created_at, o.dead_at, o.last_error
  FROM outbox o JOIN cases c ON c.id::text = o.payload->>'caseId'
  WHERE o.dead_at IS NOT NULL AND c.organisation_id = ANY($1::text[])`;

const toDeadLetter = (r: Row): CaseDeadLetter => ({
  id: Number(r.id), topic: r.topic, caseId: r.case_id, caseNumber: r.case_number, organisationId: r.organisation_id, attempts: r.attempts,
  createdAt: r.created_at, deadAt: r.dead_at, lastError: r.last_error,
});

/** Dead letters about the cases of some agencies (the outbox's own repository requeues them). */
export const deadLettersRepository = {
  async ofAgencies(q: Queryable, organisationIds: readonly string[], limit: number): Promise<CaseDeadLetter[]> {
    const rows = await q.query<Row>(`${SELECT} ORDER BY o.dead_at DESC, o.id DESC LIMIT $2`, [organisationIds, limit]);
    return rows.map(toDeadLetter);
  },

  async one(q: Queryable, organisationIds: readonly string[], id: number): Promise<CaseDeadLetter | null> {
    const [r] = await q.query<Row>(`${SELECT} AND o.id = $2 FOR UPDATE OF o`, [organisationIds, id]);
    return r === undefined ? null : toDeadLetter(r);
  },
};
