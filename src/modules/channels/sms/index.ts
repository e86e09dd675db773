/**
 * The SMS channel's port. It only delivers: wording comes from templates chosen by
 * `notifications`. Adapters: `adapters/http-gateway.adapter.ts` (a generic JSON-over-HTTP
 * gateway); `simulator.ts` for tests and development.
 */
import type { DeliveryOutcome } from '../../../platform/outbox/delivery-outcome.ts';

export type { DeliveryOutcome };

export interface SmsMessage {
  /** E.164, for example `+380501234567`. */
  readonly to: string;
  readonly text: string;
}

/** One message of a batch, with its own idempotency key. */
export interface SmsItem {
  readonly message: SmsMessage;
  readonly idempotencyKey: string;
}

export interface SmsSender {
  /**
   * Hands one message to the gateway. The gateway receives `idempotencyKey` as the message's
   * reference, so a repeated attempt is not sent twice. Never throws for delivery problems.
   */
  send(message: SmsMessage, idempotencyKey: string): Promise<DeliveryOutcome>;
  /**
   * Hands several messages to the gateway, in as few requests as it takes (a gateway that carries
   * several messages per request), each under its own key as with `send`. Answers one outcome per
   * item, in order: each message is delivered, retried or rejected on its own.
   */
  sendMany(items: readonly SmsItem[]): Promise<DeliveryOutcome[]>;
}

/** `sendMany` for a sender without a batch call: each item through `send`, all at once. */
export const sendEach = (send: SmsSender['send']) => (items: readonly SmsItem[]): Promise<DeliveryOutcome[]> =>
  Promise.all(items.map((i) => send(i.message, i.idempotencyKey)));

export { isE164 } from './e164.ts';
export { createHttpSmsGateway, type HttpSmsGatewayOptions } from './adapters/http-gateway.adapter.ts';
export { SMS_LIMITS, type SmsEncoding, type SmsSegments, smsSegments } from './segments.ts';
