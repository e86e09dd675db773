import type { Queryable } from '../../platform/db/database.ts';

/** Who opened a claimed case: the proactive job, a life-event bundle or an application made on its own (ADR 0035). */
export type ClaimSource = 'proactive' | 'bundle' | 'application';

/** The case a claim names, with what the one who lost the claim needs to decide to link it or skip it. */
export interface ClaimedCase {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly source: ClaimSource;
  readonly applicantPersonId: string;
  /** The case's outcome so far (null while open). */
  readonly outcome: 'granted' | 'refused' | 'withdrawn' | null;
}

/**
 * One case per service and person concerned (ADR 0035): the first transaction to claim the pair writes its case;
 * a second one, concurrent or later, waits for the first to commit (the primary key) and then reads its case.
 */
export const caseClaimsRepository = {
  /** Claims (service, subject) for `caseId`, written before the case in the same transaction; null when claimed: the case that holds it. */
  async claim(tx: Queryable, c: { serviceId: string; subjectNationalId: string; caseId: string; source: ClaimSource; at: Date }): Promise<ClaimedCase | null> {
    const won = await tx.query<{ case_id: string }>(
      `INSERT INTO case_claims (service_id, subject_national_id, case_id, source, claimed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (service_id, subject_national_id) DO NOTHING RETURNING case_id`,
      [c.serviceId, c.subjectNationalId, c.caseId, c.source, c.at],
    );
    if (won.length === 1) {
      return null;
    }
    const [held] = await tx.query<{ case_id: string; number: string; source: ClaimSource; applicant_person_id: string; outcome: ClaimedCase['outcome'] }>(
      `SELECT k.case_id, c.number, k.source, c.applicant_person_id, c.outcome FROM case_claims k JOIN cases c ON c.id = k.case_id
       WHERE k.service_id = $1 AND k.subject_national_id = $2`,
      [c.serviceId, c.subjectNationalId],
    );
    if (held === undefined) {
      throw new Error(`the claim of ${c.serviceId} for ${c.subjectNationalId} is neither won nor held`);
    }
    return { caseId: held.case_id, caseNumber: held.number, source: held.source, applicantPersonId: held.applicant_person_id, outcome: held.outcome };
  },
};
