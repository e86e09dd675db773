/** Drafts and attachments: types and pure rules of the application before it becomes a case. */
import type { CaseParty } from '../cases/index.ts';
import type { Answers, ApplicationForm } from '../forms/index.ts';
import type { AttachmentType } from './sniff.ts';

export interface Draft {
  readonly id: string;
  readonly serviceId: string;
  readonly personId: string;
  readonly party: CaseParty;
  readonly answers: Answers;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly expiresAt: Date;
  readonly version: number;
  readonly submittedCaseId: string | null;
}

export interface Attachment {
  readonly id: string;
  readonly field: string;
  readonly filename: string;
  readonly contentType: AttachmentType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: Date;
  readonly draftId: string | null;
  readonly caseId: string | null;
  /** The information request this file answers (null: a file of the application form). */
  readonly requestId: string | null;
  /** A PDF carrying JavaScript, an open action, additional actions or a launch action: the officer is warned. */
  readonly activeContent: boolean;
}

const DAY_MS = 86_400_000;

/** A draft is kept this long after its last change (the service's retention). */
export const expiryOf = (form: ApplicationForm, changedAt: Date): Date => new Date(changedAt.getTime() + form.draftRetentionDays * DAY_MS);

/** May this party apply for a service for this audience? A business applies for business services; a person for individual ones. */
export function audienceFits(audience: readonly string[], party: CaseParty['kind']): boolean {
  return party === 'business' ? audience.includes('business') : audience.includes('individual');
}

/** What is hashed on submission and printed on the receipt: the service version, the answers and the files' hashes. */
export function submissionContent(serviceId: string, serviceVersion: number, answers: Answers, files: ReadonlyArray<Pick<Attachment, 'field' | 'sha256'>>) {
  return { serviceId, serviceVersion, answers, files: [...files].sort((a, b) => (a.field < b.field ? -1 : 1)).map((f) => ({ field: f.field, sha256: f.sha256 })) };
}
