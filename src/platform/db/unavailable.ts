/**
 * "The database cannot be reached right now": the one place that recognises it. A connection that was
 * refused, reset or terminated, a server shutting down or starting up, a pool that could not connect in
 * time — all become `DatabaseUnavailableError`, which the HTTP edge answers with 503 and `Retry-After`
 * and the background loops wait out. Anything else is not this error.
 */
import { within } from '../../kernel/within.ts';

export class DatabaseUnavailableError extends Error {
  readonly code = 'database.unavailable';

  constructor(cause: unknown) {
    // The cause carries the detail (pino prints it after this message).
    super('the database is unavailable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now (class 57P); class 08 is checked by prefix. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
/** Socket errors on the way to the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres says these without a code. */
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

function codeOf(error: object): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** True when `error` (or its cause, or one of an AggregateError's errors) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error instanceof DatabaseUnavailableError) {
    return true;
  }
  if (typeof error !== 'object' || error === null || depth > 5) {
    return false;
  }
  const code = codeOf(error);
  if (SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code)) {
    return true;
  }
  if (error instanceof Error && MESSAGES.some((m) => m.test(error.message))) {
    return true;
  }
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) {
    return true;
  }
  return 'cause' in error && isDatabaseUnavailable(error.cause, depth + 1);
}

/** `DatabaseUnavailableError` for an error that means the database is unreachable; any other error as it is. */
export function unavailableOr(error: unknown): unknown {
  return !(error instanceof DatabaseUnavailableError) && isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
}

/** Whether `SELECT 1` answers within `timeoutMs` (readiness probes): false on any error or a slow answer. */
export function answersWithin(db: { query(sql: string): Promise<unknown> }, timeoutMs: number): Promise<boolean> {
  return within(db.query('SELECT 1').then(() => true, () => false), timeoutMs, false);
}
