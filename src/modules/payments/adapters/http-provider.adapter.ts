import {
  type CallbackCheck,
  isHttpUrl,
  parseCallbackBody,
  parseTransaction,
  type PaymentProvider,
  type ProviderTransaction,
  type StartOutcome,
  type StartPayment,
  startPaymentProblem,
} from '../payments.ts';
import { PaymentProviderError } from '../payments.errors.ts';
import { headerValue, SIGNATURE_HEADER, verifyBody } from './hmac.ts';

export interface HttpPaymentProviderOptions {
  /** The provider's name in the portal's records, for example `bank-a`. */
  readonly id: string;
  /** The provider's API root, for example `https://pay.example/v1` (no trailing slash needed). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  readonly apiKey: string;
  /** The shared secret the provider signs callbacks with. */
  readonly callbackSecret: string;
  /** Per request, connection included. Default 10 s. */
  readonly timeoutMs?: number;
}

/** Asking again gets another answer: timeouts, rate limits, the provider's own trouble. */
const TRANSIENT = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

const failed = (retryable: boolean, reason: string): StartOutcome => ({ kind: 'failed', retryable, reason });

/**
 * The provider's HTTP API (see the module's README.md):
 * `POST {baseUrl}/payments` (bearer token, `Idempotency-Key: <paymentId>`) → `201 { providerRef, redirectUrl }`;
 * `GET {baseUrl}/transactions?from=ISO&to=ISO` → `200 { transactions }`.
 * A network error, no answer within `timeoutMs`, 408, 425, 429 or 5xx is a retryable failure; any
 * other 4xx, a request that fails our own checks and an answer we cannot read are not.
 */
export function createHttpPaymentProvider(options: HttpPaymentProviderOptions): PaymentProvider {
  if (options.callbackSecret === '' || options.apiKey === '') {
    throw new Error(`payments: provider ${options.id} needs an API key and a callback secret`);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' };

  async function call(path: string, init: RequestInit): Promise<{ response: Response; body: string }> {
    const response = await fetch(`${base}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return { response, body: await response.text() };
  }

  return {
    id: options.id,

    async start(p: StartPayment): Promise<StartOutcome> {
      const problem = startPaymentProblem(p);
      if (problem !== null) {
        return failed(false, `not sent: ${problem}`);
      }
      const { paymentId, amount, currency, description, returnUrl, callbackUrl, lang } = p;
      let answer: { response: Response; body: string };
      try {
        answer = await call('/payments', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': paymentId },
          body: JSON.stringify({ paymentId, amount, currency, description, returnUrl, callbackUrl, lang }),
        });
      } catch (error) {
        return failed(true, networkReason(error, timeoutMs));
      }
      const { response, body } = answer;
      if (!response.ok) {
        return failed(TRANSIENT(response.status), httpReason(response, body));
      }
      const started = parseStartAnswer(body);
      return started
        ? { kind: 'redirect', url: started.redirectUrl, providerRef: started.providerRef }
        : failed(false, `unexpected answer (HTTP ${response.status}): ${body.slice(0, 300)}`);
    },

    checkCallback(requestHeaders, rawBody): CallbackCheck {
      const signature = headerValue(requestHeaders, SIGNATURE_HEADER);
      if (signature === null || !verifyBody(options.callbackSecret, rawBody, signature)) {
        return { ok: false, reason: 'bad-signature' };
      }
      const callback = parseCallbackBody(rawBody);
      return callback ? { ok: true, callback } : { ok: false, reason: 'malformed' };
    },

    async transactions(range: { from: Date; to: Date }): Promise<ProviderTransaction[]> {
      if (Number.isNaN(range.from.getTime()) || Number.isNaN(range.to.getTime()) || range.from > range.to) {
        throw new PaymentProviderError('payments: the range needs two dates, from not after to', false);
      }
      const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() });
      let answer: { response: Response; body: string };
      try {
        answer = await call(`/transactions?${query.toString()}`, { method: 'GET', headers });
      } catch (error) {
        throw new PaymentProviderError(`payments: ${options.id}: ${networkReason(error, timeoutMs)}`, true);
      }
      const { response, body } = answer;
      if (!response.ok) {
        throw new PaymentProviderError(`payments: ${options.id}: ${httpReason(response, body)}`, TRANSIENT(response.status));
      }
      const transactions = parseTransactionList(body);
      if (transactions === null) {
        throw new PaymentProviderError(`payments: ${options.id}: unexpected transactions answer: ${body.slice(0, 300)}`, false);
      }
      return transactions;
    },
  };
}

function parseStartAnswer(body: string): { providerRef: string; redirectUrl: string } | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) {
      return null;
    }
    const { providerRef, redirectUrl } = value as Record<string, unknown>;
    return typeof providerRef === 'string' && providerRef !== '' && isHttpUrl(redirectUrl) ? { providerRef, redirectUrl } : null;
  } catch {
    return null;
  }
}

function parseTransactionList(body: string): ProviderTransaction[] | null {
  try {
    const value: unknown = JSON.parse(body);
    const list: unknown = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['transactions'] : undefined;
    if (!Array.isArray(list)) {
      return null;
    }
    const parsed = list.map(parseTransaction);
    return parsed.every((t) => t !== null) ? parsed : null;
  } catch {
    return null;
  }
}

function httpReason(response: Response, body: string): string {
  const retryAfter = response.headers.get('retry-after');
  return `HTTP ${response.status}${retryAfter ? ` (retry after ${retryAfter})` : ''}: ${body.slice(0, 300)}`;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error${error instanceof Error ? `: ${error.message}` : ''}${cause}`;
}
