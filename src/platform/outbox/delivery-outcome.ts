/**
 * What a channel or partner adapter reports about one delivery attempt. Adapters never decide
 * on retries themselves: the outbox worker owns the policy.
 *
 * - `delivered`: the provider accepted the message; the outbox row is done.
 * - `retry`: a transient failure (timeout, connection refused, 4xx SMTP, HTTP 429/5xx); the worker
 *   tries again later, and dead-letters the row after its last attempt.
 * - `rejected`: a permanent refusal (invalid address, 5xx SMTP, HTTP 4xx); retrying would get the
 *   same answer, so the row is dead-lettered at once.
 */
export type DeliveryOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'rejected'; readonly reason: string };

export const delivered = (): DeliveryOutcome => ({ kind: 'delivered' });
export const retryLater = (reason: string): DeliveryOutcome => ({ kind: 'retry', reason });
export const rejected = (reason: string): DeliveryOutcome => ({ kind: 'rejected', reason });
