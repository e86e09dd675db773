/**
 * The exchange's message log (ADR 0024): both sides of every message write a row — the client's side
 * when it sends, the provider's side when it answers or refuses — and the sealer closes each member's
 * unsealed rows in batches: the batch's RFC 9162 Merkle root over its rows (in id order), chained to the
 * member's previous batch by SHA-256(previous chain || batch || root). `verifyExchangeLog` recomputes
 * both from the rows: a row edited or removed, or a batch removed from the middle, is named.
 */
import { createHash } from 'node:crypto';

import type { Database, Queryable } from '../db/database.ts';
import { leafHash, rootOf } from '../audit/merkle.ts';
import { coalescing } from '../db/coalesce.ts';
import { messageLogRepository as repo } from './message-log.repository.ts';

export interface LoggedMessage {
  /** Whose log: the member's subsystem on this side (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`). */
  readonly member: string;
  readonly side: 'client' | 'provider';
  /** X-Road-Id; null when a refused message carried none. */
  readonly requestId: string | null;
  readonly client: string | null;
  readonly service: string | null;
  /** X-Road-Issue: the purpose (a case number or a legal basis). */
  readonly issue: string | null;
  /** X-Road-UserId: who asked, on the client's side. */
  readonly userId: string | null;
  readonly requestDigest: string | null;
  readonly responseDigest: string | null;
  readonly at: Date;
  /** done: answered; refused: the provider's side refused it (signature, freshness, replay, rights); failed: no answer. */
  readonly outcome: 'done' | 'refused' | 'failed';
  /** The X-Road-Error type, or the failure's code. */
  readonly error: string | null;
  readonly status: number | null;
}

interface Writers {
  log(message: LoggedMessage): Promise<void>;
  claim(claim: { member: string; requestId: string; at: Date }): Promise<boolean>;
}
const writers = new WeakMap<Queryable, Writers>();

/** The database's coalescing writers of the log and of the request ids claimed (one of each per database). */
function writersOf(q: Queryable): Writers {
  let w = writers.get(q);
  if (w === undefined) {
    w = {
      log: coalescing(async (messages: readonly LoggedMessage[]) => {
        const [only] = messages;
        await (only !== undefined && messages.length === 1 ? repo.append(q, only) : repo.appendMany(q, messages));
        return messages.map(() => undefined);
      }),
      claim: coalescing(async (claims: readonly { member: string; requestId: string; at: Date }[]) => {
        const claimed = await repo.claimIds(q, claims);
        // The same id twice in one statement: the first claims it, the next is a replay.
        const taken = new Set<string>();
        return claims.map((c) => {
          const key = `${c.member} ${c.requestId}`;
          const first = claimed.has(key) && !taken.has(key);
          taken.add(key);
          return first;
        });
      }),
    };
    writers.set(q, w);
  }
  return w;
}

/** Logs a message; settles once its row is committed (with the other messages logged meanwhile, in one statement). */
export const logMessage = (q: Queryable, message: LoggedMessage): Promise<void> => writersOf(q).log(message);

/** Claims a request id for a member: false when it was seen already (a replay). Coalesced like the log. */
export const claimRequestId = (q: Queryable, member: string, requestId: string, at: Date): Promise<boolean> => writersOf(q).claim({ member, requestId, at });

/** The bytes a row is hashed from: every column but the batch, in a fixed order. */
export function leafOfMessage(m: LoggedMessage & { id: string }): Buffer {
  return Buffer.from(JSON.stringify([m.id, m.member, m.side, m.requestId, m.client, m.service, m.issue, m.userId, m.requestDigest, m.responseDigest, m.at.toISOString(), m.outcome, m.error, m.status]));
}

const chainOf = (previous: string, batch: number, root: string): string => createHash('sha256').update(`${previous}\n${batch}\n${root}`).digest('hex');

/**
 * Seals every member's unsealed rows, a batch of at most `batchSize` per transaction, and forgets the
 * request ids seen more than `keepIdsSeconds` ago (twice the freshness window: a replay that old is
 * refused as stale); returns the rows sealed.
 */
export async function sealExchangeLog(db: Database, now: () => Date, keepIdsSeconds: number, batchSize = 5000): Promise<number> {
  await repo.forgetIdsBefore(db, new Date(now().getTime() - keepIdsSeconds * 1000));
  let sealed = 0;
  for (const member of await repo.membersWithUnsealed(db)) {
    for (;;) {
      const count = await db.transaction(async (tx) => {
        const head = await repo.lockHead(tx, member);
        const rows = await repo.unsealed(tx, member, batchSize);
        if (rows.length === 0) {
          return 0;
        }
        const batch = head.batch + 1;
        const root = rootOf(rows.map((r) => leafHash(leafOfMessage(r)))).toString('hex');
        await repo.seal(tx, member, { batch, ids: rows.map((r) => r.id), root, chain: chainOf(head.chain, batch, root), at: now() });
        return rows.length;
      });
      sealed += count;
      if (count < batchSize) {
        break;
      }
    }
  }
  return sealed;
}

export type ExchangeLogVerdict =
  | { readonly ok: true; readonly batches: number; readonly messages: number }
  | { readonly ok: false; readonly member: string; readonly batch: number; readonly reason: string };

/** Recomputes every member's batches from their rows and their chain; the heads must name the last batch. */
export async function verifyExchangeLog(db: Queryable): Promise<ExchangeLogVerdict> {
  const seals = await repo.seals(db);
  const heads = new Map((await repo.heads(db)).map((h) => [h.member, h]));
  const last = new Map<string, { batch: number; chain: string }>();
  let messages = 0;
  for (const seal of seals) {
    const previous = last.get(seal.member) ?? { batch: 0, chain: '' };
    if (seal.batch !== previous.batch + 1) {
      return { ok: false, member: seal.member, batch: previous.batch + 1, reason: 'the batch is missing' };
    }
    const rows = await repo.batchRows(db, seal.member, seal.batch);
    const root = rootOf(rows.map((r) => leafHash(leafOfMessage(r)))).toString('hex');
    if (rows.length !== seal.count || root !== seal.root) {
      return { ok: false, member: seal.member, batch: seal.batch, reason: `its messages do not hash to the sealed root (${rows.length} of ${seal.count} found)` };
    }
    if (chainOf(previous.chain, seal.batch, root) !== seal.chain) {
      return { ok: false, member: seal.member, batch: seal.batch, reason: 'the chain to the previous batch is broken' };
    }
    messages += rows.length;
    last.set(seal.member, { batch: seal.batch, chain: seal.chain });
  }
  for (const [member, head] of heads) {
    const seen = last.get(member) ?? { batch: 0, chain: '' };
    if (head.batch !== seen.batch || head.chain !== seen.chain) {
      return { ok: false, member, batch: head.batch, reason: 'the sealed head names a batch the log does not hold' };
    }
  }
  return { ok: true, batches: seals.length, messages };
}
