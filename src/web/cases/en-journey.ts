import type { ukJourney } from './uk-journey.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of payments in flight, search pages past the end and the site icon; spread into en.ts. */
export const enJourney: Copy<typeof ukJourney> = {
  'cases.confirmingLabel': 'Confirming your payment',
  'cases.confirmingPayment': 'We are confirming your payment. This usually takes a few minutes; you do not need to pay again. As soon as the payment service confirms it, the application goes on to registration and we will let you know.',
  'cases.paymentReceived': 'Payment received. The application has gone on to registration, and the statutory term has started.',
  'caseError.payment-pending': 'A payment on this case is already under way: we are waiting for the payment service to confirm it. You do not need to pay again.',
  'caseError.already-paid': 'The fee on this case has already been paid.',
  'results.pastEnd': 'Page {page} does not exist. {total} on pages 1–{pages}.',
  'results.pastEndOne': 'Page {page} does not exist. {total} on 1 page.',
  'results.backToLast': 'Go to the last page of results',
};
