import type { Queryable } from '../../platform/db/database.ts';
import type { ProactiveItem, ProactiveMode, ProactiveStatus } from './proactive.ts';

type ItemRow = {
  id: string; event_kind: ProactiveItem['eventKind']; event_day: string; service_id: string; mode: ProactiveMode; person_id: string; case_id: string | null;
  case_number: string | null; status: ProactiveStatus; object_by: string | null; created_at: Date; decided_at: Date | null;
};

const SELECT = `SELECT i.id, i.event_kind, to_char(i.event_day, 'YYYY-MM-DD') AS event_day, i.service_id, i.mode, i.person_id, i.case_id, c.number AS case_number, i.status,
  to_char(i.object_by, 'YYYY-MM-DD') AS object_by, i.created_at, i.decided_at FROM proactive_items i LEFT JOIN cases c ON c.id = i.case_id`;

const toItem = (r: ItemRow): ProactiveItem => ({
  id: r.id, eventKind: r.event_kind, eventDay: r.event_day, serviceId: r.service_id, mode: r.mode, personId: r.person_id, caseId: r.case_id, caseNumber: r.case_number,
  status: r.status, objectBy: r.object_by, createdAt: new Date(r.created_at), decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
});

export interface NewItem {
  readonly id: string;
  readonly eventId: string;
  readonly eventKind: ProactiveItem['eventKind'];
  readonly eventDay: string;
  readonly serviceId: string;
  readonly organisationId: string;
  readonly mode: ProactiveMode;
  readonly personId: string;
  readonly subject: string;
  readonly caseId: string | null;
  readonly status: ProactiveStatus;
  readonly objectBy: string | null;
  readonly at: Date;
}

export const proactiveRepository = {
  /** The feed's row, made with `initial` as its cursor the first time. */
  async ensureFeed(q: Queryable, feed: string, initial: string): Promise<void> {
    await q.query('INSERT INTO registry_event_feeds (feed, cursor) VALUES ($1, $2) ON CONFLICT (feed) DO NOTHING', [feed, initial]);
  },

  /**
   * Claims the feed for `leaseSeconds` when no other process holds it (its row locked: SKIP LOCKED; or its lease
   * running): answers the cursor, or null when another process has it.
   */
  async claimFeed(q: Queryable, feed: string, token: string, now: Date, leaseSeconds: number): Promise<{ cursor: string | null } | null> {
    const [r] = await q.query<{ cursor: string | null }>(
      `UPDATE registry_event_feeds SET leased_until = $3::timestamptz + $4::int * interval '1 second', lease_token = $2
       WHERE feed = (SELECT feed FROM registry_event_feeds WHERE feed = $1 AND (leased_until IS NULL OR leased_until <= $3) FOR UPDATE SKIP LOCKED)
       RETURNING cursor`,
      [feed, token, now, leaseSeconds],
    );
    return r === undefined ? null : { cursor: r.cursor };
  },

  /** Moves the cursor on and lets the feed go, if this process still holds it; false when its lease was lost. */
  async advance(q: Queryable, feed: string, token: string, cursor: string | null, seen: number, now: Date): Promise<boolean> {
    const rows = await q.query(
      `UPDATE registry_event_feeds SET cursor = $3, events_seen = events_seen + $4, leased_until = NULL, lease_token = NULL, updated_at = $5
       WHERE feed = $1 AND lease_token = $2 RETURNING feed`,
      [feed, token, cursor, seen, now],
    );
    return rows.length === 1;
  },

  async cursorOf(q: Queryable, feed: string): Promise<string | null> {
    const [r] = await q.query<{ cursor: string | null }>('SELECT cursor FROM registry_event_feeds WHERE feed = $1', [feed]);
    return r?.cursor ?? null;
  },

  /** Writes the item unless one for this event and service exists (another process, an event seen again): answers whether it is new. */
  async insert(q: Queryable, i: NewItem): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO proactive_items (id, event_id, event_kind, event_day, service_id, organisation_id, mode, person_id, subject, case_id, status, object_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (event_id, service_id) DO NOTHING RETURNING id`,
      [i.id, i.eventId, i.eventKind, i.eventDay, i.serviceId, i.organisationId, i.mode, i.personId, i.subject, i.caseId, i.status, i.objectBy, i.at],
    );
    return rows.length === 1;
  },

  async byId(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ProactiveItem | null> {
    const [r] = await q.query<ItemRow>(`${SELECT} WHERE i.id = $1${options.lock === true ? ' FOR UPDATE OF i' : ''}`, [id]);
    return r === undefined ? null : toItem(r);
  },

  /** Automatic grants whose window has passed (before `today`), claimed: SKIP LOCKED, so processes share them. */
  async claimDue(q: Queryable, today: string, limit: number): Promise<ProactiveItem[]> {
    const rows = await q.query<ItemRow>(`${SELECT} WHERE i.status = 'pending' AND i.object_by < $1 ORDER BY i.object_by, i.id LIMIT $2 FOR UPDATE OF i SKIP LOCKED`, [today, limit]);
    return rows.map(toItem);
  },

  /** An automatic grant applied for already (ADR 0035): the item names the case that holds the claim and is done. */
  async cover(q: Queryable, id: string, caseId: string, at: Date): Promise<void> {
    await q.query("UPDATE proactive_items SET status = 'applied', case_id = $2, decided_at = $3 WHERE id = $1", [id, caseId, at]);
  },

  async setStatus(q: Queryable, id: string, status: ProactiveStatus, at: Date): Promise<void> {
    await q.query('UPDATE proactive_items SET status = $2, decided_at = $3 WHERE id = $1', [id, status, at]);
  },

  /** A person's items, newest first. */
  async ofPerson(q: Queryable, personId: string, limit: number): Promise<ProactiveItem[]> {
    const rows = await q.query<ItemRow>(`${SELECT} WHERE i.person_id = $1 ORDER BY i.created_at DESC, i.id LIMIT $2`, [personId, limit]);
    return rows.map(toItem);
  },
};
