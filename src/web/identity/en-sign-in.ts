import type { ukSignIn } from './uk-sign-in.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of the sign-in's browser binding and rate limits; spread into en.ts. */
export const enSignIn: Copy<typeof ukSignIn> = {
  'refusal.browser-mismatch': 'This sign-in response reached a browser other than the one where the sign-in began. If you did not start signing in, someone may be trying to sign your browser in as themselves. Nothing has changed for you. To sign in, start again.',
  'refusal.rate-limited': 'Too many sign-in attempts from this address or for this sign-in. Wait a minute and start signing in again.',
};
