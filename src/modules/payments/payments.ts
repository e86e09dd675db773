/**
 * Payments, pure part: the provider port's vocabulary, the callback body's parser, the start
 * request's checks and reconciliation. No I/O: adapters live in `adapters/`.
 * Amounts are integers in kopecks (minor units); the currency is always 'UAH'.
 */
import type { Lang } from '../../kernel/text.ts';

export type PaymentStatus = 'paid' | 'declined' | 'abandoned';

export interface StartPayment {
  /** The portal's uuid for this payment; also the idempotency key. */
  paymentId: string;
  /** Kopecks, a positive integer. */
  amount: number;
  currency: 'UAH';
  description: string;
  returnUrl: string;
  callbackUrl: string;
  lang: Lang;
}

export type StartOutcome =
  | { kind: 'redirect'; url: string; providerRef: string }
  | { kind: 'failed'; retryable: boolean; reason: string };

export interface PaymentCallback {
  eventId: string;
  paymentId: string;
  providerRef: string;
  status: PaymentStatus;
  amount: number;
  currency: 'UAH';
  /** ISO 8601 instant. */
  at: string;
}

export type CallbackCheck = { ok: true; callback: PaymentCallback } | { ok: false; reason: 'bad-signature' | 'malformed' };

export interface ProviderTransaction {
  providerRef: string;
  paymentId: string;
  status: 'pending' | PaymentStatus;
  amount: number;
  currency: 'UAH';
  updatedAt: string;
}

export interface PaymentProvider {
  readonly id: string;
  /** Never throws for a provider problem: see `StartOutcome`. */
  start(p: StartPayment): Promise<StartOutcome>;
  /** Verifies the signature over the exact raw body first, then parses it. */
  checkCallback(headers: Record<string, string | string[] | undefined>, rawBody: string): CallbackCheck;
  /** The transactions started in [from, to), each in its current state. Throws `PaymentProviderError`. */
  transactions(range: { from: Date; to: Date }): Promise<ProviderTransaction[]>;
}

export interface LocalPayment {
  paymentId: string;
  caseNumber: string;
  status: 'pending' | PaymentStatus;
  amount: number;
}

export type Mismatch =
  | { kind: 'missing-locally'; remote: ProviderTransaction }
  | { kind: 'missing-at-provider'; local: LocalPayment }
  | { kind: 'status-differs'; local: LocalPayment; remote: ProviderTransaction }
  | { kind: 'amount-differs'; local: LocalPayment; remote: ProviderTransaction };

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return value === 'paid' || value === 'declined' || value === 'abandoned';
}

/** A complete ISO 8601 instant with a time zone, for example `2025-03-01T10:15:00.000Z`. */
export function isIsoInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** An absolute http(s) URL. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isKopecks = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The callback's JSON body, or `null` unless every field is present with the right type: ids
 * non-empty strings, a known status, the amount a non-negative integer, currency 'UAH', `at` an
 * ISO instant. Unknown extra fields are ignored (and not returned).
 */
export function parseCallbackBody(text: string): PaymentCallback | null {
  const o = jsonObject(text);
  if (o === null) {
    return null;
  }
  const { eventId, paymentId, providerRef, status, amount, currency, at } = o;
  if (!isText(eventId) || !isText(paymentId) || !isText(providerRef) || !isPaymentStatus(status)) {
    return null;
  }
  if (!isKopecks(amount) || currency !== 'UAH' || !isIsoInstant(at)) {
    return null;
  }
  return { eventId, paymentId, providerRef, status, amount, currency, at };
}

/** One transaction from the provider's list, checked as strictly as a callback. */
export function parseTransaction(value: unknown): ProviderTransaction | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return null;
  }
  const { providerRef, paymentId, status, amount, currency, updatedAt } = value as Record<string, unknown>;
  if (!isText(providerRef) || !isText(paymentId) || !(status === 'pending' || isPaymentStatus(status))) {
    return null;
  }
  if (!isKopecks(amount) || currency !== 'UAH' || !isIsoInstant(updatedAt)) {
    return null;
  }
  return { providerRef, paymentId, status, amount, currency, updatedAt };
}

/** Why a start request cannot be sent, or `null` when it can. */
export function startPaymentProblem(p: StartPayment): string | null {
  if (!isText(p.paymentId) || p.paymentId.length > 200) {
    return 'paymentId must be a non-empty string of at most 200 characters';
  }
  if (!isKopecks(p.amount) || p.amount === 0) {
    return 'amount must be a positive integer number of kopecks';
  }
  if (p.currency !== 'UAH') {
    return 'currency must be UAH';
  }
  if (!isText(p.description) || p.description.length > 500) {
    return 'description must be a non-empty string of at most 500 characters';
  }
  if (!isHttpUrl(p.returnUrl) || !isHttpUrl(p.callbackUrl)) {
    return 'returnUrl and callbackUrl must be absolute http(s) URLs';
  }
  return p.lang === 'uk' || p.lang === 'en' ? null : 'lang must be uk or en';
}

/** A start request's JSON body (the simulator's side of the protocol), or the problem with it. */
export function parseStartPayment(text: string): StartPayment | string {
  const o = jsonObject(text);
  if (o === null) {
    return 'expected a JSON object';
  }
  const { paymentId, amount, currency, description, returnUrl, callbackUrl, lang } = o;
  if (typeof paymentId !== 'string' || typeof amount !== 'number' || currency !== 'UAH' || typeof description !== 'string') {
    return 'expected { paymentId, amount, currency: "UAH", description, returnUrl, callbackUrl, lang }';
  }
  if (typeof returnUrl !== 'string' || typeof callbackUrl !== 'string' || (lang !== 'uk' && lang !== 'en')) {
    return 'expected { paymentId, amount, currency: "UAH", description, returnUrl, callbackUrl, lang }';
  }
  const p: StartPayment = { paymentId, amount, currency, description, returnUrl, callbackUrl, lang };
  return startPaymentProblem(p) ?? p;
}

/**
 * The return URL with `payment=<paymentId>&status=<status>` appended, keeping its existing query
 * string byte for byte and any fragment after it.
 */
export function returnUrlFor(returnUrl: string, paymentId: string, status: PaymentStatus): string {
  const hash = returnUrl.indexOf('#');
  const base = hash === -1 ? returnUrl : returnUrl.slice(0, hash);
  const fragment = hash === -1 ? '' : returnUrl.slice(hash);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}payment=${encodeURIComponent(paymentId)}&status=${status}${fragment}`;
}

/**
 * Kopecks as money for people: `1 234,50 грн` (Ukrainian, no-break spaces) or `UAH 1,234.50`.
 * Written out rather than left to `Intl`, so the text is the same on every ICU build.
 */
export function formatUah(amount: number, lang: Lang): string {
  const sign = amount < 0 ? '-' : '';
  const kopecks = Math.abs(Math.trunc(amount));
  const hryvnias = String(Math.floor(kopecks / 100));
  const minor = String(kopecks % 100).padStart(2, '0');
  const grouped = hryvnias.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'uk' ? '\u00a0' : ',');
  return lang === 'uk' ? `${sign}${grouped},${minor}\u00a0грн` : `${sign}UAH\u00a0${grouped}.${minor}`;
}

/**
 * Compares the portal's payments with the provider's transactions for the same period, matched by
 * `paymentId`. Equal statuses agree ('pending' with 'pending' included); a different status and a
 * different amount are each a mismatch (a pair can have both). A payment on one side only is
 * missing on the other; should one side list a paymentId twice, the extra entries are reported as
 * missing on the other side. Local mismatches come first, in the local order, then the unmatched
 * remote transactions in their order.
 */
export function reconcile(local: readonly LocalPayment[], remote: readonly ProviderTransaction[]): Mismatch[] {
  const unmatched = new Map<string, number[]>();
  remote.forEach((r, index) => {
    const indices = unmatched.get(r.paymentId);
    if (indices) {
      indices.push(index);
    } else {
      unmatched.set(r.paymentId, [index]);
    }
  });
  const matched = new Set<number>();
  const mismatches: Mismatch[] = [];
  for (const l of local) {
    const index = unmatched.get(l.paymentId)?.shift();
    const r = index === undefined ? undefined : remote[index];
    if (index === undefined || r === undefined) {
      mismatches.push({ kind: 'missing-at-provider', local: l });
      continue;
    }
    matched.add(index);
    if (l.status !== r.status) {
      mismatches.push({ kind: 'status-differs', local: l, remote: r });
    }
    if (l.amount !== r.amount) {
      mismatches.push({ kind: 'amount-differs', local: l, remote: r });
    }
  }
  remote.forEach((r, index) => {
    if (!matched.has(index)) {
      mismatches.push({ kind: 'missing-locally', remote: r });
    }
  });
  return mismatches;
}
