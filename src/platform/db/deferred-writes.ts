import type { Queryable } from './database.ts';
import { prepared } from './prepared.ts';

/**
 * One INSERT (or other data-modifying statement) held back to the end of its transaction. `sql`
 * writes its text with `param(value)` for each parameter, which returns the placeholder; the text
 * must not depend on the values (rows go in as arrays), as it is prepared.
 */
export interface DeferredWrite {
  sql(param: (value: unknown) => string): string;
}

const held = new WeakMap<Queryable, DeferredWrite[]>();

/**
 * Holds writes made through `deferWrite` on `tx` until `flushWrites`: a transaction that appends
 * rows to several tables (audit entries, outbox messages) sends them as one statement.
 */
export function holdWrites(tx: Queryable): void {
  held.set(tx, []);
}

/** Holds `write` for the end of `tx` and answers true, or answers false when `tx` holds no writes (the caller writes now). */
export function deferWrite(tx: Queryable, write: DeferredWrite): boolean {
  const writes = held.get(tx);
  if (writes === undefined) {
    return false;
  }
  writes.push(write);
  return true;
}

/** Writes what `tx` held, with `first` before it, in one statement, and stops holding. */
export async function flushWrites(tx: Queryable, first: readonly DeferredWrite[] = []): Promise<void> {
  const writes = [...first, ...(held.get(tx) ?? [])];
  held.delete(tx);
  await writeTogether(tx, writes);
}

/** Runs `writes` now, as one statement (data-modifying WITH clauses when there are several). */
export async function writeTogether(tx: Queryable, writes: readonly DeferredWrite[]): Promise<void> {
  if (writes.length === 0) {
    return;
  }
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const texts = writes.map((w) => w.sql(param));
  // A write's text does not depend on its rows, so the few combinations are prepared (see prepared.ts).
  await tx.query(prepared(texts.length === 1 ? (texts[0] ?? '') : `WITH ${texts.map((t, i) => `w${i} AS (${t})`).join(', ')} SELECT 1`), params);
}

/** Stops holding writes on `tx` without writing them (its transaction rolled back). */
export function dropWrites(tx: Queryable): void {
  held.delete(tx);
}
