import type { Queryable } from '../../platform/db/database.ts';

export interface CallRecord {
  readonly id: string;
  readonly operatorPersonId: string;
  readonly callerPhone: string;
  readonly startedAt: Date;
  readonly callerPersonId: string | null;
  readonly identifiedBy: 'sms-code' | 'knowledge' | null;
  readonly identifiedAt: Date | null;
  readonly basis: Readonly<Record<string, unknown>> | null;
  readonly endedAt: Date | null;
  readonly topic: string | null;
  readonly outcome: string | null;
  readonly notes: string | null;
}

export interface CallCode {
  readonly id: string;
  readonly callId: string;
  readonly personId: string;
  readonly phone: string;
  readonly codeHash: string;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface CallbackRecord {
  readonly id: string;
  readonly callId: string | null;
  readonly phone: string;
  readonly topic: string;
  readonly preferredTime: string;
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly dueAt: Date;
  readonly claimedBy: string | null;
  readonly claimedByName: string | null;
  readonly claimedAt: Date | null;
  readonly doneAt: Date | null;
  readonly outcome: string | null;
  readonly notes: string | null;
}

type CallRow = {
  id: string; operator_person_id: string; caller_phone: string; started_at: Date; caller_person_id: string | null; identified_by: CallRecord['identifiedBy'];
  identified_at: Date | null; identification_basis: Record<string, unknown> | null; ended_at: Date | null; topic: string | null; outcome: string | null; notes: string | null;
};
const toCall = (r: CallRow): CallRecord => ({
  id: r.id, operatorPersonId: r.operator_person_id, callerPhone: r.caller_phone, startedAt: new Date(r.started_at), callerPersonId: r.caller_person_id,
  identifiedBy: r.identified_by, identifiedAt: r.identified_at === null ? null : new Date(r.identified_at), basis: r.identification_basis,
  endedAt: r.ended_at === null ? null : new Date(r.ended_at), topic: r.topic, outcome: r.outcome, notes: r.notes,
});
const CALL_COLUMNS = 'id, operator_person_id, caller_phone, started_at, caller_person_id, identified_by, identified_at, identification_basis, ended_at, topic, outcome, notes';

type CodeRow = { id: string; call_id: string; person_id: string; phone: string; code_hash: string; attempts: number; created_at: Date; expires_at: Date; used_at: Date | null };
const toCode = (r: CodeRow): CallCode => ({
  id: r.id, callId: r.call_id, personId: r.person_id, phone: r.phone, codeHash: r.code_hash, attempts: r.attempts,
  createdAt: new Date(r.created_at), expiresAt: new Date(r.expires_at), usedAt: r.used_at === null ? null : new Date(r.used_at),
});

type CallbackRow = {
  id: string; call_id: string | null; phone: string; topic: string; preferred_time: string; requested_by: string; created_at: Date; due_at: Date;
  claimed_by: string | null; claimed_by_name: string | null; claimed_at: Date | null; done_at: Date | null; outcome: string | null; notes: string | null;
};
const toCallback = (r: CallbackRow): CallbackRecord => ({
  id: r.id, callId: r.call_id, phone: r.phone, topic: r.topic, preferredTime: r.preferred_time, requestedBy: r.requested_by, createdAt: new Date(r.created_at),
  dueAt: new Date(r.due_at), claimedBy: r.claimed_by, claimedByName: r.claimed_by_name, claimedAt: r.claimed_at === null ? null : new Date(r.claimed_at),
  doneAt: r.done_at === null ? null : new Date(r.done_at), outcome: r.outcome, notes: r.notes,
});
const CALLBACK_SELECT = `SELECT b.id, b.call_id, b.phone, b.topic, b.preferred_time, b.requested_by, b.created_at, b.due_at, b.claimed_by,
  CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS claimed_by_name, b.claimed_at, b.done_at, b.outcome, b.notes
  FROM callback_requests b LEFT JOIN persons p ON p.id = b.claimed_by`;

/** The SQL of the contact centre: calls, the codes that identify callers, callback requests. */
export const contactCentreRepository = {
  async insertCall(q: Queryable, c: { id: string; operatorPersonId: string; callerPhone: string; startedAt: Date }): Promise<void> {
    await q.query('INSERT INTO calls (id, operator_person_id, caller_phone, started_at) VALUES ($1, $2, $3, $4)', [c.id, c.operatorPersonId, c.callerPhone, c.startedAt]);
  },

  /** A call; with `lock`, its row is locked until the transaction ends (identification and logging queue behind each other). */
  async call(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<CallRecord | null> {
    const [row] = await q.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toCall(row) : null;
  },

  /** An operator's latest calls, newest first. */
  async callsOf(q: Queryable, operatorPersonId: string, limit: number): Promise<CallRecord[]> {
    const rows = await q.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE operator_person_id = $1 ORDER BY started_at DESC LIMIT $2`, [operatorPersonId, limit]);
    return rows.map(toCall);
  },

  async identify(q: Queryable, id: string, i: { personId: string; by: 'sms-code' | 'knowledge'; at: Date; basis: Record<string, unknown> }): Promise<void> {
    await q.query(
      'UPDATE calls SET caller_person_id = $2, identified_by = $3, identified_at = $4, identification_basis = $5::jsonb WHERE id = $1',
      [id, i.personId, i.by, i.at, JSON.stringify(i.basis)],
    );
  },

  async end(q: Queryable, id: string, e: { at: Date; topic: string; outcome: string; notes: string }): Promise<void> {
    await q.query('UPDATE calls SET ended_at = $2, topic = $3, outcome = $4, notes = $5 WHERE id = $1', [id, e.at, e.topic, e.outcome, e.notes]);
  },

  async insertCode(q: Queryable, c: Omit<CallCode, 'attempts' | 'usedAt'>): Promise<void> {
    await q.query(
      'INSERT INTO call_codes (id, call_id, person_id, phone, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [c.id, c.callId, c.personId, c.phone, c.codeHash, c.createdAt, c.expiresAt],
    );
  },

  async code(q: Queryable, id: string): Promise<CallCode | null> {
    const [row] = await q.query<CodeRow>('SELECT id, call_id, person_id, phone, code_hash, attempts, created_at, expires_at, used_at FROM call_codes WHERE id = $1', [id]);
    return row ? toCode(row) : null;
  },

  /** The latest code sent on a call, locked until the transaction ends. */
  async latestCode(q: Queryable, callId: string, options: { lock?: boolean } = {}): Promise<CallCode | null> {
    const [row] = await q.query<CodeRow>(
      `SELECT id, call_id, person_id, phone, code_hash, attempts, created_at, expires_at, used_at FROM call_codes WHERE call_id = $1 ORDER BY created_at DESC LIMIT 1${options.lock ? ' FOR UPDATE' : ''}`,
      [callId],
    );
    return row ? toCode(row) : null;
  },

  async countAttempt(q: Queryable, codeId: string): Promise<number> {
    const [row] = await q.query<{ attempts: number }>('UPDATE call_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts', [codeId]);
    return Number(row?.attempts ?? 0);
  },

  async useCode(q: Queryable, codeId: string, at: Date): Promise<void> {
    await q.query('UPDATE call_codes SET used_at = $2 WHERE id = $1', [codeId, at]);
  },

  async insertCallback(q: Queryable, b: { id: string; callId: string | null; phone: string; topic: string; preferredTime: string; requestedBy: string; createdAt: Date; dueAt: Date }): Promise<void> {
    await q.query(
      'INSERT INTO callback_requests (id, call_id, phone, topic, preferred_time, requested_by, created_at, due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [b.id, b.callId, b.phone, b.topic, b.preferredTime, b.requestedBy, b.createdAt, b.dueAt],
    );
  },

  /** Callbacks not done yet, the earliest due first. */
  async openCallbacks(q: Queryable, limit: number): Promise<CallbackRecord[]> {
    const rows = await q.query<CallbackRow>(`${CALLBACK_SELECT} WHERE b.done_at IS NULL ORDER BY b.due_at, b.created_at LIMIT $1`, [limit]);
    return rows.map(toCallback);
  },

  async callbacksOfCall(q: Queryable, callId: string): Promise<CallbackRecord[]> {
    const rows = await q.query<CallbackRow>(`${CALLBACK_SELECT} WHERE b.call_id = $1 ORDER BY b.created_at`, [callId]);
    return rows.map(toCallback);
  },

  async callback(q: Queryable, id: string): Promise<CallbackRecord | null> {
    const [row] = await q.query<CallbackRow>(`${CALLBACK_SELECT} WHERE b.id = $1`, [id]);
    return row ? toCallback(row) : null;
  },

  /**
   * Locks a callback's row until the transaction ends: two operators taking it at once queue here,
   * and the second sees the first one's claim.
   */
  async lockCallback(q: Queryable, id: string): Promise<{ claimedBy: string | null; doneAt: Date | null } | null> {
    const [row] = await q.query<{ claimed_by: string | null; done_at: Date | null }>('SELECT claimed_by, done_at FROM callback_requests WHERE id = $1 FOR UPDATE', [id]);
    return row ? { claimedBy: row.claimed_by, doneAt: row.done_at === null ? null : new Date(row.done_at) } : null;
  },

  async claimCallback(q: Queryable, id: string, personId: string, at: Date): Promise<void> {
    await q.query('UPDATE callback_requests SET claimed_by = $2, claimed_at = $3 WHERE id = $1', [id, personId, at]);
  },

  async completeCallback(q: Queryable, id: string, d: { at: Date; outcome: string; notes: string }): Promise<void> {
    await q.query('UPDATE callback_requests SET done_at = $2, outcome = $3, notes = $4 WHERE id = $1', [id, d.at, d.outcome, d.notes]);
  },
};
