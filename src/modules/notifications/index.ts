/** The notifications module's public surface: the outbox handlers, case notices and the inbox, dead letters for supervisors. */
import type { Lang } from '../../kernel/text.ts';
import { CASE_CHANGED_TOPIC, CASE_ESCALATION_TOPIC, CASE_REMINDER_TOPIC, CASE_SUBMITTED_TOPIC, parseCaseChanged, parseCaseDeadline, parseCaseSubmitted } from '../cases/index.ts';
import { type ContactDetails, parseVerificationMessage, VERIFICATION_TOPIC } from '../identity/index.ts';
import type { EmailSender } from '../channels/email/index.ts';
import type { SmsSender } from '../channels/sms/index.ts';
import { batchHandler, delivered, type DeliveryOutcome, type OutboxHandler, rejected, retryLater } from '../../platform/outbox/index.ts';
import { APPOINTMENT_REMINDER_TOPIC, parseAppointmentReminder } from '../appointments/index.ts';
import { COLLECTION_READY_TOPIC, parseCollectionReady } from '../collection/index.ts';
import { appointmentReminderEmail, appointmentReminderSms } from './appointment-templates.ts';
import { noticeForMovement } from './case-notices.ts';
import { deadlineEmail } from './case-templates.ts';
import type { NotificationLinks } from './links.ts';
import { APPEAL_EMAIL_TOPIC, APPEAL_SMS_TOPIC, NOTICE_EMAIL_TOPIC, NOTICE_SMS_TOPIC, type NoticeDelivery, parseAppealDelivery, parseNoticeDelivery } from './notice-deliveries.ts';
import { APPEAL_NOTICE_TOPIC, parseAppealNotice } from '../appeals/index.ts';
import { parseProactiveNotice, PROACTIVE_NOTICE_TOPIC } from '../proactive/index.ts';
import type { CaseNotice, NoticesService } from './notices.service.ts';
import { verificationEmail, verificationSms } from './templates.ts';

export type { NotificationLinks } from './links.ts';
export { createNoticesService, type InboxParty, type NoticesService } from './notices.service.ts';
export type { InboxMessage } from './notices.repository.ts';
export { createDeadLettersService, type DeadLettersService } from './dead-letters.service.ts';
export type { CaseDeadLetter } from './dead-letters.repository.ts';
export { DeadLetterNotFound, LetterNotFound, MessageNotFound } from './notices.errors.ts';
export { createLettersService, type LettersService } from './letters.service.ts';
export { createDecisionsByPost } from './decisions-by-post.service.ts';
export { createNoticePreviews, type NoticePreviews } from './notice-previews.service.ts';
export type { NoticePreview } from './notice-previews.ts';
export type { Letter } from './letters.repository.ts';

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
  /** The fan-out of case notices to every person told (inbox, e-mail, SMS). */
  readonly notices: Pick<NoticesService, 'fanOut' | 'appealNotice' | 'proactiveNotice'>;
}

/**
 * What to tell whom on which channel: one-time codes for contact details; notices about cases (one per
 * event that matters: see README.md), fanned out to each person told — the portal inbox always, and one
 * outbox delivery per e-mail or SMS they asked for, each retried on its own; and officers' reminders and
 * escalations, each in the officer's language (an officer without a confirmed e-mail address is not written to: the message is done).
 */
export function notificationHandlers(channels: NotificationDeps): Record<string, OutboxHandler> {
  /** An e-mail to a person in their own language (`person_contacts.language`), when their address is confirmed. */
  const mailTo = async (personId: string, mail: (lang: Lang) => { subject: string; text: string }, key: string) => {
    const contacts = await channels.contactsOf(personId);
    if (contacts.email === null || !contacts.emailVerified) {
      return delivered();
    }
    return channels.email.send({ to: contacts.email, lang: contacts.language, ...mail(contacts.language) }, key);
  };
  /** A case notice: fanned out in one transaction to the inbox of each person told and to their e-mail and SMS deliveries. */
  const caseNotice = (read: (payload: unknown) => CaseNotice | 'none' | null): OutboxHandler => async (payload, ctx) => {
    const notice = read(payload);
    if (notice === null) {
      return rejected('malformed case notice');
    }
    if (notice === 'none') {
      return delivered();
    }
    const fanned = await channels.notices.fanOut(notice, ctx.idempotencyKey);
    return fanned === null ? rejected(`no case "${notice.caseId}"`) : delivered();
  };
  /** One e-mail or SMS of a case notice, rendered at fan-out; its key names the person and the channel. */
  const delivery = (send: (d: NoticeDelivery, key: string) => Promise<DeliveryOutcome>): OutboxHandler => async (payload, ctx) => {
    const d = parseNoticeDelivery(payload);
    return d === null ? rejected('malformed notice delivery') : send(d, ctx.idempotencyKey);
  };
  const staffNotice = (kind: 'reminder' | 'escalation'): OutboxHandler => async (payload, ctx) => {
    const m = parseCaseDeadline(payload);
    if (m === null) {
      return rejected('malformed deadline notice');
    }
    for (const personId of m.to) {
      const mail = (lang: Lang) => deadlineEmail(lang, kind, m.caseNumber, m.dueOn, m.workingDaysBefore, channels.links.officeCase(lang, m.caseId));
      const outcome = await mailTo(personId, mail, `${ctx.idempotencyKey}:${personId}`);
      if (outcome.kind !== 'delivered') {
        return outcome;
      }
    }
    return delivered();
  };
  return {
    [APPOINTMENT_REMINDER_TOPIC]: appointmentReminder(channels),
    [CASE_SUBMITTED_TOPIC]: caseNotice((payload) => {
      const m = parseCaseSubmitted(payload);
      return m === null ? null : { caseId: m.caseId, kind: 'submitted', decided: null, feeDue: m.feeDue, answerBy: null };
    }),
    [CASE_CHANGED_TOPIC]: caseNotice((payload) => {
      const m = parseCaseChanged(payload);
      const kind = m === null ? null : noticeForMovement({ event: m.event, decided: m.decided });
      return m === null ? null : kind === null ? 'none' : { caseId: m.caseId, kind, decided: m.decided, feeDue: null, answerBy: m.answerBy ?? null };
    }),
    [COLLECTION_READY_TOPIC]: caseNotice((payload) => {
      const m = parseCollectionReady(payload);
      return m === null ? null : { caseId: m.caseId, kind: m.notice === 'ready' ? 'ready-for-collection' : 'collection-reminder', decided: null, feeDue: null, answerBy: null, collection: m };
    }),
    [NOTICE_EMAIL_TOPIC]: delivery((d, key) => channels.email.send({ to: d.to, lang: d.lang, subject: d.subject, text: d.text }, key)),
    [NOTICE_SMS_TOPIC]: batchHandler(delivery((d, key) => channels.sms.send({ to: d.to, text: d.text }, key)), async (items) => {
      // The SMS of a claimed batch go to the channel together (one record statement, one gateway request).
      const parsed = items.map((i) => ({ d: parseNoticeDelivery(i.payload), key: i.ctx.idempotencyKey }));
      const valid = parsed.flatMap(({ d, key }) => (d === null ? [] : [{ message: { to: d.to, text: d.text }, idempotencyKey: key }]));
      const sent = await channels.sms.sendMany(valid);
      let next = 0;
      return parsed.map(({ d }) => (d === null ? rejected('malformed notice delivery') : (sent[next++] ?? retryLater('no outcome from the SMS channel'))));
    }),
    ...appealHandlers(channels),
    [PROACTIVE_NOTICE_TOPIC]: proactiveNoticeHandler(channels),
    [CASE_REMINDER_TOPIC]: staffNotice('reminder'),
    [CASE_ESCALATION_TOPIC]: staffNotice('escalation'),
    [VERIFICATION_TOPIC]: verificationHandler(channels),
  };
}

/** A citizens' appeal's notice: fanned out to the person's inbox and channels; then each e-mail and SMS of it. */
const appealHandlers = (channels: NotificationDeps): Record<string, OutboxHandler> => ({
  [APPEAL_NOTICE_TOPIC]: async (payload, ctx) => {
    const m = parseAppealNotice(payload);
    if (m === null) {
      return rejected('malformed appeal notice');
    }
    await channels.notices.appealNotice(m, ctx.idempotencyKey);
    return delivered();
  },
  [APPEAL_EMAIL_TOPIC]: async (payload, ctx) => {
    const d = parseAppealDelivery(payload);
    return d === null ? rejected('malformed appeal delivery') : channels.email.send({ to: d.to, lang: d.lang, subject: d.subject, text: d.text }, ctx.idempotencyKey);
  },
  [APPEAL_SMS_TOPIC]: async (payload, ctx) => {
    const d = parseAppealDelivery(payload);
    return d === null ? rejected('malformed appeal delivery') : channels.sms.send({ to: d.to, text: d.text }, ctx.idempotencyKey);
  },
});

/** An appointment's reminder, on each channel the person chose among e-mail and SMS (confirmed addresses only). */
const appointmentReminder = (channels: NotificationDeps): OutboxHandler => async (payload, ctx) => {
  const r = parseAppointmentReminder(payload);
  if (r === null) {
    return rejected('malformed appointment reminder');
  }
  const contacts = await channels.contactsOf(r.personId);
  const lang = contacts.language;
  if (contacts.noticeChannels.includes('email') && contacts.email !== null && contacts.emailVerified) {
    const sent = await channels.email.send({ to: contacts.email, lang, ...appointmentReminderEmail(lang, r, channels.links.appointments(lang)) }, `${ctx.idempotencyKey}:email`);
    if (sent.kind !== 'delivered') {
      return sent;
    }
  }
  if (contacts.noticeChannels.includes('sms') && contacts.phone !== null && contacts.phoneVerified) {
    return channels.sms.send({ to: contacts.phone, text: appointmentReminderSms(lang, r) }, `${ctx.idempotencyKey}:sms`);
  }
  return delivered();
};

/** A proactive item's notice: into the person's inbox (and their e-mail and SMS, through the notices' fan-out). */
function proactiveNoticeHandler(channels: NotificationDeps): OutboxHandler {
  return async (payload, ctx) => {
    const m = parseProactiveNotice(payload);
    if (m === null) {
      return rejected('malformed proactive notice');
    }
    await channels.notices.proactiveNotice(m, ctx.idempotencyKey);
    return delivered();
  };
}

/** A one-time code for a contact detail, by e-mail or SMS. */
function verificationHandler(channels: NotificationDeps): OutboxHandler {
  return async (payload, ctx) => {
    const m = parseVerificationMessage(payload);
    if (m === null) {
      return rejected('malformed verification message');
    }
    const code = channels.verificationCode(m.verificationId);
    if (m.channel === 'email') {
      return channels.email.send({ to: m.address, lang: m.lang, ...verificationEmail(m.lang, code) }, ctx.idempotencyKey);
    }
    return channels.sms.send({ to: m.address, text: verificationSms(m.lang, code) }, ctx.idempotencyKey);
  };
}
