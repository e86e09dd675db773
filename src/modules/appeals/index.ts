/** The appeals module's public surface: citizens' appeals from every channel, triage, answers and extensions (see README.md). */
export * from './appeal.ts';
export * from './appeal-messages.ts';
export * from './appeals.errors.ts';
export { mayTriage } from './appeals.policy.ts';
export { type AppealsService, createAppealsService, type OfficerAppeal, type SmsAppeal } from './appeals.service.ts';
export * from './appeal-intake.ts';
export type { AppealIntakeRecord } from './appeal-intakes.repository.ts';
