/**
 * The payments module's public surface: the payment-provider port and its vocabulary
 * (`payments.ts`, pure), the real HTTP adapter (`adapters/http-provider.adapter.ts`), the callback
 * signature (`adapters/hmac.ts`) and the local provider simulator (`adapters/simulator.ts`) for
 * development and tests. See README.md for the protocol and the flow.
 */
export {
  type CallbackCheck,
  formatUah,
  isPaymentStatus,
  type LocalPayment,
  type Mismatch,
  parseCallbackBody,
  type PaymentCallback,
  type PaymentProvider,
  type PaymentStatus,
  type ProviderTransaction,
  reconcile,
  returnUrlFor,
  type StartOutcome,
  type StartPayment,
  startPaymentProblem,
  isIsoInstant,
  parseStartPayment,
} from './payments.ts';
export { PaymentProviderError } from './payments.errors.ts';
export { headerValue, SIGNATURE_HEADER, signatureHeaderValue, signBody, verifyBody } from './adapters/hmac.ts';
export { createHttpPaymentProvider, type HttpPaymentProviderOptions } from './adapters/http-provider.adapter.ts';
