import type { ukContacts } from './uk-contacts.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of one-time codes' limits and the contacts page; spread into en.ts. */
export const enContacts: Copy<typeof ukContacts> = {
  'contacts.codeFor': 'Confirmation code sent to {address}',
  'contactError.phone-country-not-allowed': 'We can send SMS only to numbers in: {countries}. Give another number, or confirm your e-mail address instead.',
  'contactLimit.cooldown': {
    one: 'We have just sent a code to this address. You can ask for a new code in {count} second.',
    other: 'We have just sent a code to this address. You can ask for a new code in {count} seconds.',
  },
  'contactLimit.destination': 'Too many codes were sent to this address in the last hour. You can ask for a new code after {time}.',
  'contactLimit.person': 'You have asked for too many codes in the last hour. You can ask for a new code after {time}.',
  'contactLimit.client': 'Too many codes were asked for from your network in the last hour. You can ask for a new code after {time}.',
  'contactLimit.guesses': 'Too many wrong codes. You can try again after {time}; a new code will not change this.',
};
