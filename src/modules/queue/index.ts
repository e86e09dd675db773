/** The walk-in queue's public surface: tickets, the display, the front desk, estimates and per-centre figures (see README.md). */
export { type Candidate, DEFAULT_FAIRNESS, type FairnessRule, nextTicket, type TicketKind } from './queue.ts';
export * from './queue.errors.ts';
export type { CentreDay, Ticket, TicketStatus } from './queue.repository.ts';
export {
  type AppointmentArrival, createQueueService, type DeskConsole, type DisplayBoard, frontDeskCentre, type IssuedTicket, type QueueService, type QueueSituation,
} from './queue.service.ts';
