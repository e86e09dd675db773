/**
 * The events the base registries publish and proactive services are triggered by (ADR 0032): a birth
 * registered, a person turning 18, a company registered, a person reaching the pension age.
 */
export const REGISTRY_EVENT_KINDS = ['birth-registered', 'turned-18', 'company-registered', 'pension-age-reached'] as const;
export type RegistryEventKind = (typeof REGISTRY_EVENT_KINDS)[number];

/** The age at which the pension may be assigned (the Pension Insurance Act's general rule, with the insured years it asks). */
export const PENSION_AGE = 60;
export const ADULT_AGE = 18;
