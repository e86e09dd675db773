import type { ukEdge } from './uk-edge.ts';
import type { Copy } from './copy.ts';

/** English copy of the refusals at the edge; spread into en.ts. */
export const enEdge: Copy<typeof ukEdge> = {
  'edge.control': 'The address or the form contains invisible control characters (such as a null byte). They cannot be accepted: remove them and try again.',
  'edge.field': 'The field “{field}” was not sent the way the portal’s form sends it (twice, or in another shape). Go back to the form and send it again.',
  'edge.multipart': 'The form with a file arrived damaged or incomplete. Go back to the form and send it again.',
  'edge.badUrl': 'The web address contains characters the portal does not recognise. Check the address.',
  'edge.generic': 'The request could not be read. Go back to the previous page and try again.',
  'edge.tooMany': 'Too many requests from your address. Wait a minute and try again.',
  'edge.back': 'Back to the form',
  'tooLarge.413.title': 'Too much was sent',
  'tooLarge.413.text': 'The portal accepts at most {text} KB of text in a form, and files of up to {file} MB (less where a service says so). This page of the form was not saved.',
  'tooLarge.413.kept': 'The answers you saved on earlier pages are still in your draft. Go back to the form, shorten the text or choose a smaller file.',
  'tooLarge.414.title': 'The web address is too long',
  'tooLarge.414.text': 'The portal accepts web addresses of up to {n} characters in each part and {total} KB in all. Check the link you followed.',
  'tooLarge.431.title': 'Your browser sent too much extra data',
  'tooLarge.431.text': 'The request’s headers, usually cookies, are larger than {n} KB. Delete this site’s cookies in your browser’s settings and try again. Your drafts are kept on the portal.',
};
