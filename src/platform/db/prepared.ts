/**
 * Statement texts that a connection prepares once, by name, and then only binds and runs: no parsing,
 * and a plan kept for the connection (ADR 0023) — a pooled PostgreSQL connection, or an embedded PGlite
 * instance (`pglite-prepared.ts`, ADR 0036). For the statements of a hot path.
 * Only constant texts belong here (every connection keeps each one), past `MAX_PREPARED` texts are
 * run unprepared, and a prepared text names its columns rather than `*`: a column added by a later
 * migration would otherwise change the result of a plan a running process holds.
 */
const MAX_PREPARED = 200;
const names = new Map<string, string>();

/** Marks `sql` to be prepared on each connection that runs it; returns it unchanged. */
export function prepared(sql: string): string {
  if (!names.has(sql) && names.size < MAX_PREPARED) {
    names.set(sql, `portico_${names.size}`);
  }
  return sql;
}

/** The name `sql` is prepared under, if it was marked. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}
