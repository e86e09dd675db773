import type { Copy } from '../locales/copy.ts';
import type { ukOauth } from './uk-oauth.ts';

/** English copy of the consent page of the open API; spread into en.ts. */
export const enOauth: Copy<typeof ukOauth> = {
  'oauth.title': 'Allow “{client}” to act on your behalf?',
  'oauth.lead': '“{client}” asks for access to the portal on your behalf. It gets only what is listed below, and only for a short time; you may refuse.',
  'oauth.scopes': 'What the app will be able to do',
  'oauth.scope.applications': 'Start, fill in and submit your applications',
  'oauth.scope.cases': 'See your cases and decisions',
  'oauth.scope.payments': 'See the fees due on your cases and start paying them',
  'oauth.scope.inbox': 'Read your portal messages (opening one marks it read)',
  'oauth.scope.appointments': 'See, book and cancel your visits to service centres',
  'oauth.returnsTo': 'After you answer you will be sent back to: {uri}',
  'oauth.allow': 'Allow',
  'oauth.deny': 'Refuse',
  'oauth.refusedTitle': 'The app\'s request was not accepted',
  'oauth.refused.oauth.client_unknown': 'The portal does not know the app that sent you here. Nothing was shared.',
  'oauth.refused.oauth.redirect_uri_mismatch': 'The return address does not match the one registered for this app. Nothing was shared.',
};
