/** The population registry over the exchange: a person's record for staff, each query an access record. */
export { createPopulationRegister } from './population.service.ts';
export type { PopulationAnswer, PopulationFailure, PopulationRecord, RegistryAddress, RegistryRelative } from './population.ts';
