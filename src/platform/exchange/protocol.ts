/**
 * The X-Road message protocol for REST as the embedded exchange speaks it: the headers, and the errors a
 * security server answers with (`X-Road-Error` naming the type, a JSON body with type, message and the
 * request id as detail). The types are the stable codes the client turns into failure values.
 */
export const HEADERS = {
  client: 'x-road-client',
  id: 'x-road-id',
  userId: 'x-road-userid',
  issue: 'x-road-issue',
  error: 'x-road-error',
  requestHash: 'x-road-request-hash',
} as const;

export const EXCHANGE_ERRORS = {
  'Client.InvalidClientIdentifier': 400,
  'Client.MissingRequestId': 400,
  'Client.MissingSignature': 401,
  'Client.InvalidSignature': 401,
  'Client.SignedValueMismatch': 401,
  'Client.BodyDigestMismatch': 401,
  'Client.StaleMessage': 401,
  'Client.DuplicateId': 409,
  'Server.ServerProxy.AccessDenied': 403,
  /** The right requires the person's consent (ADR 0028) and none is in force for this client and service. */
  'Server.ServerProxy.ConsentMissing': 403,
  'Server.ServerProxy.UnknownService': 404,
  'Server.ServerProxy.ServiceFailed': 502,
} as const;
export type ExchangeErrorType = keyof typeof EXCHANGE_ERRORS;

export const isExchangeErrorType = (text: string): text is ExchangeErrorType => Object.hasOwn(EXCHANGE_ERRORS, text);

export interface ExchangeErrorBody {
  readonly type: ExchangeErrorType;
  readonly message: string;
  /** The request id, when the request had one. */
  readonly detail: string | null;
}
