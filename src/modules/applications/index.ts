/** The applications module's public surface: drafts on the server, attachments, submission. */
export type { Attachment, Draft } from './application.ts';
export {
  AnswersIncomplete, type ApplicationError, ApplyingNotAllowed, AudienceMismatch, DeclarationRequired, DraftNotFound, DraftOfOtherParty, DraftQuotaReached, DraftStale,
  type DraftUnavailable, FileEmpty, FileTooLarge, FileTypeRefused, NotAFileQuestion, type NotApplicable, PageNotFound, ServiceNotFound, ServiceNotOnline, StorageFull,
  StorageQuotaReached, TooManyFiles, type UploadRefused,
} from './applications.errors.ts';
export type { AnswerFilesFailure } from './attachments.service.ts';
export { type AttachmentStore, databaseAttachmentStore } from './attachment-contents.repository.ts';
export { directoryAttachmentStore } from './adapters/directory.store.ts';
export { createDraftsService, type DraftsService, type DraftView, type SubmitFailure, type Upload } from './drafts.service.ts';
export { MAX_ANSWER_FILES } from './attachments.service.ts';
export { ATTACHMENT_TYPES, type AttachmentType, sniffType } from './sniff.ts';
export type { Cabinet, CabinetDraft, CabinetParty } from './cabinet.service.ts';
export { FilingIncomplete, FilingNotAllowed } from './applications.errors.ts';
export { ASSISTED_BASES, type AssistedBasis, type AssistedFiling, BASES_OF, type FilingProblemCode, MAX_ADDRESS, MAX_NAME, MAX_RECEIVED_AGE_DAYS, MAX_SCANS, MAX_SENDER } from './assisted-filing.ts';
export { type AssistedFilingService, createAssistedFilingService, type FileAssisted, type FileAssistedFailure, SCANS_FIELD } from './assisted-filing.service.ts';
export type { AssistedFilingRecord } from './assisted-filings.repository.ts';
