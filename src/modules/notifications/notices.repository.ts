import type { Lang } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { Mandate, MandateScope } from '../identity/index.ts';
import type { CaseNoticeKind } from './case-notices.ts';
import type { NoticeParty, NoticePerson } from './recipients.ts';

/** What a notice needs of its case. */
export interface NoticeCase {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  readonly organisationId: string;
  readonly applicantPersonId: string;
  readonly party: NoticeParty;
}

export interface NewInboxMessage {
  readonly id: string;
  readonly personId: string;
  readonly party: NoticeParty;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly kind: CaseNoticeKind;
  readonly lang: Lang;
  readonly subject: string;
  readonly body: string;
  readonly documentId: string | null;
  readonly sourceKey: string;
  readonly createdAt: Date;
}

export interface InboxMessage {
  readonly id: string;
  readonly party: NoticeParty;
  /** Null for the answer to an appeal (then `appealId` names it, and `caseNumber` holds the appeal's number). */
  readonly caseId: string | null;
  readonly appealId: string | null;
  /** An offer or an automatic grant (ADR 0032): the item; `caseNumber` holds the case's number, or '' for an offer. */
  readonly proactiveId: string | null;
  readonly caseNumber: string;
  readonly kind: InboxKind;
  readonly lang: Lang;
  readonly subject: string;
  readonly body: string;
  readonly documentId: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
  readonly openedAt: Date | null;
  readonly downloadedAt: Date | null;
}

type PersonRow = {
  id: string; national_id: string | null; name: string; language: Lang | null; notice_channels: string[] | null;
  email: string | null; email_verified_at: Date | null; phone: string | null; phone_verified_at: Date | null;
  postal_address: { text?: unknown } | null;
};
type MandateRow = {
  id: string; grantor_kind: 'business' | 'person'; grantor_id: string; representative_national_id: string;
  scope_kind: MandateScope['kind']; scope_services: string[]; scope_thematic: string | null;
  valid_from: string; valid_until: string; granted_by: string; granted_at: Date; revoked_at: Date | null;
};
type InboxRow = {
  id: string; party_kind: NoticeParty['kind']; party_id: string | null; party_name: string; case_id: string | null; appeal_id: string | null; proactive_id: string | null; case_number: string;
  kind: InboxKind; lang: Lang; subject: string; body: string; document_id: string | null; created_at: Date;
  read_at: Date | null; opened_at: Date | null; downloaded_at: Date | null;
};

/** A person with their preferences and only their confirmed addresses. */
const PERSON_SELECT = `SELECT p.id, p.national_id, p.given_name || ' ' || p.family_name AS name, c.language, c.notice_channels,
  c.email, c.email_verified_at, c.phone, c.phone_verified_at, c.postal_address
  FROM persons p LEFT JOIN person_contacts c ON c.person_id = p.id`;

const toPerson = (r: PersonRow): NoticePerson => ({
  personId: r.id, nationalId: r.national_id, name: r.name, language: r.language ?? 'uk', noticeChannels: r.notice_channels ?? ['portal'],
  email: r.email_verified_at === null ? null : r.email, phone: r.phone_verified_at === null ? null : r.phone,
  postalAddress: typeof r.postal_address?.text === 'string' ? r.postal_address.text : null,
});

const toScope = (r: MandateRow): MandateScope =>
  r.scope_kind === 'all' ? { kind: 'all' } : r.scope_kind === 'services' ? { kind: 'services', serviceIds: r.scope_services } : { kind: 'thematic', thematicArea: r.scope_thematic ?? '' };

const toMandate = (r: MandateRow): Mandate => ({
  id: r.id, grantor: { kind: r.grantor_kind, id: r.grantor_id }, representativeNationalId: r.representative_national_id, scope: toScope(r),
  validFrom: r.valid_from, validUntil: r.valid_until, grantedBy: r.granted_by, grantedAt: r.granted_at, revokedAt: r.revoked_at,
});

const toInbox = (r: InboxRow): InboxMessage => ({
  id: r.id, party: { kind: r.party_kind, id: r.party_id, name: r.party_name }, caseId: r.case_id, appealId: r.appeal_id, proactiveId: r.proactive_id, caseNumber: r.case_number, kind: r.kind,
  lang: r.lang, subject: r.subject, body: r.body, documentId: r.document_id, createdAt: r.created_at, readAt: r.read_at,
  openedAt: r.opened_at, downloadedAt: r.downloaded_at,
});

const INBOX_COLUMNS = 'id, party_kind, party_id, party_name, case_id, appeal_id, proactive_id, case_number, kind, lang, subject, body, document_id, created_at, read_at, opened_at, downloaded_at';

/** What an inbox message is about: a case notice, or the answer to an appeal and its extension. */
export type InboxKind = CaseNoticeKind | 'appeal-answered' | 'appeal-extended' | 'proactive-offer' | 'proactive-automatic';

export interface NewAppealInboxMessage {
  readonly id: string;
  readonly personId: string;
  readonly personName: string;
  readonly appealId: string;
  readonly appealNumber: string;
  readonly kind: 'appeal-answered' | 'appeal-extended';
  readonly lang: Lang;
  readonly subject: string;
  readonly body: string;
  readonly sourceKey: string;
  readonly createdAt: Date;
}

export const noticesRepository = {
  /** The notice of an offer or an automatic grant in the person's own inbox (ADR 0032); false when written before. */
  async insertProactiveMessage(q: Queryable, m: { id: string; personId: string; proactiveId: string; caseNumber: string; kind: 'proactive-offer' | 'proactive-automatic'; lang: Lang; subject: string; body: string; sourceKey: string; createdAt: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO inbox_messages (id, person_id, party_kind, party_id, party_name, proactive_id, case_number, kind, lang, subject, body, source_key, created_at)
       SELECT $1, $2, 'self', NULL, p.given_name || ' ' || p.family_name, $3, $4, $5, $6, $7, $8, $9, $10 FROM persons p WHERE p.id = $2
       ON CONFLICT (source_key, person_id) DO NOTHING
       RETURNING id`,
      [m.id, m.personId, m.proactiveId, m.caseNumber, m.kind, m.lang, m.subject, m.body, m.sourceKey, m.createdAt],
    );
    return rows.length === 1;
  },

  /** The answer to an appeal (or its extension) in the person's own inbox; false when written before (same source key). */
  async insertAppealMessage(q: Queryable, m: NewAppealInboxMessage): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO inbox_messages (id, person_id, party_kind, party_id, party_name, appeal_id, case_number, kind, lang, subject, body, source_key, created_at)
       VALUES ($1, $2, 'self', NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (source_key, person_id) DO NOTHING
       RETURNING id`,
      [m.id, m.personId, m.personName, m.appealId, m.appealNumber, m.kind, m.lang, m.subject, m.body, m.sourceKey, m.createdAt],
    );
    return rows.length === 1;
  },

  async noticeCase(q: Queryable, caseId: string): Promise<NoticeCase | null> {
    const [r] = await q.query<{ id: string; number: string; service_id: string; organisation_id: string; applicant_person_id: string; party_kind: NoticeParty['kind']; party_id: string | null; party_name: string }>(
      'SELECT id, number, service_id, organisation_id, applicant_person_id, party_kind, party_id, party_name FROM cases WHERE id = $1',
      [caseId],
    );
    return r === undefined ? null : {
      id: r.id, number: r.number, serviceId: r.service_id, organisationId: r.organisation_id, applicantPersonId: r.applicant_person_id,
      party: { kind: r.party_kind, id: r.party_id, name: r.party_name },
    };
  },

  async person(q: Queryable, personId: string): Promise<NoticePerson | null> {
    const [r] = await q.query<PersonRow>(`${PERSON_SELECT} WHERE p.id = $1`, [personId]);
    return r === undefined ? null : toPerson(r);
  },

  /** The people the portal knows by these national ids. */
  async personsByNationalId(q: Queryable, nationalIds: readonly string[]): Promise<NoticePerson[]> {
    if (nationalIds.length === 0) {
      return [];
    }
    const rows = await q.query<PersonRow>(`${PERSON_SELECT} WHERE p.national_id = ANY($1::text[]) ORDER BY p.national_id`, [nationalIds]);
    return rows.map(toPerson);
  },

  /** The national ids of a business's directors, from the business register. */
  async directorsOf(q: Queryable, registryCode: string): Promise<string[]> {
    const rows = await q.query<{ national_id: string }>('SELECT national_id FROM business_directors WHERE registry_code = $1 ORDER BY national_id', [registryCode]);
    return rows.map((r) => r.national_id);
  },

  /** Every mandate a party granted (in force or not: the pure rule decides), oldest first. */
  async mandatesGrantedBy(q: Queryable, grantor: { kind: 'business' | 'person'; id: string }): Promise<Mandate[]> {
    const rows = await q.query<MandateRow>(
      `SELECT id, grantor_kind, grantor_id, representative_national_id, scope_kind, scope_services, scope_thematic,
         to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, granted_by, granted_at, revoked_at
       FROM mandates WHERE grantor_kind = $1 AND grantor_id = $2 AND representative_kind = 'person' ORDER BY granted_at, id`,
      [grantor.kind, grantor.id],
    );
    return rows.map(toMandate);
  },

  /** The latest valid decision document of a case, or null. */
  async latestDocument(q: Queryable, caseId: string): Promise<string | null> {
    const [r] = await q.query<{ id: string }>("SELECT id FROM documents WHERE case_id = $1 AND status = 'valid' ORDER BY issued_at DESC, number DESC LIMIT 1", [caseId]);
    return r?.id ?? null;
  },

  /** Writes a message once per source and person; answers whether it is new. */
  async insertMessage(q: Queryable, m: NewInboxMessage): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO inbox_messages (id, person_id, party_kind, party_id, party_name, case_id, case_number, kind, lang, subject, body, document_id, source_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (source_key, person_id) DO NOTHING
       RETURNING id`,
      [m.id, m.personId, m.party.kind, m.party.id, m.party.name, m.caseId, m.caseNumber, m.kind, m.lang, m.subject, m.body, m.documentId, m.sourceKey, m.createdAt],
    );
    return rows.length === 1;
  },

  /** A person's messages: unread first, then newest first. */
  async messagesOf(q: Queryable, personId: string, limit: number): Promise<InboxMessage[]> {
    const rows = await q.query<InboxRow>(
      `SELECT ${INBOX_COLUMNS} FROM inbox_messages WHERE person_id = $1 ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT $2`,
      [personId, limit],
    );
    return rows.map(toInbox);
  },

  async unreadCount(q: Queryable, personId: string): Promise<number> {
    const [r] = await q.query<{ n: number | string }>('SELECT count(*) AS n FROM inbox_messages WHERE person_id = $1 AND read_at IS NULL', [personId]);
    return Number(r?.n ?? 0);
  },

  /** Marks one of the person's messages read (and, for a decision notice, opened), the first time only; null when it is not theirs. */
  async open(q: Queryable, personId: string, id: string, at: Date): Promise<InboxMessage | null> {
    const [r] = await q.query<InboxRow>(
      `UPDATE inbox_messages SET read_at = COALESCE(read_at, $3), opened_at = CASE WHEN document_id IS NULL THEN NULL ELSE COALESCE(opened_at, $3) END
       WHERE id = $2 AND person_id = $1
       RETURNING ${INBOX_COLUMNS}`,
      [personId, id, at],
    );
    return r === undefined ? null : toInbox(r);
  },

  /** Records the first download of a decision by the person on every notice of it they got; answers how many. */
  async downloaded(q: Queryable, personId: string, documentId: string, at: Date): Promise<number> {
    const rows = await q.query('UPDATE inbox_messages SET downloaded_at = COALESCE(downloaded_at, $3) WHERE person_id = $1 AND document_id = $2 RETURNING id', [personId, documentId, at]);
    return rows.length;
  },
};
