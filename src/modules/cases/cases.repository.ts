import type { Lang } from '../../kernel/text.ts';
import { isUuid } from '../../kernel/ids.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { decodeKey, encodeKey, type KeysetPage, type PageCursor, pageOf } from './page-keys.ts';
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

/** The queue's order (the earliest due first, no due date last, then the oldest, then the id), as the `cases_queue_*` indexes hold it. */
const QUEUE_KEY = "(coalesce(c.due_on, 'infinity'::date), c.submitted_at, c.id)";
const QUEUE_ORDER = "coalesce(c.due_on, 'infinity'::date), c.submitted_at, c.id";
const QUEUE_ORDER_DESC = "coalesce(c.due_on, 'infinity'::date) DESC, c.submitted_at DESC, c.id DESC";
const QUEUE_KEY_TEXT = "coalesce(c.due_on, 'infinity'::date)::text AS key_due, c.submitted_at::text AS key_submitted";

/** A party's cases newest first, then by id, as `cases_own_by_time` and `cases_by_party` hold them. */
const PARTY_KEY = '(c.submitted_at, c.id)';

/** A case with the text of its place in a party's list (its submission time as the database keeps it). */
const SELECT_CASE_KEYED = SELECT_CASE.replace('SELECT c.*,', 'SELECT c.*, c.submitted_at::text AS key_submitted,');
/** A case with the text of its place in the queue. */
const SELECT_CASE_QUEUE = SELECT_CASE.replace('SELECT c.*,', `SELECT c.*, ${QUEUE_KEY_TEXT},`);

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
  readonly cursor: PageCursor;
}

/** The most a queue counts: past it the page says "more than". A count over every row would grow with the agency. */
export const QUEUE_COUNT_CAP = 1000;

type Keyed = CaseRow & { key_due?: string; key_submitted: string };

/** The WHERE of one agency's queue with the filters, its parameters numbered from `params`. */
function queueWhere(f: QueueFilter, organisationId: string, params: unknown[]): string {
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [`c.organisation_id = ${add(organisationId)}`];
  if (f.states !== null) {
    where.push(f.states.length === 1 ? `c.state = ${add(f.states[0])}` : `c.state = ANY(${add(f.states)}::text[])`);
  }
  if (f.serviceId !== null) {
    where.push(`c.service_id = ${add(f.serviceId)}`);
  }
  if (f.assigned === 'me') {
    where.push(`c.assigned_to = ${add(f.me)}`, 'c.assigned_to IS NOT NULL');
  } else if (f.assigned === 'nobody') {
    where.push('c.assigned_to IS NULL');
  }
  if (f.running) {
    where.push('c.outcome IS NULL');
  }
  if (f.dueBy !== null) {
    where.push(`c.due_on <= ${add(f.dueBy)}::date`);
  }
  return where.join(' AND ');
}

const DAY_TEXT = /^(\d{4}-\d{2}-\d{2}|infinity)$/;
const TIME_TEXT = /^\d{4}-\d{2}-\d{2}[ T][0-9:.]+([+-]\d{2}(:?\d{2})?|Z)?$/;

/** A queue key's parts (day, time, id), or null when they are not what the queue wrote (a link edited by hand). */
function queueKey(key: string): string[] | null {
  const parts = decodeKey(key, 3);
  return parts !== null && DAY_TEXT.test(parts[0] ?? '') && TIME_TEXT.test(parts[1] ?? '') && isUuid(parts[2] ?? '') ? parts : null;
}

/** A party list's key's parts (time, id), or null. */
function partyKey(key: string): string[] | null {
  const parts = decodeKey(key, 2);
  return parts !== null && TIME_TEXT.test(parts[0] ?? '') && isUuid(parts[1] ?? '') ? parts : null;
}

export const casesRepository = {
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

  /**
   * A page of a party's cases (or those a person filed for themselves), newest first, read in the
   * order of `cases_own_by_time` / `cases_by_party` from a key: the cost of a page does not grow with
   * the party's cases, nor with anyone else's.
   */
  async forParty(db: Queryable, o: { personId: string; nationalId: string | null; party: { kind: 'self' } | { kind: 'business' | 'person'; id: string }; limit: number; cursor?: PageCursor }): Promise<KeysetPage<CaseRecord>> {
    const cursor = o.cursor ?? null;
    const key = cursor === null ? null : partyKey('after' in cursor ? cursor.after : cursor.before);
    const backwards = cursor !== null && 'before' in cursor;
    const params: unknown[] = [];
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const from = key === null ? '' : ` AND ${PARTY_KEY} ${backwards ? '>' : '<'} (${add(key[0])}::timestamptz, ${add(key[1])}::uuid)`;
    const order = backwards ? 'c.submitted_at ASC, c.id ASC' : 'c.submitted_at DESC, c.id DESC';
    const limit = add(o.limit + 1);
    const branch = (where: string): string => `(${SELECT_CASE_KEYED} WHERE ${where}${from} ORDER BY ${order} LIMIT ${limit})`;
    const branches = o.party.kind === 'self'
      ? [branch(`c.party_kind = 'self' AND c.applicant_person_id = ${add(o.personId)}`), ...(o.nationalId === null ? [] : [branch(`c.party_kind = 'person' AND c.party_id = ${add(o.nationalId)}`)])]
      : [branch(`c.party_kind = ${add(o.party.kind)} AND c.party_id = ${add(o.party.id)}`)];
    const rows = await db.query<Keyed>(`SELECT * FROM (${branches.join(' UNION ALL ')}) c ORDER BY ${order.replaceAll('c.', '')} LIMIT ${limit}`, params);
    const page = pageOf(rows, { size: o.limit, cursor: key === null ? null : cursor, keyOf: (r) => encodeKey([r.key_submitted, r.id]) });
    return { ...page, rows: page.rows.map(toCase) };
  },

  /**
   * A page of the agencies' queue: the earliest due first (no due date last), then the oldest
   * submission, read from a key in the order of the `cases_queue_*` index that fits the filters
   * (one agency at a time, merged), with how many cases it holds up to `QUEUE_COUNT_CAP`.
   */
  async queue(db: Queryable, f: QueueFilter): Promise<KeysetPage<CaseRecord> & { total: number }> {
    const cursor = f.cursor;
    const key = cursor === null ? null : queueKey('after' in cursor ? cursor.after : cursor.before);
    const backwards = key !== null && cursor !== null && 'before' in cursor;
    const params: unknown[] = [];
    const countParams: unknown[] = [];
    const counts: string[] = [];
    const branches: string[] = [];
    const order = backwards ? QUEUE_ORDER_DESC : QUEUE_ORDER;
    for (const organisationId of f.organisationIds) {
      // in the queue's order, so that the count walks the filter's index and stops at the cap
      counts.push(`(SELECT count(*) FROM (SELECT 1 FROM cases c WHERE ${queueWhere(f, organisationId, countParams)} ORDER BY ${QUEUE_ORDER} LIMIT ${QUEUE_COUNT_CAP}) s)`);
      const where = queueWhere(f, organisationId, params);
      let from = '';
      if (key !== null) {
        params.push(key[0], key[1], key[2]);
        const n = params.length;
        from = ` AND ${QUEUE_KEY} ${backwards ? '<' : '>'} ($${n - 2}::date, $${n - 1}::timestamptz, $${n}::uuid)`;
      }
      branches.push(`(${SELECT_CASE_QUEUE} WHERE ${where}${from} ORDER BY ${order} LIMIT ${Number(f.limit) + 1})`);
    }
    if (branches.length === 0) {
      return { rows: [], next: null, previous: null, total: 0 };
    }
    const [count] = await db.query<{ n: number }>(`SELECT least(${counts.join(' + ')}, ${QUEUE_COUNT_CAP})::int AS n`, countParams);
    const rows = await db.query<Keyed>(
      `SELECT * FROM (${branches.join(' UNION ALL ')}) c
       ORDER BY ${backwards ? 'key_due::date DESC, submitted_at DESC, id DESC' : 'key_due::date, submitted_at, id'} LIMIT ${Number(f.limit) + 1}`,
      params,
    );
    const page = pageOf(rows, { size: f.limit, cursor: key === null ? null : cursor, keyOf: (r) => encodeKey([r.key_due ?? 'infinity', r.key_submitted, r.id]) });
    return { ...page, rows: page.rows.map(toCase), total: count?.n ?? 0 };
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
