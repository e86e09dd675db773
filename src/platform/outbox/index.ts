/** The outbox's public surface: enqueue in a transaction, deliver with a worker. */
export { delivered, type DeliveryOutcome, rejected, retryLater } from './delivery-outcome.ts';
export {
  batchHandler,
  createOutboxWorker,
  type DeliveryContext,
  exponentialBackoff,
  type OutboxHandler,
  type OutboxItem,
  type OutboxLogger,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from './outbox-worker.ts';
export { type ClaimedMessage, type DeadLetter, type NewOutboxMessage, outboxRepository, type PlannedOutboxMessage } from './outbox.repository.ts';
