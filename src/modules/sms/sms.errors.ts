import { AppError } from '../../kernel/errors.ts';

/** A gateway webhook without the gateway's signature over its exact body (missing, repeated or wrong). */
export class SmsSignatureInvalid extends AppError {
  readonly code = 'sms.signature_invalid';

  constructor() {
    super('the webhook is not signed by the SMS gateway');
  }
}

/** A signed webhook whose time lies outside the accepted window: a replay, or a gateway clock far off. */
export class SmsWebhookStale extends AppError {
  readonly code = 'sms.webhook_stale';

  constructor(readonly at: Date) {
    super('the webhook was signed too long ago or in the future', { at: at.toISOString() });
  }
}

/** A correctly signed body that is not a webhook of the protocol (fields missing or of the wrong kind). */
export class SmsWebhookMalformed extends AppError {
  readonly code = 'sms.webhook_malformed';

  constructor(readonly pointer: string) {
    super(`the webhook body is not an SMS gateway message (${pointer})`, { pointer });
  }
}

export type SmsWebhookRefusal = SmsSignatureInvalid | SmsWebhookStale | SmsWebhookMalformed;
