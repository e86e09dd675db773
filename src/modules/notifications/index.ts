import { VERIFICATION_TOPIC, type VerificationMessage } from '../identity/index.ts';
import type { EmailSender } from '../channels/email/index.ts';
import type { SmsSender } from '../channels/sms/index.ts';
import { type OutboxHandler, rejected } from '../../platform/outbox/index.ts';
import { verificationEmail, verificationSms } from './templates.ts';

/**
 * What to tell whom on which channel. Today: one-time codes for contact details. Handlers run in the
 * outbox worker, outside any transaction, and answer with the channel's delivery outcome.
 */
export function notificationHandlers(channels: { email: EmailSender; sms: SmsSender }): Record<string, OutboxHandler> {
  return {
    [VERIFICATION_TOPIC]: async (payload, ctx) => {
      const m = payload as Partial<VerificationMessage>;
      if (!m.address || !m.code || (m.lang !== 'uk' && m.lang !== 'en')) {
        return rejected('malformed verification message');
      }
      if (m.channel === 'email') {
        return channels.email.send({ to: m.address, lang: m.lang, ...verificationEmail(m.lang, m.code) }, ctx.idempotencyKey);
      }
      return channels.sms.send({ to: m.address, text: verificationSms(m.lang, m.code) }, ctx.idempotencyKey);
    },
  };
}
