import type { Queryable } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import type { LoggedMessage } from './message-log.ts';

type Row = {
  id: string;
  member: string;
  side: 'client' | 'provider';
  request_id: string | null;
  client: string | null;
  service: string | null;
  issue: string | null;
  user_id: string | null;
  request_digest: string | null;
  response_digest: string | null;
  at: Date;
  outcome: LoggedMessage['outcome'];
  error: string | null;
  status: number | null;
};

const COLUMNS = 'id::text AS id, member, side, request_id, client, service, issue, user_id, request_digest, response_digest, at, outcome, error, status';

const toMessage = (r: Row): LoggedMessage & { id: string } => ({
  id: r.id, member: r.member, side: r.side, requestId: r.request_id, client: r.client, service: r.service, issue: r.issue, userId: r.user_id,
  requestDigest: r.request_digest, responseDigest: r.response_digest, at: new Date(r.at), outcome: r.outcome, error: r.error, status: r.status,
});

const APPEND_MANY = prepared(`INSERT INTO exchange_messages (member, side, request_id, client, service, issue, user_id, request_digest, response_digest, at, outcome, error, status)
  SELECT member, side, request_id, client, service, issue, user_id, request_digest, response_digest, at, outcome, error, status FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::text[], $13::int[])
  WITH ORDINALITY AS m (member, side, request_id, client, service, issue, user_id, request_digest, response_digest, at, outcome, error, status, n) ORDER BY n`);
const CLAIM_MANY = prepared(`INSERT INTO exchange_seen_ids (member, request_id, at)
  SELECT member, request_id, at FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS c (member, request_id, at)
  ON CONFLICT DO NOTHING RETURNING member, request_id`);

export const messageLogRepository = {
  async append(q: Queryable, m: LoggedMessage): Promise<void> {
    await q.query(
      `INSERT INTO exchange_messages (member, side, request_id, client, service, issue, user_id, request_digest, response_digest, at, outcome, error, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [m.member, m.side, m.requestId, m.client, m.service, m.issue, m.userId, m.requestDigest, m.responseDigest, m.at, m.outcome, m.error, m.status],
    );
  },

  /** Appends messages in one statement (the coalesced writes of concurrent requests, in order). */
  async appendMany(q: Queryable, ms: readonly LoggedMessage[]): Promise<void> {
    const column = <T>(f: (m: LoggedMessage) => T): T[] => ms.map(f);
    await q.query(
      APPEND_MANY,
      [column((m) => m.member), column((m) => m.side), column((m) => m.requestId), column((m) => m.client), column((m) => m.service), column((m) => m.issue), column((m) => m.userId),
        column((m) => m.requestDigest), column((m) => m.responseDigest), column((m) => m.at), column((m) => m.outcome), column((m) => m.error), column((m) => m.status)],
    );
  },

  /** Claims request ids in one statement; answers the pairs claimed now (a pair seen already is not among them). */
  async claimIds(q: Queryable, claims: readonly { member: string; requestId: string; at: Date }[]): Promise<Set<string>> {
    const rows = await q.query<{ member: string; request_id: string }>(CLAIM_MANY, [claims.map((c) => c.member), claims.map((c) => c.requestId), claims.map((c) => c.at)]);
    return new Set(rows.map((r) => `${r.member} ${r.request_id}`));
  },

  /** Forgets request ids seen before `before` (messages signed that long ago are refused as stale anyway). */
  async forgetIdsBefore(q: Queryable, before: Date): Promise<number> {
    return (await q.query('DELETE FROM exchange_seen_ids WHERE at < $1 RETURNING 1 AS gone', [before])).length;
  },

  async byRequestId(q: Queryable, requestId: string): Promise<Array<LoggedMessage & { id: string }>> {
    return (await q.query<Row>(`SELECT ${COLUMNS} FROM exchange_messages WHERE request_id = $1 ORDER BY id`, [requestId])).map(toMessage);
  },

  async latest(q: Queryable, limit: number): Promise<Array<LoggedMessage & { id: string }>> {
    return (await q.query<Row>(`SELECT ${COLUMNS} FROM exchange_messages ORDER BY id DESC LIMIT $1`, [limit])).map(toMessage);
  },

  async membersWithUnsealed(q: Queryable): Promise<string[]> {
    return (await q.query<{ member: string }>('SELECT DISTINCT member FROM exchange_messages WHERE batch IS NULL ORDER BY member')).map((r) => r.member);
  },

  /** Holds the member's seal head (creating it), so one sealer at a time seals the member's log. */
  async lockHead(q: Queryable, member: string): Promise<{ batch: number; chain: string }> {
    await q.query("INSERT INTO exchange_seal_heads (member, batch, chain) VALUES ($1, 0, '') ON CONFLICT DO NOTHING", [member]);
    const [row] = await q.query<{ batch: string; chain: string }>('SELECT batch::text AS batch, chain FROM exchange_seal_heads WHERE member = $1 FOR UPDATE', [member]);
    return { batch: Number(row?.batch ?? 0), chain: row?.chain ?? '' };
  },

  async unsealed(q: Queryable, member: string, limit: number): Promise<Array<LoggedMessage & { id: string }>> {
    return (await q.query<Row>(`SELECT ${COLUMNS} FROM exchange_messages WHERE member = $1 AND batch IS NULL ORDER BY id LIMIT $2`, [member, limit])).map(toMessage);
  },

  async seal(q: Queryable, member: string, seal: { batch: number; ids: readonly string[]; root: string; chain: string; at: Date }): Promise<void> {
    await q.query('UPDATE exchange_messages SET batch = $2 WHERE member = $1 AND id = ANY($3::bigint[]) AND batch IS NULL', [member, seal.batch, seal.ids]);
    await q.query('INSERT INTO exchange_seals (member, batch, count, root, chain, sealed_at) VALUES ($1, $2, $3, $4, $5, $6)', [member, seal.batch, seal.ids.length, seal.root, seal.chain, seal.at]);
    await q.query('UPDATE exchange_seal_heads SET batch = $2, chain = $3 WHERE member = $1', [member, seal.batch, seal.chain]);
  },

  async seals(q: Queryable): Promise<Array<{ member: string; batch: number; count: number; root: string; chain: string }>> {
    return (await q.query<{ member: string; batch: string; count: number; root: string; chain: string }>('SELECT member, batch::text AS batch, count, root, chain FROM exchange_seals ORDER BY member, batch'))
      .map((r) => ({ member: r.member, batch: Number(r.batch), count: Number(r.count), root: r.root, chain: r.chain }));
  },

  async heads(q: Queryable): Promise<Array<{ member: string; batch: number; chain: string }>> {
    return (await q.query<{ member: string; batch: string; chain: string }>('SELECT member, batch::text AS batch, chain FROM exchange_seal_heads ORDER BY member')).map((r) => ({ member: r.member, batch: Number(r.batch), chain: r.chain }));
  },

  async batchRows(q: Queryable, member: string, batch: number): Promise<Array<LoggedMessage & { id: string }>> {
    return (await q.query<Row>(`SELECT ${COLUMNS} FROM exchange_messages WHERE member = $1 AND batch = $2 ORDER BY id`, [member, batch])).map(toMessage);
  },
};
