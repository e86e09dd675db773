import { AppError } from '../../kernel/errors.ts';
import { type Result, err } from '../../kernel/result.ts';
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
  'quota-drafts',
  'quota-bytes',
  'too-many-files',
  'storage-full',
] as const;
export type ApplicationProblem = (typeof APPLICATION_PROBLEMS)[number];

/**
 * An application step that cannot be done; `problem` says why, `issues` lists what is missing on
 * submission, `limit` names the limit a quota refusal reached (drafts, or megabytes).
 */
export class ApplicationRefused extends AppError {
  readonly code = 'applications.refused';

  constructor(readonly problem: ApplicationProblem, readonly field: string | null = null, readonly issues: readonly AnswerIssue[] = [], readonly limit: number | null = null) {
    super(`application refused: ${problem}`, { problem, field, issues: issues.length, limit });
  }
}

/** A write that failed because storage is full: no space (ENOSPC), a disk quota (EDQUOT), or the database's disk full (53100). */
export function isStorageFull(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === '53100';
}

/** Runs a write; a full storage (see isStorageFull) is the refusal `storage-full` rather than a crash. */
export async function storageGuard<T, E>(write: () => Promise<Result<T, E>>): Promise<Result<T, E | ApplicationRefused>> {
  try {
    return await write();
  } catch (e) {
    if (isStorageFull(e)) {
      return err(new ApplicationRefused('storage-full'));
    }
    throw e;
  }
}
