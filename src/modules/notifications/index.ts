import type { Lang } from '../../kernel/text.ts';
import {
  CASE_CHANGED_TOPIC, CASE_ESCALATION_TOPIC, CASE_REMINDER_TOPIC, CASE_SUBMITTED_TOPIC, type CaseChangedMessage, formatMoney, parseCaseChanged, parseCaseDeadline,
  parseCaseSubmitted,
} from '../cases/index.ts';
import { type ContactDetails, parseVerificationMessage, VERIFICATION_TOPIC } from '../identity/index.ts';
import type { EmailSender } from '../channels/email/index.ts';
import type { SmsSender } from '../channels/sms/index.ts';
import { delivered, type OutboxHandler, rejected } from '../../platform/outbox/index.ts';
import { noticeForMovement } from './case-notices.ts';
import { caseSubmittedEmail, decisionEmail, deadlineEmail, informationRequestedEmail, paymentReceivedEmail, withdrawnEmail } from './case-templates.ts';
import { verificationEmail, verificationSms } from './templates.ts';

/** Where the portal's pages about a case are: absolute links for messages, given by the composition root (the web layer's paths). */
export interface NotificationLinks {
  /** The applicant's page of a case. */
  applicantCase(lang: Lang, caseId: string): string;
  /** The back office's page of a case. */
  officeCase(lang: Lang, caseId: string): string;
}

/**
 * What to tell whom on which channel. Handlers run in the outbox worker, outside any transaction, and
 * answer with the channel's delivery outcome.
 */
export interface NotificationDeps {
  readonly email: EmailSender;
  readonly sms: SmsSender;
  /** A person's contact details (only confirmed addresses are written to). */
  readonly contactsOf: (personId: string) => Promise<ContactDetails>;
  /** The one-time code of a verification, derived again at delivery: no payload holds it. */
  readonly verificationCode: (verificationId: string) => string;
  readonly links: NotificationLinks;
}

type Mail = { subject: string; text: string };
type Notice<M> = M & { url: string };

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
  const caseNotice = <M extends { caseId: string; applicantPersonId: string; lang: Lang }>(parse: (payload: unknown) => M | null, build: (m: Notice<M>) => Mail | null): OutboxHandler => async (payload, ctx) => {
    const m = parse(payload);
    if (m === null) {
      return rejected('malformed case notice');
    }
    const mail = build({ ...m, url: channels.links.applicantCase(m.lang, m.caseId) });
    return mail === null ? delivered() : mailTo(m.applicantPersonId, m.lang, mail, ctx.idempotencyKey);
  };
  const movementNotice = (m: Notice<CaseChangedMessage>): Mail | null => {
    switch (noticeForMovement({ event: m.event, decided: m.decided })) {
      case null:
        return null;
      case 'payment-received':
        return paymentReceivedEmail(m.lang, m.caseNumber, m.url);
      case 'information-requested':
        return informationRequestedEmail(m.lang, m.caseNumber, m.url, m.answerBy ?? null);
      case 'decision':
        return decisionEmail(m.lang, m.caseNumber, m.decided ?? '', m.url);
      case 'withdrawn':
        return withdrawnEmail(m.lang, m.caseNumber, m.url);
    }
  };
  const staffNotice = (kind: 'reminder' | 'escalation'): OutboxHandler => async (payload, ctx) => {
    const m = parseCaseDeadline(payload);
    if (m === null) {
      return rejected('malformed deadline notice');
    }
    const url = channels.links.officeCase('uk', m.caseId);
    for (const personId of m.to) {
      const outcome = await mailTo(personId, 'uk', deadlineEmail(kind, m.caseNumber, m.dueOn, m.workingDaysBefore, url), `${ctx.idempotencyKey}:${personId}`);
      if (outcome.kind !== 'delivered') {
        return outcome;
      }
    }
    return delivered();
  };
  return {
    [CASE_SUBMITTED_TOPIC]: caseNotice(parseCaseSubmitted, (m) => caseSubmittedEmail(m.lang, m.caseNumber, m.url, m.feeDue === null ? null : formatMoney(m.feeDue, m.lang))),
    [CASE_CHANGED_TOPIC]: caseNotice(parseCaseChanged, movementNotice),
    [CASE_REMINDER_TOPIC]: staffNotice('reminder'),
    [CASE_ESCALATION_TOPIC]: staffNotice('escalation'),
    [VERIFICATION_TOPIC]: async (payload, ctx) => {
      const m = parseVerificationMessage(payload);
      if (m === null) {
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
