import type { Copy } from '../locales/copy.ts';
import type { ukInbox } from './uk-inbox.ts';

/** English copy of the portal inbox and its link in the cabinet; spread into en.ts. */
export const enInbox: Copy<typeof ukInbox> = {
  'inbox.title': 'Messages',
  'inbox.lead': 'Everything the portal told you about applications — your own and those of whoever you act for. Messages always arrive here, even if you did not choose e-mail or SMS.',
  'inbox.none': 'No messages yet.',
  'inbox.own': 'Your messages',
  'inbox.forParty': 'On behalf of: {name}',
  'inbox.unread': 'Unread',
  'inbox.unreadCount': { one: '{count} unread', other: '{count} unread' },
  'inbox.case': 'Case {number}',
  'inbox.sent': 'Sent',
  'inbox.concerns': 'About',
  'inbox.openCase': 'Go to case {number}',
  'inbox.downloadDecision': 'Download the decision',
  'inbox.actFor': 'To open the case, act on behalf of: {name}.',
  'inbox.back': 'All messages',
  'inbox.cabinetLink': { one: '{count} unread message', other: '{count} unread messages' },
  'inbox.cabinetAll': 'Messages',
};
