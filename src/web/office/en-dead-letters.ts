import type { Copy } from '../locales/copy.ts';
import type { ukDeadLetters } from './uk-dead-letters.ts';

/** English copy of the dead-letter page; spread into en.ts. */
export const enDeadLetters: Copy<typeof ukDeadLetters> = {
  'office.deadLetters.title': 'Undelivered messages',
  'office.deadLetters.nav': 'Undelivered',
  'office.deadLetters.lead': 'Messages about your agencies’ cases that could not be delivered in any attempt. Once the cause is fixed, send the message again: it gets a fresh set of attempts.',
  'office.deadLetters.none': 'There are no undelivered messages.',
  'office.deadLetters.caption': 'Undelivered messages, newest first',
  'office.deadLetters.case': 'Case',
  'office.deadLetters.kind': 'Message',
  'office.deadLetters.attempts': 'Attempts',
  'office.deadLetters.deadAt': 'Last attempt',
  'office.deadLetters.error': 'Reason',
  'office.deadLetters.action': 'Action',
  'office.deadLetters.requeue': 'Send again',
  'office.deadLetters.requeueFor': '(the message about case {number})',
  'office.deadLetters.requeued': 'The message about case {number} is queued for delivery again.',
  'office.deadLetters.gone': 'This message is no longer undelivered: it was sent again, or it is about another agency’s case.',
  'office.deadLetters.topic.notice.email': 'E-mail to the applicant or a representative',
  'office.deadLetters.topic.notice.sms': 'SMS to the applicant or a representative',
  'office.deadLetters.topic.case.submitted': 'Notice of a received application',
  'office.deadLetters.topic.case.changed': 'Notice of a case’s progress',
  'office.deadLetters.topic.case.reminder': 'Reminder of a due date',
  'office.deadLetters.topic.case.escalation': 'Escalation of a due date',
  'office.deadLetters.topic.other': 'Other message ({topic})',
};
