import type { Queryable } from '../../platform/db/database.ts';

/** Running silent-consent cases whose due date ($1) has passed with the clock running, in one of the states $2. */
const SILENT_CONSENT_DUE = `silent_consent AND outcome IS NULL AND NOT clock_paused AND documents_complete
  AND due_on < $1::date AND state = ANY($2::text[])`;

/** The SQL of the deadline jobs. Claims take row locks with SKIP LOCKED, so several portal processes share the work. */
export const deadlineJobsRepository = {
  /** Running silent-consent cases whose due date has passed with the clock running, locked for this transaction. */
  async claimSilentConsent(tx: Queryable, o: { today: string; states: readonly string[]; limit: number; skip: readonly string[] }): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM cases
       WHERE ${SILENT_CONSENT_DUE} AND NOT (id = ANY($4::uuid[]))
       ORDER BY due_on, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [o.today, o.states, o.limit, o.skip],
    );
    return rows.map((r) => r.id);
  },

  /** The services of the cases silent consent is due for (read before claiming, outside the transaction). */
  async silentConsentServices(db: Queryable, o: { today: string; states: readonly string[] }): Promise<string[]> {
    const rows = await db.query<{ service_id: string }>(`SELECT DISTINCT service_id FROM cases WHERE ${SILENT_CONSENT_DUE}`, [o.today, o.states]);
    return rows.map((r) => r.service_id);
  },

  /** Running cases with a due date on or before `until`, locked for this transaction. */
  async claimDueBy(tx: Queryable, o: { until: string; limit: number; after: string | null }): Promise<Array<{ id: string; number: string; organisation_id: string; assigned_to: string | null; due_on: string; term_started_on: string | null }>> {
    return tx.query(
      `SELECT id, number, organisation_id, assigned_to, due_on::text AS due_on, term_started_on::text AS term_started_on FROM cases
       WHERE outcome IS NULL AND NOT clock_paused AND due_on IS NOT NULL AND due_on <= $1::date AND ($3::uuid IS NULL OR id > $3::uuid)
       ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [o.until, o.limit, o.after],
    );
  },

  /** Records a reminder as sent; false when it already was (by this or another process). */
  async markReminder(tx: Queryable, r: { caseId: string; kind: string; dueOn: string; workingDaysBefore: number; sentOn: string }): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO case_reminders (case_id, kind, due_on, working_days_before, sent_on) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING case_id`,
      [r.caseId, r.kind, r.dueOn, r.workingDaysBefore, r.sentOn],
    );
    return rows.length === 1;
  },

  async remindersOf(db: Queryable, caseId: string): Promise<Array<{ kind: string; due_on: string; working_days_before: number; sent_on: string }>> {
    return db.query(
      `SELECT kind, due_on::text AS due_on, working_days_before, sent_on::text AS sent_on FROM case_reminders WHERE case_id = $1 ORDER BY sent_on, kind`,
      [caseId],
    );
  },

  /** Supervisors of an agency (who have signed in), for escalations. */
  async supervisors(db: Queryable, organisationId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      `SELECT DISTINCT p.id FROM staff_roles s JOIN persons p ON p.national_id = s.national_id
       WHERE s.agency_id = $1 AND s.role = 'supervisor' AND s.revoked_at IS NULL ORDER BY p.id`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  },
};
