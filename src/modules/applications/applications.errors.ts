import { AppError } from '../../kernel/errors.ts';
import { type Result, err } from '../../kernel/result.ts';
import type { AnswerIssue } from '../forms/index.ts';

/**
 * Why an application step was not done. Each class has a stable `code`; each method of the drafts
 * service answers the union of those it can meet (`NotApplicable`, `DraftUnavailable`, …).
 */

/** No service with this id in the catalogue. */
export class ServiceNotFound extends AppError {
  readonly code = 'applications.service_not_found';

  constructor(readonly serviceId: string) {
    super(`no service "${serviceId}"`, { serviceId });
  }
}

/** The service has no online form. */
export class ServiceNotOnline extends AppError {
  readonly code = 'applications.not_online';

  constructor(readonly serviceId: string) {
    super(`service "${serviceId}" cannot be applied for online`, { serviceId });
  }
}

/** The service is not for the kind of party the person acts for (a company, say, for a passport). */
export class AudienceMismatch extends AppError {
  readonly code = 'applications.audience';

  constructor(readonly serviceId: string) {
    super(`service "${serviceId}" is not for this kind of party`, { serviceId });
  }
}

/** The person may not apply for the party they act for (a mandate's scope or dates). */
export class ApplyingNotAllowed extends AppError {
  readonly code = 'applications.not_allowed';

  constructor(readonly serviceId: string) {
    super(`applying for "${serviceId}" is not allowed for this party`, { serviceId });
  }
}

/** No such draft of the person's (or it was submitted already). */
export class DraftNotFound extends AppError {
  readonly code = 'applications.draft_not_found';

  constructor(readonly draftId: string) {
    super(`no draft "${draftId}"`, { draftId });
  }
}

/** The draft is the person's, but for another party than the one they act for now. */
export class DraftOfOtherParty extends AppError {
  readonly code = 'applications.other_party';

  constructor(readonly draftId: string) {
    super(`draft "${draftId}" is for another party`, { draftId });
  }
}

/** The form has no page with this id. */
export class PageNotFound extends AppError {
  readonly code = 'applications.page_not_found';

  constructor(readonly pageId: string) {
    super(`no form page "${pageId}"`, { pageId });
  }
}

/** The draft changed since it was read (another tab saved first). */
export class DraftStale extends AppError {
  readonly code = 'applications.stale';

  constructor(readonly draftId: string) {
    super(`draft "${draftId}" changed meanwhile`, { draftId });
  }
}

/** An upload for a field that is no file question of the form. */
export class NotAFileQuestion extends AppError {
  readonly code = 'applications.not_a_file_question';

  constructor(readonly field: string | null) {
    super('not a file question', { field });
  }
}

export class FileEmpty extends AppError {
  readonly code = 'applications.file_empty';

  constructor(readonly field: string | null) {
    super('the file is empty', { field });
  }
}

/** Larger than the service's limit (the web page names the limit). */
export class FileTooLarge extends AppError {
  readonly code = 'applications.file_too_large';

  constructor(readonly field: string | null) {
    super('the file is too large', { field });
  }
}

/** Not a PDF, JPEG or PNG by its content. */
export class FileTypeRefused extends AppError {
  readonly code = 'applications.file_type';

  constructor(readonly field: string | null) {
    super('the file is of a type not accepted', { field });
  }
}

/** More files in one answer than `limit`. */
export class TooManyFiles extends AppError {
  readonly code = 'applications.too_many_files';

  constructor(readonly field: string, readonly limit: number) {
    super(`more than ${limit} files`, { field, limit });
  }
}

export class DeclarationRequired extends AppError {
  readonly code = 'applications.declaration_required';
  readonly field = 'declaration';

  constructor() {
    super('the declaration was not confirmed');
  }
}

/**
 * An application about a person for an automatic proactive service whose case the portal opened already from a
 * registry's record (ADR 0035): no second case is opened. The case's id and number only when it is the applicant's own.
 */
export class AppliedAlready extends AppError {
  readonly code = 'applications.applied_already';

  constructor(readonly own: { readonly caseId: string; readonly caseNumber: string } | null) {
    super('the portal opened a case of this service about this person already', { caseNumber: own?.caseNumber ?? null });
  }
}

/** Answers still missing or wrong on submission; `issues` lists them. */
export class AnswersIncomplete extends AppError {
  readonly code = 'applications.incomplete';

  constructor(readonly issues: readonly AnswerIssue[]) {
    super(`${issues.length} answer(s) missing or wrong`, { issues: issues.length });
  }
}

/** The party holds `limit` open drafts already. */
export class DraftQuotaReached extends AppError {
  readonly code = 'applications.quota_drafts';

  constructor(readonly limit: number) {
    super(`at most ${limit} open drafts`, { limit });
  }
}

/** The party's files in progress would pass `limit` megabytes. */
export class StorageQuotaReached extends AppError {
  readonly code = 'applications.quota_bytes';

  constructor(readonly field: string, readonly limit: number) {
    super(`files over ${limit} MB`, { field, limit });
  }
}

/** The portal's storage is full (see isStorageFull). */
export class StorageFull extends AppError {
  readonly code = 'applications.storage_full';

  constructor() {
    super('storage is full');
  }
}

/** Why one may not apply for a service now, for the party one acts for. */
/** Assisted filing: the staff member may not file on this channel for this service (their role, agency or centre). */
export class FilingNotAllowed extends AppError {
  readonly code = 'applications.filing_not_allowed';

  constructor(readonly serviceId: string, readonly channel: string) {
    super(`filing "${serviceId}" by ${channel} is not allowed for this staff member`, { serviceId, channel });
  }
}

/**
 * Assisted filing: what the staff member typed has problems — about the filing (who, basis, sender,
 * received day, scans), the service's own questions, or the files — each with its field.
 */
export class FilingIncomplete extends AppError {
  readonly code = 'applications.filing_incomplete';

  constructor(
    readonly problems: ReadonlyArray<{ readonly field: string; readonly code: string }>,
    readonly issues: readonly AnswerIssue[],
    readonly files: ReadonlyArray<{ readonly field: string; readonly refusal: UploadRefused }>,
  ) {
    super(`${problems.length + issues.length + files.length} problem(s) in the filing`, { problems: problems.map((p) => p.code), issues: issues.length, files: files.length });
  }
}

export type NotApplicable = ServiceNotFound | ServiceNotOnline | AudienceMismatch | ApplyingNotAllowed;
/** Why a draft is not the person's to use now. */
export type DraftUnavailable = DraftNotFound | DraftOfOtherParty | NotApplicable;
/** Why a file was refused by its content or size. */
export type UploadRefused = NotAFileQuestion | FileEmpty | FileTooLarge | FileTypeRefused;

/** Every failure of the applications module (for adapters that map them all). */
export type ApplicationError = DraftUnavailable | PageNotFound | DraftStale | UploadRefused | TooManyFiles | DeclarationRequired | AppliedAlready | AnswersIncomplete | DraftQuotaReached | StorageQuotaReached | StorageFull;

/** The refusal of `checkUpload`'s problem, for `field`. */
export function uploadRefused(problem: 'not-a-file-question' | 'file-empty' | 'file-too-large' | 'file-type', field: string | null): UploadRefused {
  switch (problem) {
    case 'not-a-file-question':
      return new NotAFileQuestion(field);
    case 'file-empty':
      return new FileEmpty(field);
    case 'file-too-large':
      return new FileTooLarge(field);
    case 'file-type':
      return new FileTypeRefused(field);
  }
}

/** A write that failed because storage is full: no space (ENOSPC), a disk quota (EDQUOT), or the database's disk full (53100). */
export function isStorageFull(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === '53100';
}

/** Runs a write; a full storage (see isStorageFull) is the failure `StorageFull` rather than a crash. */
export async function storageGuard<T, E>(write: () => Promise<Result<T, E>>): Promise<Result<T, E | StorageFull>> {
  try {
    return await write();
  } catch (e) {
    if (isStorageFull(e)) {
      return err(new StorageFull());
    }
    throw e;
  }
}
