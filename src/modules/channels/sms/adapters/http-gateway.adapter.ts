import { delivered, type DeliveryOutcome, rejected, retryLater } from '../../../../platform/outbox/delivery-outcome.ts';
import { isE164 } from '../e164.ts';
import type { SmsMessage, SmsSender } from '../index.ts';

export interface HttpSmsGatewayOptions {
  /** The gateway's send endpoint, for example `https://sms.example/v1/messages`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** The sender name or number the gateway shows to recipients. */
  readonly sender: string;
  /** Per request, connection included. Default 10 s. */
  readonly timeoutMs?: number;
}

/** Retrying these gets another answer: timeouts, rate limits, the gateway's own trouble. */
const TRANSIENT = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * A generic HTTP SMS gateway: `POST <url>` with JSON `{ to, text, reference, sender }`, where
 * `reference` is the idempotency key (also sent as the `Idempotency-Key` header).
 * 2xx → `delivered`; 408/425/429/5xx, a network error or the timeout → `retry`; any other status
 * (400 bad number, 401/403 bad token, 422 …) → `rejected`.
 */
export function createHttpSmsGateway(options: HttpSmsGatewayOptions): SmsSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(message: SmsMessage, idempotencyKey: string): Promise<DeliveryOutcome> {
      if (!isE164(message.to)) {
        return rejected(`not an E.164 number: ${message.to}`);
      }
      let response: Response;
      let body: string;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify({ to: message.to, text: message.text, reference: idempotencyKey, sender: options.sender }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = await response.text();
      } catch (error) {
        return retryLater(networkReason(error, timeoutMs));
      }
      if (response.ok) {
        return delivered();
      }
      const retryAfter = response.headers.get('retry-after');
      const reason = `HTTP ${response.status}${retryAfter ? ` (retry after ${retryAfter})` : ''}: ${body.slice(0, 300)}`;
      return TRANSIENT(response.status) ? retryLater(reason) : rejected(reason);
    },
  };
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error${error instanceof Error ? `: ${error.message}` : ''}${cause}`;
}
