/** Pure: where a case's fee stands, from its payments — so no case with a payment in flight offers a second one. */
import type { PaymentRow } from './payments.repository.ts';

/**
 * How long a started payment holds off a new one while its callback has not come. A payer who closed
 * the provider's page may try again after this; should both payments then succeed, the second is
 * recorded for a refund (reconciliation lists it).
 */
export const PENDING_PAYMENT_MINUTES = 30;

/**
 * `paid`: a payment was confirmed; `confirming`: one was started less than PENDING_PAYMENT_MINUTES
 * ago and its outcome has not come; `open`: none in flight (never started, declined, abandoned,
 * failed, or pending for longer), so the fee may be paid.
 */
export type PaymentStanding =
  | { readonly kind: 'paid'; readonly payment: PaymentRow }
  | { readonly kind: 'confirming'; readonly payment: PaymentRow }
  | { readonly kind: 'open' };

export function paymentStanding(payments: readonly PaymentRow[], now: Date): PaymentStanding {
  const paid = payments.find((p) => p.status === 'paid');
  if (paid !== undefined) {
    return { kind: 'paid', payment: paid };
  }
  const cutoff = now.getTime() - PENDING_PAYMENT_MINUTES * 60_000;
  const pending = [...payments].reverse().find((p) => p.status === 'pending' && p.createdAt.getTime() > cutoff);
  return pending === undefined ? { kind: 'open' } : { kind: 'confirming', payment: pending };
}
