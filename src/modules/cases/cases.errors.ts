import { AppError } from '../../kernel/errors.ts';
import type { TransitionError } from '../workflow/index.ts';

export const CASE_PROBLEMS = [
  'not-found',
  'not-allowed',
  'question-required',
  'answer-required',
  'no-open-request',
  'rating-invalid',
  'not-finished',
  'already-rated',
  'officer-unknown',
  'note-required',
  'nothing-to-pay',
  'payment-unavailable',
  'payment-pending',
  'already-paid',
  'revocation-reason-required',
  'already-revoked',
  'case-moved-on',
] as const;
export type CaseProblem = (typeof CASE_PROBLEMS)[number];

/** A case action that cannot be done; `problem` says why, `field` names the input at fault. */
export class CaseRefused extends AppError {
  readonly code = 'cases.refused';

  constructor(readonly problem: CaseProblem, readonly field: string | null = null) {
    super(`case action refused: ${problem}`, { problem, field });
  }
}

/** What a case action can answer instead of doing it: its own refusal, or the workflow's. */
export type CaseActionError = CaseRefused | TransitionError;
