import type { Lang } from '../../kernel/text.ts';
import { isUuid } from '../../kernel/ids.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { CaseChannel, CaseEventRecord, CaseNote, CaseParty, CaseRecord, FeeStatus, InformationRequest } from './case.ts';

export type CaseRow = {
  id: string; number: string; service_id: string; organisation_id: string; state: string; clock_paused: boolean;
  outcome: CaseRecord['outcome']; channel: CaseChannel; applicant_person_id: string; applicant_name: string;
  party_kind: CaseParty['kind']; party_id: string | null; party_name: string; lang: Lang;
  answers: Record<string, unknown>; answers_sha256: string; fee_cost_id: string | null; fee_amount: number; fee_status: FeeStatus;
  documents_complete: boolean; term_days: number; term_unit: 'calendar' | 'working'; silent_consent: boolean;
  submitted_at: Date; term_started_on: string | null; due_on: string | null; assigned_to: string | null; assigned_name: string | null;
  decided_at: Date | null; rating: number | null; rating_comment: string | null; updated_at: Date; version: number;
};

const dayText = (v: string | Date | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v.slice(0, 10));

export function toCase(r: CaseRow): CaseRecord {
  return {
    id: r.id, number: r.number, serviceId: r.service_id, organisationId: r.organisation_id, state: r.state,
    clockPaused: r.clock_paused, outcome: r.outcome, channel: r.channel, applicantPersonId: r.applicant_person_id,
    applicantName: r.applicant_name, party: { kind: r.party_kind, id: r.party_id, name: r.party_name }, lang: r.lang,
    answers: r.answers, answersSha256: r.answers_sha256, feeCostId: r.fee_cost_id, feeAmount: Number(r.fee_amount),
    feeStatus: r.fee_status, documentsComplete: r.documents_complete, term: { days: r.term_days, unit: r.term_unit },
    silentConsent: r.silent_consent, submittedAt: r.submitted_at, termStartedOn: dayText(r.term_started_on),
    dueOn: dayText(r.due_on), assignedTo: r.assigned_to, assignedName: r.assigned_name, decidedAt: r.decided_at,
    rating: r.rating, ratingComment: r.rating_comment, updatedAt: r.updated_at, version: r.version,
  };
}

export const SELECT_CASE = `SELECT c.*, c.term_started_on::text AS term_started_on, c.due_on::text AS due_on,
  CASE WHEN a.id IS NULL THEN NULL ELSE a.given_name || ' ' || a.family_name END AS assigned_name
  FROM cases c LEFT JOIN persons a ON a.id = c.assigned_to`;

export interface NewCase {
  readonly id: string;
  readonly year: number;
  readonly serviceId: string;
  readonly serviceVersion: number;
  readonly organisationId: string;
  readonly state: string;
  readonly channel: CaseChannel;
  readonly applicantPersonId: string;
  readonly applicantName: string;
  readonly party: CaseParty;
  readonly lang: Lang;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly answersSha256: string;
  readonly feeCostId: string | null;
  readonly feeAmount: number;
  readonly feeStatus: FeeStatus;
  readonly documentsComplete: boolean;
  readonly term: { readonly days: number; readonly unit: 'calendar' | 'working' };
  readonly silentConsent: boolean;
  readonly submittedAt: Date;
  readonly termStartedOn: string | null;
  readonly dueOn: string | null;
  readonly idempotencyKey: string;
}

export interface StoredEvent {
  readonly caseId: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly actorPersonId: string | null;
  readonly actorRole: string;
  readonly channel: string;
  readonly reason: string | null;
  readonly refusalGroundId: string | null;
  readonly at: Date;
}

export interface QueueFilter {
  readonly organisationIds: readonly string[];
  readonly states: readonly string[] | null;
  readonly serviceId: string | null;
  readonly assigned: 'any' | 'me' | 'nobody';
  readonly me: string;
  readonly running: boolean;
  readonly dueBy: string | null;
  readonly limit: number;
  readonly offset: number;
}

export const casesRepository = {
  /** Inserts a case with the next number; returns its number. */
  async insert(tx: Queryable, c: NewCase): Promise<string> {
    const [row] = await tx.query<{ number: string }>(
      `INSERT INTO cases (id, number, service_id, organisation_id, state, channel, applicant_person_id, applicant_name,
         party_kind, party_id, party_name, lang, answers, answers_sha256, fee_cost_id, fee_amount, fee_status,
         documents_complete, term_days, term_unit, silent_consent, submitted_at, term_started_on, due_on, idempotency_key, updated_at, service_version)
       VALUES ($1, $2 || '-' || lpad(nextval('case_numbers')::text, 6, '0'), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14,
         $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $22, $26)
       RETURNING number`,
      [c.id, String(c.year), c.serviceId, c.organisationId, c.state, c.channel, c.applicantPersonId, c.applicantName,
        c.party.kind, c.party.id, c.party.name, c.lang, JSON.stringify(c.answers), c.answersSha256, c.feeCostId, c.feeAmount,
        c.feeStatus, c.documentsComplete, c.term.days, c.term.unit, c.silentConsent, c.submittedAt, c.termStartedOn, c.dueOn, c.idempotencyKey, c.serviceVersion],
    );
    if (row === undefined) {
      throw new Error('case insert returned no row');
    }
    return row.number;
  },

  async byIdempotencyKey(db: Queryable, personId: string, key: string): Promise<CaseRecord | null> {
    const rows = await db.query<CaseRow>(`${SELECT_CASE} WHERE c.applicant_person_id = $1 AND c.idempotency_key = $2`, [personId, key]);
    return rows[0] ? toCase(rows[0]) : null;
  },

  async byId(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<CaseRecord | null> {
    if (!isUuid(id)) {
      return null;
    }
    const rows = await db.query<CaseRow>(`${SELECT_CASE} WHERE c.id = $1${options.lock === true ? ' FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ? toCase(rows[0]) : null;
  },

  async byNumber(db: Queryable, number: string): Promise<CaseRecord | null> {
    const rows = await db.query<CaseRow>(`${SELECT_CASE} WHERE c.number = $1`, [number]);
    return rows[0] ? toCase(rows[0]) : null;
  },

  /** Writes the changing part of a case, checking the version it was read at (optimistic lock). */
  async update(tx: Queryable, c: CaseRecord): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE cases SET state = $2, clock_paused = $3, outcome = $4, fee_status = $5, term_started_on = $6, due_on = $7,
         assigned_to = $8, decided_at = $9, rating = $10, rating_comment = $11, rated_at = CASE WHEN $10::smallint IS NULL THEN rated_at ELSE $12 END,
         updated_at = $12, version = version + 1, documents_complete = $14
       WHERE id = $1 AND version = $13 RETURNING id`,
      [c.id, c.state, c.clockPaused, c.outcome, c.feeStatus, c.termStartedOn, c.dueOn, c.assignedTo, c.decidedAt, c.rating, c.ratingComment, c.updatedAt, c.version, c.documentsComplete],
    );
    return rows.length === 1;
  },

  async appendEvent(tx: Queryable, e: StoredEvent): Promise<void> {
    await tx.query(
      `INSERT INTO case_events (case_id, event, from_state, to_state, actor_person_id, actor_role, channel, reason, refusal_ground_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [e.caseId, e.event, e.from, e.to, e.actorPersonId, e.actorRole, e.channel, e.reason, e.refusalGroundId, e.at],
    );
  },

  async events(db: Queryable, caseId: string): Promise<CaseEventRecord[]> {
    const rows = await db.query<{ id: number; event: string; from_state: string; to_state: string; actor_person_id: string | null; actor_name: string | null; actor_role: string; actor_staff_roles: string[] | null; channel: string; reason: string | null; refusal_ground_id: string | null; at: Date }>(
      `SELECT e.*, CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS actor_name,
         ARRAY(SELECT DISTINCT s.role FROM staff_roles s WHERE s.national_id = p.national_id AND s.revoked_at IS NULL ORDER BY s.role) AS actor_staff_roles
       FROM case_events e LEFT JOIN persons p ON p.id = e.actor_person_id WHERE e.case_id = $1 ORDER BY e.id`,
      [caseId],
    );
    return rows.map((r) => ({
      id: Number(r.id), event: r.event, from: r.from_state, to: r.to_state, actorPersonId: r.actor_person_id, actorName: r.actor_name, actorRole: r.actor_role,
      actorStaffRoles: r.actor_staff_roles ?? [], channel: r.channel, reason: r.reason, refusalGroundId: r.refusal_ground_id, at: r.at,
    }));
  },

  /** Cases for a party (or filed by a person for themselves), newest first. */
  async forParty(db: Queryable, o: { personId: string; nationalId: string | null; party: { kind: 'self' } | { kind: 'business' | 'person'; id: string }; limit: number }): Promise<CaseRecord[]> {
    if (o.party.kind === 'self') {
      const rows = await db.query<CaseRow>(
        `${SELECT_CASE} WHERE (c.party_kind = 'self' AND c.applicant_person_id = $1) OR (c.party_kind = 'person' AND c.party_id = $2)
         ORDER BY c.submitted_at DESC LIMIT $3`,
        [o.personId, o.nationalId, o.limit],
      );
      return rows.map(toCase);
    }
    const rows = await db.query<CaseRow>(`${SELECT_CASE} WHERE c.party_kind = $1 AND c.party_id = $2 ORDER BY c.submitted_at DESC LIMIT $3`, [o.party.kind, o.party.id, o.limit]);
    return rows.map(toCase);
  },

  /** An agency's queue: the earliest due first (no due date last), then the oldest submission. */
  async queue(db: Queryable, f: QueueFilter): Promise<{ cases: CaseRecord[]; total: number }> {
    const where: string[] = ['c.organisation_id = ANY($1::text[])'];
    const params: unknown[] = [f.organisationIds];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.states !== null) {
      add('c.state = ANY(?::text[])', f.states);
    }
    if (f.serviceId !== null) {
      add('c.service_id = ?', f.serviceId);
    }
    if (f.assigned === 'me') {
      add('c.assigned_to = ?', f.me);
    } else if (f.assigned === 'nobody') {
      where.push('c.assigned_to IS NULL');
    }
    if (f.running) {
      where.push('c.outcome IS NULL');
    }
    if (f.dueBy !== null) {
      add('c.due_on <= ?::date', f.dueBy);
    }
    const clause = where.join(' AND ');
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases c WHERE ${clause}`, params);
    const rows = await db.query<CaseRow>(
      `${SELECT_CASE} WHERE ${clause} ORDER BY c.due_on ASC NULLS LAST, c.submitted_at ASC LIMIT ${Number(f.limit)} OFFSET ${Number(f.offset)}`,
      params,
    );
    return { cases: rows.map(toCase), total: count?.n ?? 0 };
  },

  async requests(db: Queryable, caseId: string): Promise<InformationRequest[]> {
    const rows = await db.query<{ id: string; question: string; asked_at: Date; asked_on: string; answer_by: string | null; answer: string | null; answered_at: Date | null; answered_on: string | null }>(
      `SELECT id, question, asked_at, asked_on::text AS asked_on, answer_by::text AS answer_by, answer, answered_at, answered_on::text AS answered_on
       FROM information_requests WHERE case_id = $1 ORDER BY asked_at`,
      [caseId],
    );
    return rows.map((r) => ({ id: r.id, question: r.question, askedAt: r.asked_at, askedOn: r.asked_on, answerBy: r.answer_by, answer: r.answer, answeredAt: r.answered_at, answeredOn: r.answered_on }));
  },

  async ask(tx: Queryable, r: { id: string; caseId: string; question: string; askedBy: string; at: Date; on: string; answerBy: string }): Promise<void> {
    await tx.query(
      'INSERT INTO information_requests (id, case_id, question, asked_by, asked_at, asked_on, answer_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [r.id, r.caseId, r.question, r.askedBy, r.at, r.on, r.answerBy],
    );
  },

  /** Answers the open request of a case; false when none is open. */
  async answer(tx: Queryable, r: { caseId: string; answer: string; by: string; at: Date; on: string }): Promise<string | null> {
    const rows = await tx.query<{ id: string }>(
      `UPDATE information_requests SET answer = $2, answered_by = $3, answered_at = $4, answered_on = $5
       WHERE case_id = $1 AND answered_at IS NULL RETURNING id`,
      [r.caseId, r.answer, r.by, r.at, r.on],
    );
    return rows[0]?.id ?? null;
  },

  async addNote(tx: Queryable, n: { caseId: string; authorPersonId: string; text: string; at: Date }): Promise<void> {
    await tx.query('INSERT INTO case_notes (case_id, author_person_id, text, at) VALUES ($1, $2, $3, $4)', [n.caseId, n.authorPersonId, n.text, n.at]);
  },

  async notes(db: Queryable, caseId: string): Promise<CaseNote[]> {
    const rows = await db.query<{ id: number; author_name: string; text: string; at: Date }>(
      `SELECT n.id, p.given_name || ' ' || p.family_name AS author_name, n.text, n.at
       FROM case_notes n JOIN persons p ON p.id = n.author_person_id WHERE n.case_id = $1 ORDER BY n.id`,
      [caseId],
    );
    return rows.map((r) => ({ id: Number(r.id), authorName: r.author_name, text: r.text, at: r.at }));
  },

  /** Officers who may hold the agency's cases (those who have signed in at least once), by name. */
  async officers(db: Queryable, organisationId: string): Promise<Array<{ personId: string; name: string; roles: string[] }>> {
    const rows = await db.query<{ person_id: string; name: string; roles: string[] }>(
      `SELECT p.id AS person_id, p.given_name || ' ' || p.family_name AS name, array_agg(DISTINCT s.role ORDER BY s.role) AS roles
       FROM staff_roles s JOIN persons p ON p.national_id = s.national_id
       WHERE s.agency_id = $1 AND s.revoked_at IS NULL AND s.role IN ('clerk', 'decision-maker', 'supervisor')
       GROUP BY p.id, p.given_name, p.family_name ORDER BY name`,
      [organisationId],
    );
    return rows.map((r) => ({ personId: r.person_id, name: r.name, roles: r.roles }));
  },

  /** Assigns cases of one agency to an officer (bulk); returns the ids changed. */
  async assign(tx: Queryable, o: { caseIds: readonly string[]; organisationId: string; to: string | null; at: Date }): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `UPDATE cases SET assigned_to = $3, updated_at = $4, version = version + 1
       WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND outcome IS NULL AND assigned_to IS DISTINCT FROM $3 RETURNING id`,
      [o.caseIds.filter(isUuid), o.organisationId, o.to, o.at],
    );
    return rows.map((r) => r.id);
  },
};
