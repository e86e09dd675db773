import { isUuid } from '../../kernel/ids.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Answers } from '../forms/index.ts';
import type { Attachment, Draft } from './application.ts';
import { cleanFilename } from './sniff.ts';

type DraftRow = { id: string; service_id: string; person_id: string; party_kind: Draft['party']['kind']; party_id: string | null; party_name: string; answers: Answers; created_at: Date; updated_at: Date; expires_at: Date; version: number; submitted_case_id: string | null };
const toDraft = (r: DraftRow): Draft => ({
  id: r.id, serviceId: r.service_id, personId: r.person_id, party: { kind: r.party_kind, id: r.party_id, name: r.party_name },
  answers: r.answers, createdAt: r.created_at, updatedAt: r.updated_at, expiresAt: r.expires_at, version: r.version, submittedCaseId: r.submitted_case_id,
});

type AttachmentRow = {
  id: string; field: string; filename: string; content_type: Attachment['contentType']; size_bytes: number; sha256: string; created_at: Date; draft_id: string | null; case_id: string | null;
  information_request_id: string | null; active_content: boolean;
};
const toAttachment = (r: AttachmentRow): Attachment => ({
  // Names stored before they were made safe get the same treatment when read (type extension, no format characters).
  id: r.id, field: r.field, filename: cleanFilename(r.filename, r.content_type), contentType: r.content_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256, createdAt: r.created_at, draftId: r.draft_id, caseId: r.case_id,
  requestId: r.information_request_id, activeContent: r.active_content,
});
const shas = (rows: ReadonlyArray<{ sha256: string }>) => rows.map((r) => r.sha256);

/** A draft's columns (named, not `*`: the statement is prepared). */
const DRAFT_COLUMNS = 'd.id, d.service_id, d.person_id, d.party_kind, d.party_id, d.party_name, d.answers, d.created_at, d.updated_at, d.expires_at, d.version, d.submitted_case_id';
const CLAIM_FOR_CASE = prepared(
  `UPDATE drafts d SET submitted_case_id = $2, updated_at = $3, version = version + 1
   WHERE d.id = $1 AND d.submitted_case_id IS NULL
   RETURNING ${DRAFT_COLUMNS}, EXISTS (SELECT 1 FROM attachments a WHERE a.draft_id = d.id) AS has_files`,
);

const FOR_SUBMISSION = prepared(
  `SELECT ${DRAFT_COLUMNS}, EXISTS (SELECT 1 FROM attachments a WHERE a.draft_id = d.id) AS has_files FROM drafts d WHERE d.id = ANY($1::uuid[])`,
);

export const draftsRepository = {
  /** The answers of a new draft prefilled from registry services: which service and when it answered. */
  async insertPrefills(tx: Queryable, draftId: string, rows: ReadonlyArray<{ field: string; service: string; at: Date }>): Promise<void> {
    if (rows.length > 0) {
      await tx.query(
        'INSERT INTO draft_prefills (draft_id, field, service, fetched_at) SELECT $1, f, s, a FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS i(f, s, a)',
        [draftId, rows.map((r) => r.field), rows.map((r) => r.service), rows.map((r) => r.at)],
      );
    }
  },

  async prefillsOf(db: Queryable, draftId: string): Promise<Array<{ field: string; service: string; at: Date }>> {
    const rows = await db.query<{ field: string; service: string; fetched_at: Date }>('SELECT field, service, fetched_at FROM draft_prefills WHERE draft_id = $1 ORDER BY field', [draftId]);
    return rows.map((r) => ({ field: r.field, service: r.service, at: new Date(r.fetched_at) }));
  },

  async insert(tx: Queryable, d: Draft): Promise<void> {
    await tx.query(
      `INSERT INTO drafts (id, service_id, person_id, party_kind, party_id, party_name, answers, created_at, updated_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8, $9)`,
      [d.id, d.serviceId, d.personId, d.party.kind, d.party.id, d.party.name, JSON.stringify(d.answers), d.createdAt, d.expiresAt],
    );
  },

  async byId(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<Draft | null> {
    if (!isUuid(id)) {
      return null;
    }
    const rows = await db.query<DraftRow>(`SELECT * FROM drafts WHERE id = $1${options.lock === true ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toDraft(rows[0]) : null;
  },

  /** Drafts as a submission reads them first, and whether any file is attached to each: for each id asked (null: no such draft), in one statement. */
  async forSubmission(db: Queryable, ids: readonly string[]): Promise<Array<{ draft: Draft; hasFiles: boolean } | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await db.query<DraftRow & { has_files: boolean }>(FOR_SUBMISSION, [valid]);
    const byId = new Map(rows.map((row) => [String(row.id).toLowerCase(), { draft: toDraft(row), hasFiles: row.has_files }]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  },

  /** A person's unsubmitted drafts, the latest change first. */
  async ofPerson(db: Queryable, personId: string): Promise<Draft[]> {
    const rows = await db.query<DraftRow>('SELECT * FROM drafts WHERE person_id = $1 AND submitted_case_id IS NULL ORDER BY updated_at DESC LIMIT 200', [personId]);
    return rows.map(toDraft);
  },

  /** Saves answers if the draft is still at `version` (another tab may have saved meanwhile). */
  async saveAnswers(tx: Queryable, d: { id: string; version: number; answers: Answers; at: Date; expiresAt: Date }): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE drafts SET answers = $3::jsonb, updated_at = $4, expires_at = $5, version = version + 1
       WHERE id = $1 AND version = $2 AND submitted_case_id IS NULL RETURNING id`,
      [d.id, d.version, JSON.stringify(d.answers), d.at, d.expiresAt],
    );
    return rows.length === 1;
  },

  /**
   * Locks an unsubmitted draft and marks it submitted as the case `caseId`, in one statement; null when
   * there is no such draft or it was submitted already (a concurrent submission waits here for the
   * first one and then finds it submitted). `hasFiles`: whether any file is attached to it.
   */
  async claimForCase(tx: Queryable, id: string, caseId: string, at: Date): Promise<{ draft: Draft; hasFiles: boolean } | null> {
    if (!isUuid(id)) {
      return null;
    }
    const [row] = await tx.query<DraftRow & { has_files: boolean }>(CLAIM_FOR_CASE, [id, caseId, at]);
    return row === undefined ? null : { draft: toDraft(row), hasFiles: row.has_files };
  },

  /** Deletes a draft and its files; returns the files' hashes. */
  async delete(tx: Queryable, id: string): Promise<string[]> {
    const removed = await tx.query<{ sha256: string }>('DELETE FROM attachments WHERE draft_id = $1 AND case_id IS NULL RETURNING sha256', [id]);
    await tx.query('DELETE FROM drafts WHERE id = $1', [id]);
    return shas(removed);
  },

  /** Deletes drafts past their retention (and submitted drafts' leftovers); returns how many, and the hashes of the files deleted with them. */
  async purgeExpired(tx: Queryable, now: Date): Promise<{ drafts: number; removed: string[] }> {
    const removed = await tx.query<{ sha256: string }>(
      'DELETE FROM attachments WHERE case_id IS NULL AND draft_id IN (SELECT id FROM drafts WHERE expires_at < $1) RETURNING sha256',
      [now],
    );
    const rows = await tx.query<{ id: string }>('DELETE FROM drafts WHERE expires_at < $1 RETURNING id', [now]);
    // Contents no attachment refers to any more (a purged draft's files, replaced uploads) go too.
    await tx.query('DELETE FROM attachment_contents c WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = c.sha256)');
    return { drafts: rows.length, removed: shas(removed) };
  },

  async insertAttachment(tx: Queryable, a: Attachment & { personId: string }): Promise<void> {
    await tx.query(
      `INSERT INTO attachments (id, person_id, draft_id, case_id, information_request_id, field, filename, content_type, size_bytes, sha256, created_at, active_content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [a.id, a.personId, a.draftId, a.caseId, a.requestId, a.field, a.filename, a.contentType, a.sizeBytes, a.sha256, a.createdAt, a.activeContent],
    );
  },

  async attachmentsOfDraft(db: Queryable, draftId: string): Promise<Attachment[]> {
    const rows = await db.query<AttachmentRow>('SELECT * FROM attachments WHERE draft_id = $1 ORDER BY created_at', [draftId]);
    return rows.map(toAttachment);
  },

  async attachmentsOfCase(db: Queryable, caseId: string): Promise<Attachment[]> {
    const rows = await db.query<AttachmentRow>('SELECT * FROM attachments WHERE case_id = $1 ORDER BY created_at', [caseId]);
    return rows.map(toAttachment);
  },

  async attachment(db: Queryable, id: string): Promise<(Attachment & { personId: string }) | null> {
    if (!isUuid(id)) {
      return null;
    }
    const rows = await db.query<AttachmentRow & { person_id: string }>('SELECT * FROM attachments WHERE id = $1', [id]);
    return rows[0] ? { ...toAttachment(rows[0]), personId: rows[0].person_id } : null;
  },

  /** Removes a draft's attachments for a question, except `keep`; returns their hashes. */
  async removeDraftAttachments(tx: Queryable, draftId: string, field: string, keep: string | null): Promise<string[]> {
    const removed = await tx.query<{ sha256: string }>(
      'DELETE FROM attachments WHERE draft_id = $1 AND field = $2 AND case_id IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING sha256',
      [draftId, field, keep],
    );
    return shas(removed);
  },

  /** Moves the attachments the answers use to the case; the draft's other uploads are deleted (their hashes returned). */
  /** Moves the draft's `used` files to the case and deletes the rest, in one statement; returns the deleted files' hashes. */
  async moveToCase(tx: Queryable, draftId: string, caseId: string, used: readonly string[]): Promise<string[]> {
    return shas(await tx.query<{ sha256: string }>(
      `WITH moved AS (UPDATE attachments SET case_id = $2, draft_id = NULL WHERE draft_id = $1 AND id = ANY($3::uuid[]))
       DELETE FROM attachments WHERE draft_id = $1 AND case_id IS NULL AND NOT (id = ANY($3::uuid[])) RETURNING sha256`,
      [draftId, caseId, used],
    ));
  },
};
