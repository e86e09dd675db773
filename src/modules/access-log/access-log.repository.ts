/** SQL of "who saw my data": access records (audit entries `personal-data.read`) by subject, newest first. */
import type { Queryable } from '../../platform/db/database.ts';
import { PERSONAL_DATA_READ } from '../../kernel/access.ts';

export interface AccessRow {
  readonly id: number;
  readonly at: Date;
  readonly channel: string;
  readonly subject: string;
  readonly readerId: string | null;
  readonly readerName: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

interface Row {
  id: string | number; at: Date; channel: string; subject: string; actor_person_id: string | null; given_name: string | null; family_name: string | null; detail: Record<string, unknown>;
  [key: string]: unknown;
}

export const accessLogRepository = {
  /**
   * A page of the access records of the subjects, newest first, without the reads of `except` (a
   * person's own reads are not listed), and how many there are. Each subject is one range of the
   * partial index `audit_events_personal_data_reads_idx`.
   */
  async page(db: Queryable, subjects: readonly string[], except: string, limit: number, offset: number): Promise<{ rows: AccessRow[]; total: number }> {
    const where = `e.action = '${PERSONAL_DATA_READ}' AND e.subject = ANY($1::text[]) AND e.actor_person_id IS DISTINCT FROM $2::uuid`;
    const [rows, counted] = await Promise.all([
      db.query<Row>(
        `SELECT e.id, e.at, e.channel, e.subject, e.actor_person_id, p.given_name, p.family_name, e.detail
         FROM audit_events e LEFT JOIN persons p ON p.id = e.actor_person_id
         WHERE ${where} ORDER BY e.id DESC LIMIT $3 OFFSET $4`,
        [subjects, except, limit, offset],
      ),
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events e WHERE ${where}`, [subjects, except]),
    ]);
    return {
      rows: rows.map((r) => ({
        id: Number(r.id), at: new Date(r.at), channel: r.channel, subject: r.subject, readerId: r.actor_person_id,
        readerName: r.given_name === null ? null : `${r.given_name} ${r.family_name ?? ''}`.trim(), detail: r.detail,
      })),
      total: counted[0]?.n ?? 0,
    };
  },

  /** One access record of the subjects (for an appeal asking why), or null. */
  async one(db: Queryable, subjects: readonly string[], except: string, id: number): Promise<AccessRow | null> {
    const [r] = await db.query<Row>(
      `SELECT e.id, e.at, e.channel, e.subject, e.actor_person_id, p.given_name, p.family_name, e.detail
       FROM audit_events e LEFT JOIN persons p ON p.id = e.actor_person_id
       WHERE e.id = $3 AND e.action = '${PERSONAL_DATA_READ}' AND e.subject = ANY($1::text[]) AND e.actor_person_id IS DISTINCT FROM $2::uuid`,
      [subjects, except, id],
    );
    return r === undefined ? null : {
      id: Number(r.id), at: new Date(r.at), channel: r.channel, subject: r.subject, readerId: r.actor_person_id,
      readerName: r.given_name === null ? null : `${r.given_name} ${r.family_name ?? ''}`.trim(), detail: r.detail,
    };
  },
};
