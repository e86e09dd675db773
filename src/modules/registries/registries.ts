/**
 * The base registries as the portal's cases use them, pure: the failures of a query, the wait before a
 * registry down is asked again, reading a value at a JSON pointer, and the case's evidence as shown.
 */
import type { ReadKind } from '../../kernel/access.ts';

export type Register = 'population' | 'business' | 'vehicles' | 'property' | 'tax' | 'social-insurance';

/** The access record's `what` for a register's record. */
export const readKindOf = (register: Register): ReadKind => `${register}-record`;

export type RegistryFailure =
  /** Only staff query registers for a case or a legal basis (the person's own prefill goes through `prefill`). */
  | { readonly code: 'registry.forbidden' }
  | { readonly code: 'registry.subject-invalid' }
  /** The exchange refused the request (its X-Road-Error type). */
  | { readonly code: 'registry.refused'; readonly type: string; readonly requestId: string }
  /** No answer, or an answer that breaks the contract: try again later. */
  | { readonly code: 'registry.unavailable'; readonly requestId: string };

/**
 * How long a case's evidence waits before the registry is asked again after `attempts` failed: the first
 * wait, doubled each time, at most an hour. It never stops being asked.
 */
export function retryDelaySeconds(attempts: number, firstSeconds: number): number {
  return Math.min(3600, firstSeconds * 2 ** Math.min(Math.max(attempts - 1, 0), 20));
}

/** The value at an RFC 6901 pointer, as text: a string or a number; anything else (absent, an object, a list) is null. */
export function valueAt(record: unknown, pointer: string): string | null {
  let at: unknown = record;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) {
      return null;
    }
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'string' ? at : typeof at === 'number' && Number.isFinite(at) ? String(at) : null;
}

/** A case's evidence from a registry, as the officer's and the applicant's pages show it. */
export interface CaseEvidence {
  readonly evidenceId: string;
  /** The contract key of the registry service, e.g. `tax.income`. */
  readonly service: string;
  readonly register: Register | null;
  readonly subject: string;
  readonly law: string;
  readonly status: 'waiting' | 'fetched' | 'not-held';
  readonly requestedAt: Date;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly fetchedAt: Date | null;
  /** X-Road-Id of the query that answered. */
  readonly requestId: string | null;
  readonly record: unknown;
}

/** A value prefilled from a registry: the answer's name, the value, the register and when it answered. */
export interface Prefilled {
  readonly field: string;
  readonly value: string;
  readonly service: string;
  readonly register: Register | null;
  readonly at: Date;
}
