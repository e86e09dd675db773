import type { Copy } from '../locales/copy.ts';
import type { ukNoticeTemplates } from './uk-notice-templates.ts';

/** English copy of the message templates' previews for staff; spread into en.ts. */
export const enNoticeTemplates: Copy<typeof ukNoticeTemplates> = {
  'office.noticeTemplates.title': 'Message templates',
  'office.noticeTemplates.nav': 'Message templates',
  'office.noticeTemplates.lead': 'Every message the portal sends, for each purpose, channel and language, as people and officers receive it. The data is a sample (case DMS-2026-000123). People receive messages in their own language.',
  'office.noticeTemplates.contents': 'Messages',
  'office.noticeTemplates.inbox': 'Portal inbox',
  'office.noticeTemplates.email': 'E-mail',
  'office.noticeTemplates.sms': 'SMS',
  'office.noticeTemplates.letter': 'Letter by post',
  'office.noticeTemplates.letterPdf': 'Letter “{subject}” (PDF)',
  'office.noticeTemplates.noLetter': 'There is no such letter among the templates.',
  'office.noticeTemplates.segments': {
    one: '{count} part, {encoding} encoding ({units} characters)',
    other: '{count} parts, {encoding} encoding ({units} characters)',
  },
  'office.noticeTemplates.purpose.submitted': 'Application received (with a fee to pay)',
  'office.noticeTemplates.purpose.ready-for-collection': 'Result ready for collection at a centre',
  'office.noticeTemplates.purpose.ready-for-collection-representative': 'Result ready for collection: to a representative',
  'office.noticeTemplates.purpose.payment-received': 'Payment received',
  'office.noticeTemplates.purpose.information-requested': 'The applicant’s answer is needed',
  'office.noticeTemplates.purpose.decision-granted': 'Decision: granted',
  'office.noticeTemplates.purpose.decision-refused': 'Decision: refused',
  'office.noticeTemplates.purpose.withdrawn': 'Application withdrawn',
  'office.noticeTemplates.purpose.decision-by-post': 'Decision by post (not opened in the inbox)',
  'office.noticeTemplates.purpose.officer-reminder': 'To an officer: the term is ending',
  'office.noticeTemplates.purpose.officer-escalation': 'To a supervisor: escalation',
  'office.noticeTemplates.purpose.verification-code': 'Contact confirmation code',
};
