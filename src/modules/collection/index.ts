/** The collection module's public surface: results ready for collection at a centre, and their handover at the front desk. */
export * from './collection.ts';
export * from './collection.errors.ts';
export { COLLECTION_READY_TOPIC, type CollectionReadyMessage, parseCollectionReady } from './collection-messages.ts';
export { type CollectionService, type CollectionStanding, createCollectionService, frontDeskCentreOf, type ReadyOptions } from './collection.service.ts';
