/** The population registry over the exchange: a person's record for staff, each query an access record. */
export { createPopulationRegister, type PopulationAnswer, type PopulationFailure } from './population.service.ts';
export type { PopulationRecord, RegisteredAddress } from '../../platform/registries/index.ts';
