import type { Lang } from '../../kernel/text.ts';
import { isUuid } from '../../kernel/ids.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { CaseDocument } from './case.ts';

export interface NewDocument {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly number: string;
  readonly organisationId: string;
  readonly lang: Lang;
  readonly sha256: string;
  readonly sealKeyId: string;
  readonly sealPublicKey: string;
  readonly seal: string;
  readonly issuedAt: Date;
  readonly pdf: Uint8Array;
}

/** What the public verification page may know of a document: no content, no personal data. */
export interface DocumentFacts {
  readonly id: string;
  readonly kind: string;
  readonly number: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly sha256: string;
  readonly sealKeyId: string;
  readonly sealPublicKey: string;
  readonly seal: string;
  readonly issuedAt: Date;
  readonly status: 'valid' | 'revoked';
  readonly revokedAt: Date | null;
}

type FactsRow = { id: string; kind: string; number: string; case_number: string; organisation_id: string; sha256: string; seal_key_id: string; seal_public_key: string; seal: string; issued_at: Date; status: 'valid' | 'revoked'; revoked_at: Date | null };

export const issuedDocumentsRepository = {
  async insert(tx: Queryable, d: NewDocument): Promise<void> {
    await tx.query(
      `INSERT INTO documents (id, case_id, kind, number, organisation_id, lang, sha256, seal_key_id, seal_public_key, seal, issued_at, pdf)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [d.id, d.caseId, d.kind, d.number, d.organisationId, d.lang, d.sha256, d.sealKeyId, d.sealPublicKey, d.seal, d.issuedAt, d.pdf],
    );
  },

  async ofCase(db: Queryable, caseId: string): Promise<CaseDocument[]> {
    const rows = await db.query<{ id: string; kind: string; number: string; issued_at: Date; status: 'valid' | 'revoked'; sha256: string }>(
      'SELECT id, kind, number, issued_at, status, sha256 FROM documents WHERE case_id = $1 ORDER BY issued_at, number',
      [caseId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, issuedAt: r.issued_at, status: r.status, sha256: r.sha256 }));
  },

  async countOfCase(tx: Queryable, caseId: string): Promise<number> {
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE case_id = $1', [caseId]);
    return row?.n ?? 0;
  },

  async pdf(db: Queryable, id: string): Promise<{ caseId: string; number: string; pdf: Uint8Array } | null> {
    if (!isUuid(id)) {
      return null;
    }
    const rows = await db.query<{ case_id: string; number: string; pdf: Uint8Array }>('SELECT case_id, number, pdf FROM documents WHERE id = $1', [id]);
    const r = rows[0];
    return r ? { caseId: r.case_id, number: r.number, pdf: r.pdf } : null;
  },

  async facts(db: Queryable, id: string): Promise<DocumentFacts | null> {
    if (!isUuid(id)) {
      return null;
    }
    const rows = await db.query<FactsRow>(
      `SELECT d.id, d.kind, d.number, c.number AS case_number, d.organisation_id, d.sha256, d.seal_key_id, d.seal_public_key, d.seal,
              d.issued_at, d.status, d.revoked_at
       FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { id: r.id, kind: r.kind, number: r.number, caseNumber: r.case_number, organisationId: r.organisation_id, sha256: r.sha256, sealKeyId: r.seal_key_id, sealPublicKey: r.seal_public_key, seal: r.seal, issuedAt: r.issued_at, status: r.status, revokedAt: r.revoked_at }
      : null;
  },

  async revoke(tx: Queryable, id: string, at: Date): Promise<boolean> {
    const rows = await tx.query("UPDATE documents SET status = 'revoked', revoked_at = $2 WHERE id = $1 AND status = 'valid' RETURNING id", [id, at]);
    return rows.length === 1;
  },
};
