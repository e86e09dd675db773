/** The exchange between information systems (X-Road message protocol for REST; ADR 0024). */
export { type ExchangeAnswer, type ExchangeClient, type ExchangeFailure, type ExchangeRequest, createExchangeClient } from './client.ts';
export { DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, type DirectoryData, type ExchangeDirectory, developmentDirectory, exchangeDirectory } from './directory.ts';
export { parseSubsystem, type ServiceId, type SubsystemId } from './identifiers.ts';
export { type ExchangeLogVerdict, type LoggedMessage, sealExchangeLog, verifyExchangeLog } from './message-log.ts';
export { messageLogRepository } from './message-log.repository.ts';
export { EXCHANGE_ERRORS, type ExchangeErrorType, HEADERS } from './protocol.ts';
export { acceptBodiesAsBytes, type ConsentCheck, providerHandler, type ProviderOptions, registerProvider, type ServiceHandler, type ServiceRequest } from './provider.ts';
export { bodyDigest, memberKey, type MemberKey, SIGNATURE_HEADER, signRequest } from './signature.ts';
