/** The cases module's public surface: cases after submission, the back office, deadlines, payments, decisions. */
export * from './case.ts';
export * from './case-messages.ts';
export { canActOnCase, caseIsForActingParty, caseRolesFor, queueAgencies, supervisedAgencies } from './cases.policy.ts';
export * from './cases.errors.ts';
export { createCasesService, type CasesService, type OpenCase } from './cases.service.ts';
export { createBackOfficeService, type BackOfficeService, type QueueQuery } from './back-office.service.ts';
export { type CaseCommand, dueOnFor, workflowOf } from './case-transitions.service.ts';
export { createDeadlineJobs } from './deadline-jobs.service.ts';
export { type CallbackOutcome, createCasePaymentsService, type CasePaymentsService } from './case-payments.service.ts';
export type { DecisionPreview } from './decision-preview.service.ts';
export { type DocumentIssuer, type IssuedPdf, SILENT_CONSENT_BASIS, verificationUrl } from './decisions.service.ts';
export type { DocumentFacts } from './issued-documents.repository.ts';
export type { PaymentRow } from './payments.repository.ts';
export { PENDING_PAYMENT_MINUTES, paymentStanding, type PaymentStanding } from './payment-standing.ts';
export type { Mismatch as PaymentMismatch } from '../payments/index.ts';
export { createReceiptsService, receiptCheckUrl, type ReceiptsService } from './receipts-and-verification.service.ts';
export { ANSWER_TERM, answerDueOn, type CaseOverview, type CaseTurn, caseTurn, type OpenRequest } from './case-overview.ts';
export { CABINET_DOCUMENT_DAYS, CABINET_RECENT_CASES, type PartyCases } from './cabinet.service.ts';
