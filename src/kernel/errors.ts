/**
 * Base of every expected failure. `code` is stable and namespaced by module (`catalogue.not_found`);
 * adapters map codes to HTTP statuses and messages, never the other way round.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  readonly meta: Readonly<Record<string, unknown>>;

  constructor(message: string, meta: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.meta = meta;
  }
}

/** One problem with one field of an input, named by a JSON Pointer (RFC 6901). */
export interface FieldIssue {
  readonly pointer: string;
  readonly message: string;
  readonly keyword?: string;
}
