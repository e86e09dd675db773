import type {
  CatalogueFile,
  CentreRecord,
  EventRecord,
  OrganisationRecord,
  ServiceRecord,
} from './catalogue-record.schemas.ts';

/** The kinds of record the catalogue keeps, each versioned on its own. */
export const RECORD_KINDS = ['organisation', 'centre', 'event', 'service'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type Versioned<T> = T & { readonly version: number };
export type Organisation = Versioned<OrganisationRecord>;
export type Centre = Versioned<CentreRecord>;
export type CatalogueEvent = Versioned<EventRecord>;
export type Service = Versioned<ServiceRecord>;

export interface CatalogueRecords {
  readonly organisations: readonly OrganisationRecord[];
  readonly centres: readonly CentreRecord[];
  readonly events: readonly EventRecord[];
  readonly services: readonly ServiceRecord[];
}

export const FILE_KEYS = {
  organisation: 'organisations',
  centre: 'centres',
  event: 'events',
  service: 'services',
} as const satisfies Record<RecordKind, keyof CatalogueFile>;

export { canonicalJson } from '../../kernel/canonical-json.ts';

export function isOnline(service: ServiceRecord): boolean {
  return service.channels.some((c) => c.type === 'online');
}

export function centreIdsOf(service: ServiceRecord): string[] {
  return [...new Set(service.channels.flatMap((c) => c.centreIds ?? []))];
}

export function channelTypesOf(service: ServiceRecord): string[] {
  return [...new Set(service.channels.map((c) => c.type))];
}

/** The lowest fee of a service across channels, or 0 when it is free. */
export function lowestFee(service: ServiceRecord): number {
  return service.costs.length === 0 ? 0 : Math.min(...service.costs.map((c) => c.amount));
}
