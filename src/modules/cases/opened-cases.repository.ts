import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { CaseRecord } from './case.ts';
import { type CaseRow, type StoredEvent, toCase } from './cases.repository.ts';

/** A case as it is opened: the record's own fields, before it has a number, an officer or a rating. */
export type NewCase = Pick<CaseRecord,
  | 'id' | 'serviceId' | 'organisationId' | 'state' | 'channel' | 'applicantPersonId' | 'applicantName' | 'party' | 'lang'
  | 'answers' | 'answersSha256' | 'feeCostId' | 'feeAmount' | 'feeStatus' | 'documentsComplete' | 'term' | 'silentConsent'
  | 'submittedAt' | 'termStartedOn' | 'dueOn' | 'clockPaused' | 'outcome' | 'decidedAt' | 'version'> & {
  readonly year: number;
  readonly serviceVersion: number;
  readonly idempotencyKey: string;
};

/** The case's columns as `toCase` reads them (named, not `*`: the statement is prepared). */
const CASE_COLUMNS = `c.id, c.number, c.service_id, c.organisation_id, c.state, c.clock_paused, c.outcome, c.channel, c.applicant_person_id,
  c.applicant_name, c.party_kind, c.party_id, c.party_name, c.lang, c.answers, c.answers_sha256, c.fee_cost_id, c.fee_amount, c.fee_status,
  c.documents_complete, c.term_days, c.term_unit, c.silent_consent, c.submitted_at, c.term_started_on::text AS term_started_on,
  c.due_on::text AS due_on, c.assigned_to, NULL::text AS assigned_name, c.decided_at, c.rating, c.rating_comment, c.updated_at, c.version`;

const INSERT_OPENED = prepared(
  `WITH c AS (
         INSERT INTO cases (id, number, service_id, organisation_id, state, channel, applicant_person_id, applicant_name,
           party_kind, party_id, party_name, lang, answers, answers_sha256, fee_cost_id, fee_amount, fee_status,
           documents_complete, term_days, term_unit, silent_consent, submitted_at, term_started_on, due_on, idempotency_key, updated_at, service_version,
           clock_paused, outcome, decided_at, version)
         VALUES ($1, $2 || '-' || lpad(nextval('case_numbers')::text, 6, '0'), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14,
           $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $22, $26, $27, $28, $29, $30)
         ON CONFLICT (applicant_person_id, idempotency_key) DO NOTHING
         RETURNING *),
       e AS (
         INSERT INTO case_events (case_id, event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, at)
         SELECT c.id, e.event, e.from_state, e.to_state, e.actor_person_id, e.actor_role, e.channel, e.reason, e.refusal_ground_id, e.at
         FROM c, unnest($31::text[], $32::text[], $33::text[], $34::uuid[], $35::text[], $36::text[], $37::text[], $38::text[], $39::timestamptz[])
           WITH ORDINALITY AS e(event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, at, n)
         ORDER BY e.n)
       SELECT ${CASE_COLUMNS} FROM c`);

/** The SQL of opening a case: its row and its first events' history, written together. */
export const openedCasesRepository = {
  /**
   * Inserts a case with the next number, as its first events left it, and those events' history rows,
   * in one statement; returns the case as stored. `c` is the case after its events (state, outcome,
   * version); `events` are in the order they happened. Null, with nothing written, when the applicant
   * already has a case under the same idempotency key (a concurrent one with it is waited for).
   */
  async insert(tx: Queryable, c: NewCase, events: readonly StoredEvent[]): Promise<CaseRecord | null> {
    const rows = await tx.query<CaseRow>(
      INSERT_OPENED,
      [c.id, String(c.year), c.serviceId, c.organisationId, c.state, c.channel, c.applicantPersonId, c.applicantName,
        c.party.kind, c.party.id, c.party.name, c.lang, JSON.stringify(c.answers), c.answersSha256, c.feeCostId, c.feeAmount,
        c.feeStatus, c.documentsComplete, c.term.days, c.term.unit, c.silentConsent, c.submittedAt, c.termStartedOn, c.dueOn, c.idempotencyKey, c.serviceVersion,
        c.clockPaused, c.outcome, c.decidedAt, c.version,
        events.map((e) => e.event), events.map((e) => e.from), events.map((e) => e.to), events.map((e) => e.actorPersonId), events.map((e) => e.actorRole),
        events.map((e) => e.channel), events.map((e) => e.reason), events.map((e) => e.refusalGroundId), events.map((e) => e.at)],
    );
    const [row] = rows;
    return row === undefined ? null : toCase(row);
  }
};
