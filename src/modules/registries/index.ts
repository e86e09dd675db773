/** The base registries over the exchange: queries for staff, once-only prefill, a case's evidence fetched in the background (ADR 0027). */
export { createRegistries, type RegistriesService } from './registries.service.ts';
export type { CaseEvidence, Prefilled, Register, RegistryFailure } from './registries.ts';
