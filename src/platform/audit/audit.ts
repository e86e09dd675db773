import type { Result } from '../../kernel/result.ts';
import type { Database, Queryable } from '../db/database.ts';
import { resultTransaction } from '../db/transaction.ts';
import { type DeferredWrite, dropWrites, flushWrites, holdWrites, writeTogether } from '../db/deferred-writes.ts';
import type { PlanStep } from '../db/statement-plan.ts';

/** One audited action: who did what, for whom, through which channel, and whether it was refused. */
export interface AuditEntry {
  readonly at: Date;
  readonly action: string;
  readonly outcome: 'done' | 'refused';
  readonly channel: 'web' | 'api' | 'cli' | 'system' | 'sms' | 'phone' | 'post' | 'in-person' | 'proactive';
  readonly actorPersonId: string | null;
  readonly actingFor: string | null;
  readonly subject: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Entries held back by `auditedTransaction` until just before its commit, by transaction. */
const deferred = new WeakMap<Queryable, AuditEntry[]>();

/**
 * Appends an entry inside the caller's transaction: one INSERT, no shared row locked, so concurrent
 * transactions never wait on each other for the audit log. The sealer gives the entry its place in
 * the Merkle tree once it is committed (`sealAudit`, ADR 0016). Inside `auditedTransaction` the entry
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
 * A transaction whose audit entries are appended together after `work`, just before the commit, in
 * one INSERT of all of them (a submission audits several actions); the writes held for its end
 * (`deferWrite`: a case's outbox messages) go in the same statement.
 */
export async function auditedTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (deferred.has(tx)) {
      return work(tx); // already inside one (the embedded database joins nested transactions)
    }
    const held: AuditEntry[] = [];
    deferred.set(tx, held);
    holdWrites(tx);
    try {
      const result = await work(tx);
      const entries = held.splice(0);
      await flushWrites(tx, entries.length === 0 ? [] : [entriesWrite(entries)]);
      return result;
    } finally {
      deferred.delete(tx);
      dropWrites(tx);
    }
  });
}

/** `auditedTransaction` that commits on `ok(...)` and rolls back (audit entries too) on a failure value. */
export function auditedResultTransaction<T, E>(db: Database, work: (tx: Queryable) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  return resultTransaction({ transaction: <U>(w: (tx: Queryable) => Promise<U>) => auditedTransaction(db, w) }, work);
}

function appendNow(tx: Queryable, entry: AuditEntry): Promise<void> {
  return insertEntries(tx, [entry]);
}

const COLUMNS = ['at', 'action', 'outcome', 'channel', 'actor_person_id', 'acting_for', 'subject', 'detail'] as const;

/** The entries as one INSERT whose text does not depend on how many there are (arrays, one per column). */
function entriesWrite(entries: readonly AuditEntry[]): DeferredWrite {
  const column = <T>(f: (e: AuditEntry) => T) => entries.map(f);
  return {
    sql: (param) => `INSERT INTO audit_events (${COLUMNS.join(', ')})
      SELECT e.at, e.action, e.outcome, e.channel, e.actor_person_id, e.acting_for, e.subject, e.detail::jsonb
      FROM unnest(${param(column((e) => e.at))}::timestamptz[], ${param(column((e) => e.action))}::text[], ${param(column((e) => e.outcome))}::text[],
        ${param(column((e) => e.channel))}::text[], ${param(column((e) => e.actorPersonId))}::uuid[], ${param(column((e) => e.actingFor))}::text[],
        ${param(column((e) => e.subject))}::text[], ${param(column((e) => JSON.stringify(e.detail)))}::text[])
        WITH ORDINALITY AS e(at, action, outcome, channel, actor_person_id, acting_for, subject, detail, n)
      ORDER BY e.n`,
  };
}

/** An entry of a one-statement plan: with `subjectKeyed`, its subject is completed with the gate's key (`case:` and the number the case got). */
export interface PlannedAuditEntry extends AuditEntry {
  readonly subjectKeyed?: boolean;
}

/**
 * The entries as a step of a one-statement plan (ADR 0025), in order, written once under the gate's
 * row (none when the gate yielded none). The sealer gives them their leaves once committed, as any.
 */
export function auditStep(entries: readonly PlannedAuditEntry[]): PlanStep {
  const column = <T>(f: (e: PlannedAuditEntry) => T) => entries.map(f);
  return {
    sql: (param, after) => `INSERT INTO audit_events (${COLUMNS.join(', ')})
      SELECT e.at, e.action, e.outcome, e.channel, e.actor_person_id, e.acting_for,
        CASE WHEN e.keyed THEN e.subject || ${after?.key ?? "''"} ELSE e.subject END, e.detail::jsonb
      FROM ${after === null ? '' : `${after.from}, `}unnest(${param(column((e) => e.at))}::timestamptz[], ${param(column((e) => e.action))}::text[], ${param(column((e) => e.outcome))}::text[],
        ${param(column((e) => e.channel))}::text[], ${param(column((e) => e.actorPersonId))}::uuid[], ${param(column((e) => e.actingFor))}::text[],
        ${param(column((e) => e.subject))}::text[], ${param(column((e) => e.subjectKeyed === true))}::boolean[], ${param(column((e) => JSON.stringify(e.detail)))}::text[])
        WITH ORDINALITY AS e(at, action, outcome, channel, actor_person_id, acting_for, subject, keyed, detail, n)
      ORDER BY e.n`,
  };
}

async function insertEntries(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await writeTogether(tx, [entriesWrite(entries)]);
}

/** Appends an entry in its own transaction (for refusals, which change nothing else). */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, entry));
}
