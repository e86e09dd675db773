import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import { newId, sha256Hex } from '../../platform/security/tokens.ts';
import { type AnswerFailure, type CaseChannel, type CaseRecord, caseRolesFor, recordCaseRead } from '../cases/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { inflateBounded } from './adapters/inflate.ts';
import { type Attachment, expiryOf } from './application.ts';
import {
  DraftNotFound, type DraftUnavailable, isStorageFull, StorageFull, StorageQuotaReached, TooManyFiles, type UploadRefused, uploadRefused,
} from './applications.errors.ts';
import { type AttachmentStore, contentsRepository } from './attachment-contents.repository.ts';
import { draftsRepository } from './drafts.repository.ts';
import type { Access, DraftsDeps, Upload } from './drafts.service.ts';
import { pdfActiveContent } from './pdf-active-content.ts';
import { type QuotaParty, quotasRepository } from './quotas.repository.ts';
import { type AttachmentType, checkUpload, cleanFilename } from './sniff.ts';

/** How many files one answer to an information request may carry. */
export const MAX_ANSWER_FILES = 5;
/** The size limit of a file answering a request when the case's service names none. */
const DEFAULT_ANSWER_MB = 10;
const MB = 1024 * 1024;

/** Why an answer with files was refused: the case's reasons, or the files'. */
export type AnswerFilesFailure = AnswerFailure<StorageQuotaReached> | TooManyFiles | UploadRefused | StorageFull;

const quotaPartyOf = (signedIn: SignedIn): QuotaParty => {
  const { party } = signedIn.actor.acting;
  return party.kind === 'self' ? { personId: signedIn.person.id, kind: 'self', id: null } : { personId: signedIn.person.id, kind: party.kind, id: party.id };
};

/**
 * Deletes the contents of these hashes that no attachment refers to any more, each under its lock
 * (an upload of the same bytes in flight holds it from writing the content to committing its row).
 * After a failure this is best effort: whatever it leaves is unreferenced and named by its hash.
 */
export async function releaseContents(db: Database, store: AttachmentStore, hashes: readonly string[]): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    await db.transaction(async (tx) => {
      await contentsRepository.lock(tx, sha256);
      if (!(await contentsRepository.referenced(tx, sha256))) {
        await store.remove(tx, sha256);
      }
    });
  }
}

/** A checked upload made into an attachment (name with the type's extension, PDF active content flagged). */
function attachmentOf(upload: Upload, type: AttachmentType, at: Date, place: Pick<Attachment, 'draftId' | 'caseId' | 'requestId'>): Attachment {
  return {
    id: newId(), field: upload.field, filename: cleanFilename(upload.filename, type), contentType: type, sizeBytes: upload.bytes.length,
    sha256: sha256Hex(upload.bytes), createdAt: at, ...place, activeContent: type === 'application/pdf' && pdfActiveContent(upload.bytes, inflateBounded),
  };
}

/** Uploads to drafts, files answering information requests, removal and reading of contents. */
export function files(deps: DraftsDeps, a: Access) {
  const h = helpers(deps);
  return { ...draftFiles(deps, a, h), ...answerFiles(deps, h) };
}

type Helpers = ReturnType<typeof helpers>;

function helpers(deps: DraftsDeps) {
  const { db, store, quotas } = deps;
  const release = (hashes: readonly string[]) => releaseContents(db, store, hashes);

  /** Within the party's lock: refuses when the new bytes would pass the quota (`replacing` bytes go at the same time). */
  async function withinQuota(tx: Queryable, party: QuotaParty, adding: number, replacing: number, field: string): Promise<StorageQuotaReached | null> {
    await quotasRepository.lock(tx, party);
    const held = await quotasRepository.storedBytes(tx, party);
    return held - replacing + adding > quotas.storedMb * MB ? new StorageQuotaReached(field, quotas.storedMb) : null;
  }

  async function store1(tx: Queryable, attachment: Attachment, bytes: Uint8Array, personId: string): Promise<void> {
    await contentsRepository.lock(tx, attachment.sha256);
    await store.put(tx, attachment.sha256, bytes);
    await draftsRepository.insertAttachment(tx, { ...attachment, personId });
  }

  /** Runs a write that stores contents; a full storage is a refusal, with what was written of it removed. */
  async function storing<T, E>(hashes: readonly string[], write: () => Promise<Result<T, E>>): Promise<Result<T, E | StorageFull>> {
    try {
      return await write();
    } catch (e) {
      if (!isStorageFull(e)) {
        throw e;
      }
      await release(hashes).catch(() => undefined);
      return err(new StorageFull());
    }
  }

  async function answerLimitMb(caseId: string): Promise<number> {
    const c = await deps.cases.byId(db, caseId);
    const form = c === null ? undefined : (await deps.catalogue.service(c.serviceId)).value?.form;
    return form?.maxAttachmentMb ?? DEFAULT_ANSWER_MB;
  }

  return { release, withinQuota, store1, storing, answerLimitMb };
}

function draftFiles(deps: DraftsDeps, a: Access, h: Helpers) {
  const { db, clock } = deps;
  const { auditOf, own } = a;
  const { release, withinQuota, store1, storing } = h;
  return {
    /**
     * Stores an upload for a file question, checked by content (PDF, JPEG, PNG), the service's size
     * limit and the party's quota; it replaces the question's earlier file (whose content goes when
     * nothing else refers to it).
     */
    async upload(signedIn: SignedIn, draftId: string, upload: Upload): Promise<Result<Attachment, DraftUnavailable | UploadRefused | StorageQuotaReached | StorageFull>> {
      const loaded = await own(signedIn, draftId);
      if (!loaded.ok) {
        return loaded;
      }
      const { draft, form } = loaded.value;
      const type = checkUpload(form, upload.field, upload.bytes, upload.truncated === true);
      if (typeof type !== 'string') {
        return err(uploadRefused(type.problem, upload.field));
      }
      const now = clock.now();
      const attachment = attachmentOf(upload, type, now, { draftId: draft.id, caseId: null, requestId: null });
      let removed: string[] = [];
      const saved = await storing([attachment.sha256], () => resultTransaction(db, async (tx): Promise<Result<Attachment, DraftNotFound | StorageQuotaReached>> => {
        const current = await draftsRepository.byId(tx, draft.id, { lock: true });
        if (current === null || current.submittedCaseId !== null) {
          return err(new DraftNotFound(draft.id));
        }
        const replacing = (await draftsRepository.attachmentsOfDraft(tx, draft.id)).filter((f) => f.field === upload.field).reduce((n, f) => n + f.sizeBytes, 0);
        const over = await withinQuota(tx, quotaPartyOf(signedIn), attachment.sizeBytes, replacing, upload.field);
        if (over !== null) {
          return err(over);
        }
        await store1(tx, attachment, upload.bytes, signedIn.person.id);
        removed = await draftsRepository.removeDraftAttachments(tx, draft.id, upload.field, attachment.id);
        await draftsRepository.saveAnswers(tx, { id: draft.id, version: current.version, answers: { ...current.answers, [upload.field]: attachment.id }, at: now, expiresAt: expiryOf(form, now) });
        await appendAudit(tx, auditOf(signedIn, 'application.attach', `draft:${draft.id}`, { field: upload.field, sha256: attachment.sha256, size: attachment.sizeBytes, type, activeContent: attachment.activeContent }));
        return ok(attachment);
      }));
      await release(removed.filter((h) => h !== attachment.sha256));
      return saved;
    },

    /** Removes the file of a question from a draft. */
    async removeFile(signedIn: SignedIn, draftId: string, field: string): Promise<Result<null, DraftUnavailable>> {
      const loaded = await own(signedIn, draftId);
      if (!loaded.ok) {
        return loaded;
      }
      const { draft, form } = loaded.value;
      const now = clock.now();
      const removed = await db.transaction(async (tx) => {
        const current = await draftsRepository.byId(tx, draft.id, { lock: true });
        if (current === null) {
          return [];
        }
        const answers = { ...current.answers };
        delete answers[field];
        const hashes = await draftsRepository.removeDraftAttachments(tx, draft.id, field, null);
        await draftsRepository.saveAnswers(tx, { id: draft.id, version: current.version, answers, at: now, expiresAt: expiryOf(form, now) });
        return hashes;
      });
      await release(removed);
      return ok(null);
    },
  };
}

function answerFiles(deps: DraftsDeps, h: Helpers) {
  const { db, clock, store } = deps;
  const { withinQuota, store1, storing, answerLimitMb } = h;
  /** An attachment of the case (of a draft: `caseId` null) and its content, when `may` allows. */
  const contentOf = async (attachmentId: string, caseId: string | null, may: (a: Attachment & { personId: string }) => Promise<boolean>): Promise<{ attachment: Attachment; bytes: Uint8Array } | null> => {
    const attachment = await draftsRepository.attachment(db, attachmentId);
    if (attachment === null || (caseId === null ? attachment.draftId === null : attachment.caseId !== caseId) || !(await may(attachment))) {
      return null;
    }
    const bytes = await store.get(db, attachment.sha256);
    return bytes === null ? null : { attachment, bytes };
  };
  return {
    /**
     * Answers the open information request of a case with text and files (at most MAX_ANSWER_FILES),
     * each checked like an upload (content type, the service's size limit, the party's quota, its
     * name); the files become the case's, linked to the request, in the answer's transaction.
     */
    async answer(signedIn: SignedIn, caseId: string, text: string, uploads: readonly Upload[], channel: CaseChannel = 'web'): Promise<Result<CaseRecord, AnswerFilesFailure>> {
      if (uploads.length > MAX_ANSWER_FILES) {
        return err(new TooManyFiles('files', MAX_ANSWER_FILES));
      }
      const limits = { maxAttachmentMb: await answerLimitMb(caseId) };
      const checked: Array<{ upload: Upload; type: AttachmentType }> = [];
      for (const upload of uploads) {
        const type = checkUpload({ ...limits, pages: [] }, null, upload.bytes, upload.truncated === true);
        if (typeof type !== 'string') {
          return err(uploadRefused(type.problem, 'files'));
        }
        checked.push({ upload, type });
      }
      const now = clock.now();
      const hashes = checked.map(({ upload }) => sha256Hex(upload.bytes));
      const answered = await storing(hashes, () => deps.cases.answer<StorageQuotaReached>(signedIn, caseId, text, channel, async (tx, c, requestId) => {
        const made = checked.map(({ upload, type }) => ({ attachment: attachmentOf(upload, type, now, { draftId: null, caseId: c.id, requestId }), bytes: upload.bytes }));
        const over = await withinQuota(tx, quotaPartyOf(signedIn), made.reduce((n, m) => n + m.bytes.length, 0), 0, 'files');
        if (over !== null) {
          return over;
        }
        for (const m of made) {
          await store1(tx, m.attachment, m.bytes, signedIn.person.id);
        }
        return null;
      }));
      if (!answered.ok) {
        // The answer rolled back: contents it stored (outside the database, say) that nothing refers to go.
        await h.release(hashes);
      }
      return answered;
    },

    /** The size limit of one file answering a request of this case, in MB (its service's; asked before the body is read). */
    answerLimitMb,

    /** The same in bytes, for reading the upload stream. */
    answerLimitBytes: async (caseId: string): Promise<number> => (await answerLimitMb(caseId)) * MB,

    attachmentsOfCase: (caseId: string) => draftsRepository.attachmentsOfCase(db, caseId),

    /** A file of a draft, for the person who uploaded it. */
    draftFile: (signedIn: SignedIn, attachmentId: string) =>
      contentOf(attachmentId, null, async (a) => a.personId === signedIn.person.id),

    /** A file of a case, for whoever may see the case on the applicant's side (the party acting now, within a mandate's scope). */
    caseFileForApplicant: (signedIn: SignedIn, caseId: string, attachmentId: string) =>
      contentOf(attachmentId, caseId, async () => (await deps.cases.forApplicant(signedIn, caseId)) !== null),

    /** A file of a case, for an officer holding a case role in the case's agency. */
    caseFileForOfficer: async (signedIn: SignedIn, caseId: string, attachmentId: string) => {
      const c = await deps.cases.byId(db, caseId);
      const found = c !== null && caseRolesFor(signedIn.actor, c.organisationId).length > 0 ? await contentOf(attachmentId, caseId, async () => true) : null;
      if (c !== null && found !== null) {
        await recordCaseRead({ db, clock }, signedIn, c, 'attachment'); // an access record of its parties' data
      }
      return found;
    },
  };
}
