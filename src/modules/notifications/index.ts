import type { Lang } from '../../kernel/text.ts';
import { CASE_CHANGED_TOPIC, CASE_ESCALATION_TOPIC, CASE_REMINDER_TOPIC, CASE_SUBMITTED_TOPIC, formatMoney } from '../cases/index.ts';
import { type ContactDetails, VERIFICATION_TOPIC, type VerificationMessage } from '../identity/index.ts';
import type { EmailSender } from '../channels/email/index.ts';
import type { SmsSender } from '../channels/sms/index.ts';
import { delivered, type OutboxHandler, rejected } from '../../platform/outbox/index.ts';
import { noticeForMovement } from './case-notices.ts';
import { caseSubmittedEmail, decisionEmail, deadlineEmail, informationRequestedEmail, paymentReceivedEmail, withdrawnEmail } from './case-templates.ts';
import { verificationEmail, verificationSms } from './templates.ts';

/**
 * What to tell whom on which channel. Today: one-time codes for contact details. Handlers run in the
 * outbox worker, outside any transaction, and answer with the channel's delivery outcome.
 */
export interface NotificationDeps {
  readonly email: EmailSender;
  readonly sms: SmsSender;
  /** A person's contact details (only confirmed addresses are written to). */
  readonly contactsOf: (personId: string) => Promise<ContactDetails>;
  /** The one-time code of a verification, derived again at delivery: no payload holds it. */
  readonly verificationCode: (verificationId: string) => string;
  readonly publicUrl: string;
}

type CaseNotice = { caseId?: unknown; caseNumber?: unknown; applicantPersonId?: unknown; lang?: unknown; to?: unknown; event?: unknown; decided?: unknown; feeDue?: unknown; dueOn?: unknown; workingDaysBefore?: unknown };
type Mail = { subject: string; text: string };

/**
 * What to tell whom on which channel: one-time codes for contact details, and notices about cases to
 * the applicant (one per event that matters to them: see README.md) and to officers (reminders, escalations). A person without a
 * confirmed e-mail address sees the notice in the portal only: the message is done, not retried.
 */
export function notificationHandlers(channels: NotificationDeps): Record<string, OutboxHandler> {
  const mailTo = async (personId: string, lang: Lang, mail: { subject: string; text: string }, key: string) => {
    const contacts = await channels.contactsOf(personId);
    if (contacts.email === null || !contacts.emailVerified) {
      return delivered();
    }
    return channels.email.send({ to: contacts.email, lang, ...mail }, key);
  };
  /** A notice to the applicant, or none (`build` answers null): the outbox message is then done. */
  const caseNotice = (build: (m: CaseNotice & { number: string; lang: Lang; url: string }) => Mail | null): OutboxHandler => async (payload, ctx) => {
    const m = payload as CaseNotice;
    if (typeof m.caseId !== 'string' || typeof m.caseNumber !== 'string' || typeof m.applicantPersonId !== 'string' || (m.lang !== 'uk' && m.lang !== 'en')) {
      return rejected('malformed case notice');
    }
    const url = `${channels.publicUrl}/${m.lang}/cabinet/cases/${m.caseId}`;
    const mail = build({ ...m, number: m.caseNumber, lang: m.lang, url });
    return mail === null ? delivered() : mailTo(m.applicantPersonId, m.lang, mail, ctx.idempotencyKey);
  };
  const movementNotice = (m: CaseNotice & { number: string; lang: Lang; url: string }): Mail | null => {
    const decided = typeof m.decided === 'string' ? m.decided : null;
    switch (noticeForMovement({ event: typeof m.event === 'string' ? m.event : '', decided })) {
      case null:
        return null;
      case 'payment-received':
        return paymentReceivedEmail(m.lang, m.number, m.url);
      case 'information-requested':
        return informationRequestedEmail(m.lang, m.number, m.url);
      case 'decision':
        return decisionEmail(m.lang, m.number, decided ?? '', m.url);
      case 'withdrawn':
        return withdrawnEmail(m.lang, m.number, m.url);
    }
  };
  const staffNotice = (kind: 'reminder' | 'escalation'): OutboxHandler => async (payload, ctx) => {
    const m = payload as CaseNotice;
    if (typeof m.caseId !== 'string' || typeof m.caseNumber !== 'string' || typeof m.dueOn !== 'string' || typeof m.workingDaysBefore !== 'number' || !Array.isArray(m.to)) {
      return rejected('malformed deadline notice');
    }
    const url = `${channels.publicUrl}/uk/office/cases/${m.caseId}`;
    for (const personId of m.to) {
      const outcome = await mailTo(String(personId), 'uk', deadlineEmail(kind, m.caseNumber, m.dueOn, m.workingDaysBefore, url), `${ctx.idempotencyKey}:${String(personId)}`);
      if (outcome.kind !== 'delivered') {
        return outcome;
      }
    }
    return delivered();
  };
  return {
    [CASE_SUBMITTED_TOPIC]: caseNotice((m) => caseSubmittedEmail(m.lang, m.number, m.url, typeof m.feeDue === 'number' ? formatMoney(m.feeDue, m.lang) : null)),
    [CASE_CHANGED_TOPIC]: caseNotice(movementNotice),
    [CASE_REMINDER_TOPIC]: staffNotice('reminder'),
    [CASE_ESCALATION_TOPIC]: staffNotice('escalation'),
    [VERIFICATION_TOPIC]: async (payload, ctx) => {
      const m = payload as Partial<VerificationMessage>;
      if (!m.address || !m.verificationId || (m.lang !== 'uk' && m.lang !== 'en')) {
        return rejected('malformed verification message');
      }
      const code = channels.verificationCode(m.verificationId);
      if (m.channel === 'email') {
        return channels.email.send({ to: m.address, lang: m.lang, ...verificationEmail(m.lang, code) }, ctx.idempotencyKey);
      }
      return channels.sms.send({ to: m.address, text: verificationSms(m.lang, code) }, ctx.idempotencyKey);
    },
  };
}
