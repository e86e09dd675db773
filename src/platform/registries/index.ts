/** The base registries' contracts, shared by the portal's side and the registries' stand-ins (ADR 0027). */
export { checkAnswer, checkEventsPage } from './check.ts';
export {
  type AnswerOf, type CompanyRecord, type IncomeRecord, type InsuranceRecord, isRegistryServiceKey, type PopulationRecord, type PropertyRecord, REGISTRY_CONTRACTS,
  REGISTRY_SERVICE_KEYS, type RegisteredAddress, eventCursor, type EventsPage, feedRequestOf, REGISTRY_FEED_KEYS, REGISTRY_FEEDS, type RegistryEvent, type RegistryFeedKey, type RegistryContract, type RegistryServiceKey, requestBody, type SubjectKind, subjectOfRequest, type VehiclesRecord,
} from './contracts.ts';
