import { createHash } from 'node:crypto';
import nodemailer, { type NodemailerError, type SMTPPoolOptions } from 'nodemailer';

import { delivered, type DeliveryOutcome, rejected, retryLater } from '../../../../platform/outbox/delivery-outcome.ts';
import type { EmailMessage, EmailSender } from '../index.ts';
import { rawMailWriter } from './raw-mail.ts';

export interface SmtpOptions {
  /**
   * `smtp://user:pass@host:port` (STARTTLS when the server offers it; add `?requireTLS=true` to
   * insist) or `smtps://…` (TLS from the start). User and password are URL-encoded.
   */
  readonly url: string;
  /** The sender, for example `Портал державних послуг <noreply@portal.example>`. */
  readonly from: string;
  /** Connections kept open by the pool. Default 5. */
  readonly maxConnections?: number;
  /** Connect, greeting and idle-socket timeouts. Default 10 s. */
  readonly timeoutMs?: number;
}

export interface SmtpEmailSender extends EmailSender {
  /** Closes the pooled connections. */
  close(): void;
}

/**
 * E-mail over SMTP with nodemailer's pooled transport. SMTP failures map to outcomes:
 * a 5xx reply (except 503, a session problem) → `rejected`; a 4xx reply, a refused, dropped or
 * timed-out connection, or a failed login (our configuration, not the message) → `retry`.
 */
export function createSmtpEmailSender(options: SmtpOptions): SmtpEmailSender {
  const transport = nodemailer.createTransport(transportOptions(options));
  const domain = domainOf(options.from);
  const rawMail = rawMailWriter(options.from);
  return {
    async send(message: EmailMessage, idempotencyKey: string): Promise<DeliveryOutcome> {
      const messageId = messageIdFor(idempotencyKey, domain);
      // A plain-text mail is written out at once; one with HTML (or anything to quote) through nodemailer's MIME tree.
      const raw = message.html === undefined && rawMail !== null ? rawMail.write(message, { messageId, idempotencyKey, date: new Date() }) : null;
      try {
        await (raw !== null && rawMail !== null ? transport.sendMail({ envelope: { from: rawMail.envelopeFrom, to: [message.to] }, raw, messageId }) : transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
          messageId,
          headers: { 'X-Idempotency-Key': idempotencyKey, 'Content-Language': message.lang },
        }));
        return delivered();
      } catch (error) {
        return outcomeOf(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

function transportOptions(options: SmtpOptions): SMTPPoolOptions & { pool: true } {
  const url = new URL(options.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  }
  const secure = url.protocol === 'smtps:';
  const timeout = options.timeoutMs ?? 10_000;
  return {
    pool: true,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    requireTLS: url.searchParams.get('requireTLS') === 'true',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** A stable Message-ID per idempotency key: the same message on every attempt. */
function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`;
}

function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'portico.invalid';
}

const CONFIGURATION_ERRORS = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'ETLS', 'EREQUIRETLS']);

function outcomeOf(error: unknown): DeliveryOutcome {
  const e = (error ?? {}) as NodemailerError;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reason = `${reply ?? e.code ?? 'error'}: ${(e.response ?? e.message ?? String(error)).trim()}`;
  if (e.code !== undefined && CONFIGURATION_ERRORS.has(e.code)) {
    return retryLater(reason);
  }
  if (reply !== null) {
    return reply >= 500 && reply < 600 && reply !== 503 ? rejected(reason) : retryLater(reason);
  }
  // No reply and an envelope error: the address itself could not be used (no valid recipient).
  if (e.code === 'EENVELOPE') {
    return rejected(reason);
  }
  return retryLater(reason);
}
