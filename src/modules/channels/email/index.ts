/**
 * The e-mail channel's port. It only delivers: what to say, to whom and in which language is
 * decided by `notifications`, from templates. Adapters: `adapters/smtp.adapter.ts` (any SMTP
 * server; in development the local sink from `local-smtp.ts`).
 */
import type { Lang } from '../../../kernel/text.ts';
import type { DeliveryOutcome } from '../../../platform/outbox/delivery-outcome.ts';

export type { DeliveryOutcome };

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** The message's language, sent as `Content-Language`. */
  readonly lang: Lang;
}

export interface EmailSender {
  /**
   * Hands one message to the mail system. `idempotencyKey` becomes the `Message-ID` and the
   * `X-Idempotency-Key` header, so a repeated attempt is recognisable downstream.
   * Never throws for delivery problems: see `DeliveryOutcome`.
   */
  send(message: EmailMessage, idempotencyKey: string): Promise<DeliveryOutcome>;
}

export { createSmtpEmailSender, type SmtpEmailSender, type SmtpOptions } from './adapters/smtp.adapter.ts';
