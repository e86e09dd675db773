import { createHash } from 'node:crypto';

import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Result } from '../../kernel/result.ts';
import type { Database, Queryable } from '../db/database.ts';
import { resultTransaction } from '../db/transaction.ts';

/** One audited action: who did what, for whom, through which channel, and whether it was refused. */
export interface AuditEntry {
  readonly at: Date;
  readonly action: string;
  readonly outcome: 'done' | 'refused';
  readonly channel: 'web' | 'api' | 'cli' | 'system' | 'sms' | 'phone' | 'post' | 'in-person';
  readonly actorPersonId: string | null;
  readonly actingFor: string | null;
  readonly subject: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

interface StoredEntry extends AuditEntry {
  readonly id: number;
  readonly prevHash: string;
}

function hashOf(e: StoredEntry): string {
  const content = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    outcome: e.outcome,
    channel: e.channel,
    actor: e.actorPersonId,
    actingFor: e.actingFor,
    subject: e.subject,
    detail: e.detail,
    prev: e.prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

/** Entries held back by `auditedTransaction` until just before its commit, by transaction. */
const deferred = new WeakMap<Queryable, AuditEntry[]>();

/**
 * Appends an entry to the hash chain inside the caller's transaction. The head row is locked, so
 * concurrent writers (in any process) chain one after another. Inside `auditedTransaction` the entry
 * is appended when the work is done instead, in the same transaction and order.
 */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  const held = deferred.get(tx);
  if (held !== undefined) {
    held.push(entry);
    return;
  }
  await appendNow(tx, entry);
}

/**
 * A transaction whose audit entries are appended together after `work`, just before the commit: the
 * chain's head row is then locked only for those inserts and the commit, not for the whole of a
 * long transaction (a submission), so concurrent transactions overlap everywhere else.
 */
export async function auditedTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (deferred.has(tx)) {
      return work(tx); // already inside one (the embedded database joins nested transactions)
    }
    const held: AuditEntry[] = [];
    deferred.set(tx, held);
    try {
      const result = await work(tx);
      for (const entry of held.splice(0)) {
        await appendNow(tx, entry);
      }
      return result;
    } finally {
      deferred.delete(tx);
    }
  });
}

/** `auditedTransaction` that commits on `ok(...)` and rolls back (audit entries too) on a failure value. */
export function auditedResultTransaction<T, E>(db: Database, work: (tx: Queryable) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  return resultTransaction({ transaction: <U>(w: (tx: Queryable) => Promise<U>) => auditedTransaction(db, w) }, work);
}

async function appendNow(tx: Queryable, entry: AuditEntry): Promise<void> {
  const [head] = await tx.query<{ last_id: number; last_hash: string }>('SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE');
  if (!head) {
    throw new Error('audit_head row is missing');
  }
  const stored: StoredEntry = { ...entry, id: head.last_id + 1, prevHash: head.last_hash };
  const hash = hashOf(stored);
  await tx.query(
    `INSERT INTO audit_events (id, at, action, outcome, channel, actor_person_id, acting_for, subject, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [stored.id, entry.at, entry.action, entry.outcome, entry.channel, entry.actorPersonId, entry.actingFor, entry.subject, JSON.stringify(entry.detail), stored.prevHash, hash],
  );
  await tx.query('UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1', [stored.id, hash]);
}

/** Appends an entry in its own transaction (for refusals, which change nothing else). */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, entry));
}

/** The last entry a verification saw: its position in the chain and its hash (which covers every entry before it). */
export interface AuditPosition {
  readonly position: number;
  readonly hash: string;
}

export type AuditVerdict = { readonly ok: true; readonly count: number; readonly last: AuditPosition } | { readonly ok: false; readonly id: number; readonly reason: string };

/**
 * Walks the chain from the start; the first row whose content, link or number is wrong is named.
 * Given the last entry an earlier verification signed (`checkpoint`), the chain must still reach it
 * with the same hash: a chain cut back, or rewritten and rehashed, is consistent in itself but not
 * with what was seen before.
 */
export async function verifyAudit(db: Queryable, options: { checkpoint?: AuditPosition } = {}): Promise<AuditVerdict> {
  const rows = await db.query<{
    id: number; at: Date; action: string; outcome: 'done' | 'refused'; channel: AuditEntry['channel'];
    actor_person_id: string | null; acting_for: string | null; subject: string | null; detail: Record<string, unknown>; prev_hash: string; hash: string;
  }>('SELECT * FROM audit_events ORDER BY id');
  let prev = 'genesis';
  let expectedId = 1;
  for (const r of rows) {
    if (Number(r.id) !== expectedId) {
      return { ok: false, id: Number(r.id), reason: `row ${expectedId} is missing` };
    }
    if (r.prev_hash !== prev) {
      return { ok: false, id: expectedId, reason: 'its link to the previous row is broken' };
    }
    const computed = hashOf({ id: expectedId, at: r.at, action: r.action, outcome: r.outcome, channel: r.channel, actorPersonId: r.actor_person_id, actingFor: r.acting_for, subject: r.subject, detail: r.detail, prevHash: r.prev_hash });
    if (computed !== r.hash) {
      return { ok: false, id: expectedId, reason: 'its content does not match its hash' };
    }
    prev = r.hash;
    expectedId += 1;
  }
  const [head] = await db.query<{ last_id: number; last_hash: string }>('SELECT last_id, last_hash FROM audit_head WHERE id = 1');
  if (head && (Number(head.last_id) !== rows.length || head.last_hash !== prev)) {
    return { ok: false, id: Number(head.last_id), reason: 'rows after the last one present were deleted' };
  }
  const cp = options.checkpoint;
  if (cp !== undefined) {
    if (rows.length < cp.position) {
      return { ok: false, id: cp.position, reason: `the chain ends at row ${rows.length}, before the checkpoint at row ${cp.position}: rows were deleted and the head moved back` };
    }
    if (rows[cp.position - 1]?.hash !== cp.hash && !(cp.position === 0 && cp.hash === 'genesis')) {
      return { ok: false, id: cp.position, reason: `its hash differs from the checkpoint's: the chain was rewritten at or before row ${cp.position}` };
    }
  }
  return { ok: true, count: rows.length, last: { position: rows.length, hash: prev } };
}
