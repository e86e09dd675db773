import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { PlanStep } from '../../platform/db/statement-plan.ts';
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

/** The values of `INSERT_OPENED`'s case row, $1 to $30 in order. */
const caseValues = (c: NewCase): unknown[] => [
  c.id, String(c.year), c.serviceId, c.organisationId, c.state, c.channel, c.applicantPersonId, c.applicantName,
  c.party.kind, c.party.id, c.party.name, c.lang, JSON.stringify(c.answers), c.answersSha256, c.feeCostId, c.feeAmount,
  c.feeStatus, c.documentsComplete, c.term.days, c.term.unit, c.silentConsent, c.submittedAt, c.termStartedOn, c.dueOn, c.idempotencyKey, c.serviceVersion,
  c.clockPaused, c.outcome, c.decidedAt, c.version,
];
/** The types of `caseValues` (a SELECT's parameters, unlike VALUES', are not typed by the columns they go to). */
const CASE_VALUE_TYPES = [
  'uuid', 'text', 'text', 'text', 'text', 'text', 'uuid', 'text', 'text', 'text', 'text', 'text', 'jsonb', 'text', 'text', 'integer',
  'text', 'boolean', 'integer', 'text', 'boolean', 'timestamptz', 'date', 'date', 'text', 'integer', 'boolean', 'text', 'timestamptz', 'integer',
] as const;
const eventValues = (events: readonly StoredEvent[]): unknown[] => [
  events.map((e) => e.event), events.map((e) => e.from), events.map((e) => e.to), events.map((e) => e.actorPersonId), events.map((e) => e.actorRole),
  events.map((e) => e.channel), events.map((e) => e.reason), events.map((e) => e.refusalGroundId), events.map((e) => e.at),
];

/** The SQL of opening a case: its row and its first events' history, written together. */
export const openedCasesRepository = {
  /**
   * Opening a case as two steps of a one-statement plan (ADR 0025): the case row with the next
   * number, written once for the row of the step it is under (none when that yielded none), and
   * skipped when the applicant already has a case under the same key; then its events' history.
   * The case step gates the steps after it: its row is the case as stored (`toCase` reads it), its
   * key the case's number.
   */
  planInsert(c: NewCase, events: readonly StoredEvent[]): [PlanStep, PlanStep] {
    const opened: PlanStep = {
      gates: true,
      sql: (param, after) => {
        const v = caseValues(c).map((value, i) => `${param(value)}::${CASE_VALUE_TYPES[i] ?? 'text'}`);
        const at = (n: number) => v[n - 1] ?? 'NULL';
        return `INSERT INTO cases AS c (id, number, service_id, organisation_id, state, channel, applicant_person_id, applicant_name,
           party_kind, party_id, party_name, lang, answers, answers_sha256, fee_cost_id, fee_amount, fee_status,
           documents_complete, term_days, term_unit, silent_consent, submitted_at, term_started_on, due_on, idempotency_key, updated_at, service_version,
           clock_paused, outcome, decided_at, version)
         SELECT ${at(1)}, ${at(2)} || '-' || lpad(nextval('case_numbers')::text, 6, '0'), ${v.slice(2, 25).join(', ')}, ${at(22)}, ${v.slice(25).join(', ')}
         ${after === null ? '' : `FROM ${after.from}`}
         ON CONFLICT (applicant_person_id, idempotency_key) DO NOTHING
         RETURNING ${CASE_COLUMNS}, c.number AS key`;
      },
    };
    const history: PlanStep = {
      sql: (param, after) => {
        const [event, from, to, actor, role, channel, reason, ground, at] = eventValues(events).map(param);
        return `INSERT INTO case_events (case_id, event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, at)
         SELECT g.id, e.event, e.from_state, e.to_state, e.actor_person_id, e.actor_role, e.channel, e.reason, e.refusal_ground_id, e.at
         FROM ${after?.from ?? '(SELECT NULL::uuid AS id)'} g, unnest(${event}::text[], ${from}::text[], ${to}::text[], ${actor}::uuid[], ${role}::text[],
           ${channel}::text[], ${reason}::text[], ${ground}::text[], ${at}::timestamptz[])
           WITH ORDINALITY AS e(event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, at, n)
         ORDER BY e.n`;
      },
    };
    return [opened, history];
  },

  /**
   * Inserts a case with the next number, as its first events left it, and those events' history rows,
   * in one statement; returns the case as stored. `c` is the case after its events (state, outcome,
   * version); `events` are in the order they happened. Null, with nothing written, when the applicant
   * already has a case under the same idempotency key (a concurrent one with it is waited for).
   */
  async insert(tx: Queryable, c: NewCase, events: readonly StoredEvent[]): Promise<CaseRecord | null> {
    const rows = await tx.query<CaseRow>(INSERT_OPENED, [...caseValues(c), ...eventValues(events)]);
    const [row] = rows;
    return row === undefined ? null : toCase(row);
  },
};
