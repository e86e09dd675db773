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

export interface SmsSender {
  /**
   * Hands one message to the gateway. The gateway receives `idempotencyKey` as the message's
   * reference, so a repeated attempt is not sent twice. Never throws for delivery problems.
   */
  send(message: SmsMessage, idempotencyKey: string): Promise<DeliveryOutcome>;
}

export { isE164 } from './e164.ts';
export { createHttpSmsGateway, type HttpSmsGatewayOptions } from './adapters/http-gateway.adapter.ts';
export { SMS_LIMITS, type SmsEncoding, type SmsSegments, smsSegments } from './segments.ts';
