/** The catalogue module's public surface. */
export * from './catalogue-record.schemas.ts';
export type { CatalogueEvent, CatalogueRecords, Centre, Organisation, RecordKind, Service } from './catalogue.ts';
export { channelTypesOf, FILE_KEYS, isOnline, lowestFee, RECORD_KINDS } from './catalogue.ts';
export { CatalogueImportRejected } from './catalogue.errors.ts';
export type { RecordIssue } from './catalogue-references.ts';
export { FACETS, type Facet, type FacetCounts, type SearchQuery, unknownFilterReferences } from './catalogue-search.ts';
export type { SearchPage } from './catalogue-search.repository.ts';
export { createCatalogueService, type CatalogueReadsAt, type CatalogueService, type ImportSummary } from './catalogue.service.ts';
export { type FileIssue, formatIssue, locateIssues, parseCatalogueFiles } from './catalogue-validation.ts';
export { CPSV_AP_CONTEXT_URL } from './catalogue-jsonld.ts';
export {
  parseSearchPageParams,
  SearchApiParams,
  SearchPageParams,
  toSearchQuery,
} from './catalogue-search.schemas.ts';
export {
  CatalogueFile as CatalogueFileSchema,
  Centre as CentreSchema,
  Event as EventSchema,
  Organisation as OrganisationSchema,
  Service as ServiceSchema,
} from './catalogue-record.schemas.ts';
export { createCatalogueEditor, type CatalogueEditor, type DraftView, editedAgencies, type ServiceVersions } from './catalogue-editor.service.ts';
export { type CompletenessGap, diffRecords, type FieldChange, parseVersionKey, type VersionKey, versionKeyText } from './catalogue-editor.ts';
export * from './catalogue-editor.errors.ts';
export type { CatalogueDraft, PublishedVersion } from './catalogue-drafts.repository.ts';
