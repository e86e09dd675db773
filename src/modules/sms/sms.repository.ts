import type { Queryable } from '../../platform/db/database.ts';
import type { SmsEncoding } from '../channels/sms/index.ts';

export type SmsStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'suppressed' | 'received' | 'limited';
export type SmsPurpose = 'reply' | 'notice';

export interface SmsRow {
  readonly id: string;
  readonly direction: 'in' | 'out';
  readonly number: string;
  readonly text: string;
  readonly encoding: SmsEncoding;
  readonly segments: number;
  readonly status: SmsStatus;
  readonly purpose: SmsPurpose | null;
  readonly command: string | null;
  readonly argument: string | null;
  readonly replyTo: string | null;
  readonly reference: string | null;
  readonly gatewayMessageId: string | null;
  readonly failure: string | null;
  readonly createdAt: Date;
  readonly statusAt: Date;
}

type Row = {
  id: string; direction: 'in' | 'out'; number: string; text: string; encoding: SmsEncoding; segments: number; status: SmsStatus;
  purpose: SmsPurpose | null; command: string | null; argument: string | null; reply_to: string | null; reference: string | null;
  gateway_message_id: string | null; failure: string | null; created_at: Date; status_at: Date;
};

const toSms = (r: Row): SmsRow => ({
  id: r.id, direction: r.direction, number: r.number, text: r.text, encoding: r.encoding, segments: r.segments, status: r.status,
  purpose: r.purpose, command: r.command, argument: r.argument, replyTo: r.reply_to, reference: r.reference,
  gatewayMessageId: r.gateway_message_id, failure: r.failure, createdAt: r.created_at, statusAt: r.status_at,
});

const COLUMNS = 'id, direction, number, text, encoding, segments, status, purpose, command, argument, reply_to, reference, gateway_message_id, failure, created_at, status_at';

export interface NewInbound {
  readonly id: string;
  readonly number: string;
  readonly text: string;
  readonly encoding: SmsEncoding;
  readonly segments: number;
  readonly status: 'received' | 'limited';
  readonly command: string;
  readonly argument: string | null;
  readonly gatewayMessageId: string;
  readonly at: Date;
}

export interface NewOutgoing {
  readonly id: string;
  readonly number: string;
  readonly text: string;
  readonly encoding: SmsEncoding;
  readonly segments: number;
  readonly status: 'queued' | 'suppressed';
  readonly purpose: SmsPurpose;
  readonly replyTo: string | null;
  readonly reference: string;
  readonly at: Date;
}

export const smsRepository = {
  /** False when the gateway's message id was received before (a repeated webhook). */
  async insertInbound(q: Queryable, m: NewInbound): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO sms_messages (id, direction, number, text, encoding, segments, status, command, argument, gateway_message_id, created_at, status_at)
       VALUES ($1, 'in', $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (gateway_message_id) WHERE direction = 'in' DO NOTHING RETURNING id`,
      [m.id, m.number, m.text, m.encoding, m.segments, m.status, m.command, m.argument, m.gatewayMessageId, m.at],
    );
    return rows.length === 1;
  },

  /** False when a message with this reference exists already (the same notice sent again). */
  async insertOutgoing(q: Queryable, m: NewOutgoing): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO sms_messages (id, direction, number, text, encoding, segments, status, purpose, reply_to, reference, created_at, status_at)
       VALUES ($1, 'out', $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (reference) DO NOTHING RETURNING id`,
      [m.id, m.number, m.text, m.encoding, m.segments, m.status, m.purpose, m.replyTo, m.reference, m.at],
    );
    return rows.length === 1;
  },

  /**
   * Records outgoing notices, each under its reference, and answers in one statement, for each
   * reference, its record (new, or the one kept under that reference before) and whether its number
   * opted out. A reference whose record a concurrent transaction committed after this statement began
   * is missing from the answer: read it with `byReference`.
   */
  async recordNotices(q: Queryable, messages: ReadonlyArray<Omit<NewOutgoing, 'status' | 'purpose' | 'replyTo' | 'at'>>, at: Date): Promise<Array<SmsRow & { optedOut: boolean }>> {
    if (messages.length === 0) {
      return [];
    }
    const rows = await q.query<Row & { opted_out: boolean }>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS i (id, number, text, encoding, segments, reference)
       ), inserted AS (
         INSERT INTO sms_messages (id, direction, number, text, encoding, segments, status, purpose, reply_to, reference, created_at, status_at)
         SELECT id, 'out', number, text, encoding, segments, 'queued', 'notice', NULL, reference, $7, $7 FROM input
         ON CONFLICT (reference) DO NOTHING
         RETURNING ${COLUMNS}
       ), kept AS (
         SELECT ${COLUMNS} FROM inserted
         UNION ALL
         SELECT ${COLUMNS} FROM sms_messages m
         WHERE m.reference = ANY($6::text[]) AND NOT EXISTS (SELECT 1 FROM inserted WHERE inserted.reference = m.reference)
       )
       SELECT kept.*, EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.number = kept.number) AS opted_out FROM kept`,
      [messages.map((m) => m.id), messages.map((m) => m.number), messages.map((m) => m.text), messages.map((m) => m.encoding), messages.map((m) => m.segments), messages.map((m) => m.reference), at],
    );
    return rows.map((r) => ({ ...toSms(r), optedOut: r.opted_out }));
  },

  async inboundExists(q: Queryable, gatewayMessageId: string): Promise<boolean> {
    const rows = await q.query("SELECT 1 FROM sms_messages WHERE direction = 'in' AND gateway_message_id = $1", [gatewayMessageId]);
    return rows.length > 0;
  },

  async byId(q: Queryable, id: string): Promise<SmsRow | null> {
    const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM sms_messages WHERE id = $1`, [id]);
    return row ? toSms(row) : null;
  },

  async byReference(q: Queryable, reference: string, o: { lock?: boolean } = {}): Promise<SmsRow | null> {
    const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM sms_messages WHERE reference = $1${o.lock ? ' FOR UPDATE' : ''}`, [reference]);
    return row ? toSms(row) : null;
  },

  /**
   * Moves an outgoing message on, only from the statuses given (a receipt that came before the
   * send's own answer is not undone by it). False when it was in none of them.
   */
  async move(q: Queryable, id: string, to: SmsStatus, from: readonly SmsStatus[], at: Date, extra: { failure?: string | null; gatewayMessageId?: string } = {}): Promise<boolean> {
    const rows = await q.query(
      `UPDATE sms_messages SET status = $2, status_at = $4, failure = COALESCE($5, failure), gateway_message_id = COALESCE($6, gateway_message_id)
       WHERE id = $1 AND status = ANY($3::text[]) RETURNING id`,
      [id, to, from, at, extra.failure ?? null, extra.gatewayMessageId ?? null],
    );
    return rows.length === 1;
  },

  /** `move` for many messages in one statement; answers the ids it moved. */
  async moveMany(q: Queryable, ids: readonly string[], to: SmsStatus, from: readonly SmsStatus[], at: Date): Promise<string[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await q.query<{ id: string }>(
      'UPDATE sms_messages SET status = $2, status_at = $4 WHERE id = ANY($1::uuid[]) AND status = ANY($3::text[]) RETURNING id',
      [ids, to, from, at],
    );
    return rows.map((r) => r.id);
  },

  /** A number's messages both ways, oldest first (the latest `limit`). */
  async conversation(q: Queryable, number: string, limit: number): Promise<SmsRow[]> {
    const rows = await q.query<Row>(
      `SELECT * FROM (SELECT ${COLUMNS} FROM sms_messages WHERE number = $1 ORDER BY created_at DESC, direction, id LIMIT $2) latest ORDER BY created_at, direction, id`,
      [number, limit],
    );
    return rows.map(toSms);
  },

  async isOptedOut(q: Queryable, number: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM sms_opt_outs WHERE number = $1', [number])).length > 0;
  },

  /** True when the number was not opted out before. */
  async optOut(q: Queryable, number: string, at: Date): Promise<boolean> {
    return (await q.query('INSERT INTO sms_opt_outs (number, opted_out_at) VALUES ($1, $2) ON CONFLICT (number) DO NOTHING RETURNING number', [number, at])).length === 1;
  },

  /** True when the number was opted out before. */
  async optIn(q: Queryable, number: string): Promise<boolean> {
    return (await q.query('DELETE FROM sms_opt_outs WHERE number = $1 RETURNING number', [number])).length === 1;
  },
};
