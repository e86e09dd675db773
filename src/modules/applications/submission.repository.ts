import { isUuid } from '../../kernel/ids.ts';
import { auditStep, type PlannedAuditEntry } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type PlanStep, runPlan } from '../../platform/db/statement-plan.ts';
import { outboxRepository, type PlannedOutboxMessage } from '../../platform/outbox/index.ts';
import type { CaseRecord, OpeningPlan } from '../cases/index.ts';

/** What a submission in one statement writes besides its case: the entries and messages of the submission itself. */
export interface SubmissionWrites {
  readonly draftId: string;
  /** The draft's version its answers were read at: a draft changed since then is not submitted here. */
  readonly version: number;
  readonly at: Date;
  readonly opening: OpeningPlan;
  /** Every audit entry of the submission, the case's first (`opening.audit`) included, in order. */
  readonly audit: readonly PlannedAuditEntry[];
  /** Every message of the submission, the case's (`opening.messages`) included. */
  readonly messages: readonly PlannedOutboxMessage[];
}

/**
 * The submission as one statement (ADR 0025): the parts each module contributes, composed in the
 * order in which each depends on the one before.
 */
export const submissionRepository = {
  /**
   * Submits a draft without files in one statement and no transaction around it: the draft locked
   * if it is unsubmitted, still at `version` and has no files; the case with its first events if the
   * applicant has no case under its key; the draft marked submitted as that case; the audit entries
   * and the messages. Each step is written only under the row of the one before, so when the draft
   * is not so (submitted meanwhile, changed, given a file) or the key was used, nothing is written
   * and the answer is null: the caller then goes the long way, which tells those apart. A failure of
   * any step fails the statement and nothing is written.
   */
  async submit(db: Queryable, w: SubmissionWrites): Promise<CaseRecord | null> {
    if (!isUuid(w.draftId)) {
      return null;
    }
    const lock: PlanStep = {
      gates: true,
      sql: (param) => `SELECT d.id, ''::text AS key FROM drafts d
        WHERE d.id = ${param(w.draftId)}::uuid AND d.submitted_case_id IS NULL AND d.version = ${param(w.version)}::integer
          AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.draft_id = d.id)
        FOR UPDATE OF d`,
    };
    const claim: PlanStep = {
      gates: true,
      sql: (param, after) => `UPDATE drafts d SET submitted_case_id = g.id, updated_at = ${param(w.at)}::timestamptz, version = d.version + 1
        FROM ${after?.from ?? '(SELECT NULL::uuid AS id, NULL::text AS key)'} g WHERE d.id = ${param(w.draftId)}::uuid
        RETURNING d.id, g.key AS key`,
    };
    const [opened, history] = w.opening.steps;
    const rows = await runPlan(db, [lock, opened, history, claim, auditStep(w.audit), outboxRepository.enqueueStep(w.messages)], 1);
    const [row] = rows;
    return row === undefined ? null : w.opening.opened(row);
  },
};
