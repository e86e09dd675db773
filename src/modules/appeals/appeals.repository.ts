import type { Lang } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppealChannel, AppealEventRecord, AppealKind, AppealRecord, AppealState } from './appeal.ts';

type Row = {
  id: string; number: string; kind: AppealKind; channel: AppealChannel; person_id: string | null; person_name: string | null;
  reply_number: string | null; postal_address: string | null; lang: Lang; organisation_id: string | null; text: string; named_case_id: string | null;
  named_case_number: string | null; named_officer: string | null; state: AppealState; filed_at: Date; filed_on: string;
  term_days: number; due_on: string; extended_on: string | null; extension_reason: string | null; answer: string | null;
  answered_at: Date | null; answered_by: string | null; version: number;
};

const toAppeal = (r: Row): AppealRecord => ({
  id: r.id, number: r.number, kind: r.kind, channel: r.channel, personId: r.person_id, personName: r.person_name,
  replyNumber: r.reply_number, postalAddress: r.postal_address, lang: r.lang, organisationId: r.organisation_id, text: r.text, namedCaseId: r.named_case_id,
  namedCaseNumber: r.named_case_number, namedOfficer: r.named_officer, state: r.state, filedAt: r.filed_at, filedOn: r.filed_on,
  termDays: r.term_days, dueOn: r.due_on, extendedOn: r.extended_on, extensionReason: r.extension_reason, answer: r.answer,
  answeredAt: r.answered_at, answeredBy: r.answered_by, version: r.version,
});

const SELECT = `SELECT a.id, a.number, a.kind, a.channel, a.person_id, a.person_name, a.reply_number, a.postal_address, a.lang, a.organisation_id, a.text,
  a.named_case_id, c.number AS named_case_number, a.named_officer, a.state, a.filed_at, a.filed_on::text AS filed_on, a.term_days,
  a.due_on::text AS due_on, a.extended_on::text AS extended_on, a.extension_reason, a.answer, a.answered_at, a.answered_by, a.version
  FROM appeals a LEFT JOIN cases c ON c.id = a.named_case_id`;

export interface NewAppeal {
  readonly id: string;
  readonly year: number;
  readonly kind: AppealKind;
  readonly channel: AppealChannel;
  readonly personId: string | null;
  readonly personName: string | null;
  readonly replyNumber: string | null;
  readonly postalAddress?: string | null;
  readonly lang: Lang;
  readonly organisationId: string | null;
  readonly text: string;
  readonly namedCaseId: string | null;
  readonly namedOfficer: string | null;
  readonly smsMessageId: string | null;
  readonly filedAt: Date;
  readonly filedOn: string;
  readonly termDays: number;
  readonly dueOn: string;
}

export interface NewAppealEvent {
  readonly appealId: string;
  readonly event: AppealEventRecord['event'];
  readonly actorPersonId: string | null;
  readonly actorRole: string;
  readonly channel: string;
  readonly detail: string | null;
  readonly at: Date;
}

export const appealsRepository = {
  async insert(q: Queryable, a: NewAppeal): Promise<void> {
    await q.query(
      `INSERT INTO appeals (id, number, kind, channel, person_id, person_name, reply_number, lang, organisation_id, text, named_case_id, named_officer,
         sms_message_id, state, filed_at, filed_on, term_days, due_on, postal_address)
       VALUES ($1, 'A-' || $2 || '-' || lpad(nextval('appeal_numbers')::text, 6, '0'), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14, $15, $16, $17, $18)`,
      [a.id, String(a.year), a.kind, a.channel, a.personId, a.personName, a.replyNumber, a.lang, a.organisationId, a.text, a.namedCaseId, a.namedOfficer,
        a.smsMessageId, a.filedAt, a.filedOn, a.termDays, a.dueOn, a.postalAddress ?? null],
    );
  },

  async byId(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<AppealRecord | null> {
    const [r] = await q.query<Row>(`${SELECT} WHERE a.id = $1${options.lock === true ? ' FOR UPDATE OF a' : ''}`, [id]);
    return r === undefined ? null : toAppeal(r);
  },

  /** The appeal already made against the refusal of a case, if any. */
  async refusalAppealOf(q: Queryable, caseId: string): Promise<AppealRecord | null> {
    const [r] = await q.query<Row>(`${SELECT} WHERE a.named_case_id = $1 AND a.kind = 'refusal-appeal'`, [caseId]);
    return r === undefined ? null : toAppeal(r);
  },

  /** Open appeals first (the soonest due first), then answered ones, newest first. `organisations: null` is the triage list. */
  async list(q: Queryable, filter: { organisations: readonly string[] | null; state: AppealState | null; limit: number }): Promise<AppealRecord[]> {
    const rows = await q.query<Row>(
      `${SELECT} WHERE (CASE WHEN $1::text[] IS NULL THEN a.organisation_id IS NULL ELSE a.organisation_id = ANY($1::text[]) END)
         AND ($2::text IS NULL OR a.state = $2) ORDER BY (a.state = 'open') DESC, a.due_on, a.filed_at DESC LIMIT $3`,
      [filter.organisations, filter.state, filter.limit],
    );
    return rows.map(toAppeal);
  },

  async ofPerson(q: Queryable, personId: string, limit: number): Promise<AppealRecord[]> {
    const rows = await q.query<Row>(`${SELECT} WHERE a.person_id = $1 ORDER BY a.filed_at DESC LIMIT $2`, [personId, limit]);
    return rows.map(toAppeal);
  },

  /** Writes the changeable fields, checked against the version read; false when it moved meanwhile. */
  async update(q: Queryable, a: AppealRecord): Promise<boolean> {
    const rows = await q.query(
      `UPDATE appeals SET organisation_id = $2, state = $3, due_on = $4, extended_on = $5, extension_reason = $6, answer = $7, answered_at = $8,
         answered_by = $9, version = version + 1
       WHERE id = $1 AND version = $10 RETURNING id`,
      [a.id, a.organisationId, a.state, a.dueOn, a.extendedOn, a.extensionReason, a.answer, a.answeredAt, a.answeredBy, a.version],
    );
    return rows.length === 1;
  },

  async addEvent(q: Queryable, e: NewAppealEvent): Promise<void> {
    await q.query(
      'INSERT INTO appeal_events (appeal_id, event, actor_person_id, actor_role, channel, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [e.appealId, e.event, e.actorPersonId, e.actorRole, e.channel, e.detail, e.at],
    );
  },

  async events(q: Queryable, appealId: string): Promise<AppealEventRecord[]> {
    const rows = await q.query<{ id: number | string; event: AppealEventRecord['event']; actor_person_id: string | null; actor_name: string | null; actor_role: string; channel: string; detail: string | null; at: Date }>(
      `SELECT e.id, e.event, e.actor_person_id, CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS actor_name,
         e.actor_role, e.channel, e.detail, e.at
       FROM appeal_events e LEFT JOIN persons p ON p.id = e.actor_person_id WHERE e.appeal_id = $1 ORDER BY e.id`,
      [appealId],
    );
    return rows.map((r) => ({ id: Number(r.id), event: r.event, actorPersonId: r.actor_person_id, actorName: r.actor_name, actorRole: r.actor_role, channel: r.channel, detail: r.detail, at: r.at }));
  },
};
