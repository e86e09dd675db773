import type { Lang } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { CaseNoticeKind } from './case-notices.ts';

/** What a letter tells: a case notice, or the answer to an appeal (or its extension). */
export type LetterKind = CaseNoticeKind | 'appeal-answered' | 'appeal-extended';

/** A notice sent by post, as stored: what the printed letter says. */
export interface Letter {
  readonly id: string;
  /** Null for a letter to someone the portal has no record of (the author of an appeal by post or at the desk). */
  readonly personId: string | null;
  /** The case a case notice is about; null for a letter about an appeal. */
  readonly caseId: string | null;
  /** The appeal the letter answers; null for a case notice. */
  readonly appealId: string | null;
  /** The case's number, or the appeal's. */
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly organisationName: { readonly uk: string; readonly en: string };
  readonly lang: Lang;
  readonly kind: LetterKind;
  readonly subject: string;
  readonly body: string;
  readonly address: string;
  /** The decision enclosed with the letter (printed after it), when one is. */
  readonly documentId: string | null;
  readonly createdAt: Date;
  readonly dispatchedAt: Date | null;
  /** The party a case notice's case is for when that is not the applicant (a company, a child), named in the letter by the case. */
  readonly caseParty: { readonly kind: 'business' | 'person'; readonly id: string } | null;
}

export interface NewLetter {
  readonly id: string;
  readonly personId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly lang: Lang;
  readonly kind: CaseNoticeKind;
  readonly subject: string;
  readonly body: string;
  readonly address: string;
  readonly sourceKey: string;
  readonly createdAt: Date;
  /** The decision to enclose. */
  readonly documentId?: string | null;
}

/** The answer to an appeal by post: to the person, or to a name and address alone. */
export interface NewAppealLetter {
  readonly id: string;
  readonly personId: string | null;
  readonly appealId: string;
  readonly appealNumber: string;
  readonly organisationId: string;
  readonly lang: Lang;
  readonly kind: 'appeal-answered' | 'appeal-extended';
  readonly subject: string;
  readonly body: string;
  readonly address: string;
  readonly sourceKey: string;
  readonly createdAt: Date;
}

type Row = {
  id: string; person_id: string | null; case_id: string | null; appeal_id: string | null; case_number: string; organisation_id: string; name_uk: string | null; name_en: string | null;
  lang: Lang; kind: LetterKind; subject: string; body: string; address: string; document_id: string | null; created_at: Date; dispatched_at: Date | null;
  party_kind: string | null; party_id: string | null;
};

const SELECT = `SELECT l.id, l.person_id, l.case_id, l.appeal_id, l.case_number, l.organisation_id, o.name_uk, o.name_en, l.lang, l.kind, l.subject, l.body,
  l.address, l.document_id, l.created_at, l.dispatched_at, c.party_kind, c.party_id
  FROM letters l LEFT JOIN organisations o ON o.id = l.organisation_id LEFT JOIN cases c ON c.id = l.case_id
  WHERE l.organisation_id = ANY($1::text[])`;

const toLetter = (r: Row): Letter => ({
  id: r.id, personId: r.person_id, caseId: r.case_id, appealId: r.appeal_id, caseNumber: r.case_number, organisationId: r.organisation_id,
  organisationName: { uk: r.name_uk ?? r.organisation_id, en: r.name_en ?? r.organisation_id },
  lang: r.lang, kind: r.kind, subject: r.subject, body: r.body, address: r.address, documentId: r.document_id, createdAt: r.created_at, dispatchedAt: r.dispatched_at,
  caseParty: (r.party_kind === 'business' || r.party_kind === 'person') && r.party_id !== null ? { kind: r.party_kind, id: r.party_id } : null,
});

/** Letters: written once per source message and person; read and dispatched by the staff of the case's agency. */
export const lettersRepository = {
  /** Answers whether the letter is new (false when this source already wrote one to this person). */
  async insert(q: Queryable, l: NewLetter): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO letters (id, person_id, case_id, case_number, organisation_id, lang, kind, subject, body, address, source_key, created_at, document_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (source_key, person_id) DO NOTHING
       RETURNING id`,
      [l.id, l.personId, l.caseId, l.caseNumber, l.organisationId, l.lang, l.kind, l.subject, l.body, l.address, l.sourceKey, l.createdAt, l.documentId ?? null],
    );
    return rows.length === 1;
  },

  /** The answer to an appeal (or its extension) by post, once per source message; false when written before. */
  async insertForAppeal(q: Queryable, l: NewAppealLetter): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO letters (id, person_id, appeal_id, case_number, organisation_id, lang, kind, subject, body, address, source_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (source_key) WHERE appeal_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [l.id, l.personId, l.appealId, l.appealNumber, l.organisationId, l.lang, l.kind, l.subject, l.body, l.address, l.sourceKey, l.createdAt],
    );
    return rows.length === 1;
  },

  /** The letters of these agencies not dispatched yet, oldest first; `range` narrows them to the letters written in it. */
  async undispatched(q: Queryable, organisationIds: readonly string[], limit: number, range: { from: Date; to: Date } | null = null): Promise<Letter[]> {
    const rows = range === null
      ? await q.query<Row>(`${SELECT} AND l.dispatched_at IS NULL ORDER BY l.created_at, l.id LIMIT $2`, [organisationIds, limit])
      : await q.query<Row>(`${SELECT} AND l.dispatched_at IS NULL AND l.created_at >= $3 AND l.created_at < $4 ORDER BY l.created_at, l.id LIMIT $2`, [organisationIds, limit, range.from, range.to]);
    return rows.map(toLetter);
  },

  async one(q: Queryable, organisationIds: readonly string[], id: string): Promise<Letter | null> {
    const [r] = await q.query<Row>(`${SELECT} AND l.id = $2`, [organisationIds, id]);
    return r === undefined ? null : toLetter(r);
  },

  /** The sealed PDFs of the decisions enclosed with letters, by document id. */
  async enclosures(q: Queryable, documentIds: readonly string[]): Promise<Map<string, Uint8Array>> {
    if (documentIds.length === 0) {
      return new Map();
    }
    const rows = await q.query<{ id: string; pdf: Uint8Array }>('SELECT id, pdf FROM documents WHERE id = ANY($1::uuid[])', [documentIds]);
    return new Map(rows.map((r) => [r.id, r.pdf]));
  },

  /** Marks a letter dispatched, the first time only; null when it is not one of these agencies' or was dispatched already. */
  async dispatch(q: Queryable, organisationIds: readonly string[], id: string, by: string, at: Date): Promise<Letter | null> {
    const [r] = await q.query<{ id: string }>(
      'UPDATE letters SET dispatched_at = $4, dispatched_by = $3 WHERE id = $2 AND organisation_id = ANY($1::text[]) AND dispatched_at IS NULL RETURNING id',
      [organisationIds, id, by, at],
    );
    return r === undefined ? null : lettersRepository.one(q, organisationIds, r.id);
  },
};
