import { AppError } from '../../kernel/errors.ts';
import type { AnswerIssue } from '../forms/index.ts';

export const APPLICATION_PROBLEMS = [
  'service-not-found',
  'not-online',
  'not-allowed',
  'audience',
  'draft-not-found',
  'page-not-found',
  'other-party',
  'stale',
  'not-a-file-question',
  'file-empty',
  'file-too-large',
  'file-type',
  'declaration-required',
  'incomplete',
] as const;
export type ApplicationProblem = (typeof APPLICATION_PROBLEMS)[number];

/** An application step that cannot be done; `problem` says why, `issues` lists what is missing on submission. */
export class ApplicationRefused extends AppError {
  readonly code = 'applications.refused';

  constructor(readonly problem: ApplicationProblem, readonly field: string | null = null, readonly issues: readonly AnswerIssue[] = []) {
    super(`application refused: ${problem}`, { problem, field, issues: issues.length });
  }
}
