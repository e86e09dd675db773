import type { ukUnavailable } from './uk-unavailable.ts';
import type { Copy } from './copy.ts';

/** English copy of the page shown while the portal cannot reach its database; spread into en.ts. */
export const enUnavailable: Copy<typeof ukUnavailable> = {
  'unavailable.title': 'The portal is temporarily unavailable',
  'unavailable.text': 'We cannot complete your request right now. Your data is safe: everything the portal has already confirmed is saved.',
  'unavailable.retry': 'Try again in a minute. If you were sending a form, send it again: it will not be counted twice.',
};
