import type { Queryable } from '../../platform/db/database.ts';
import type { AwaitingCollection, Collection, CollectionStatus, Handover, IdDocumentType, Recipient } from './collection.ts';

type Row = {
  id: string; case_id: string; case_number: string; organisation_id: string; centre_id: string; status: CollectionStatus; collect_by: string | null;
  ready_at: Date; ready_by: string; handed_at: Date | null; handed_by: string | null; handed_by_name: string | null; recipient: Recipient | null;
  representative_name: string | null; representative_basis: string | null; id_document_type: IdDocumentType | null; id_document_last4: string | null; cancelled_at: Date | null;
};

const toCollection = (r: Row): Collection => ({
  id: r.id, caseId: r.case_id, caseNumber: r.case_number, organisationId: r.organisation_id, centreId: r.centre_id, status: r.status, collectBy: r.collect_by,
  readyAt: r.ready_at, readyBy: r.ready_by, handedAt: r.handed_at, handedBy: r.handed_by, handedByName: r.handed_by_name, recipient: r.recipient,
  representativeName: r.representative_name, representativeBasis: r.representative_basis, idDocumentType: r.id_document_type, idDocumentLast4: r.id_document_last4,
  cancelledAt: r.cancelled_at,
});

const SELECT = `SELECT k.id, k.case_id, k.case_number, k.organisation_id, k.centre_id, k.status, k.collect_by::text AS collect_by, k.ready_at, k.ready_by,
  k.handed_at, k.handed_by, CASE WHEN h.id IS NULL THEN NULL ELSE h.given_name || ' ' || h.family_name END AS handed_by_name, k.recipient,
  k.representative_name, k.representative_basis, k.id_document_type, k.id_document_last4, k.cancelled_at
  FROM collections k LEFT JOIN persons h ON h.id = k.handed_by`;

export interface NewCollection {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly centreId: string;
  readonly collectBy: string | null;
  readonly at: Date;
  readonly by: string;
  readonly role: string;
  readonly channel: 'web' | 'in-person';
}

export const collectionsRepository = {
  /** Inserts a ready collection; false when the case has one ready or collected already (the partial unique index). */
  async insert(tx: Queryable, c: NewCollection): Promise<boolean> {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO collections (id, case_id, case_number, organisation_id, centre_id, status, collect_by, ready_at, ready_by, ready_role, ready_channel)
       VALUES ($1, $2, $3, $4, $5, 'ready', $6, $7, $8, $9, $10)
       ON CONFLICT (case_id) WHERE status <> 'cancelled' DO NOTHING RETURNING id`,
      [c.id, c.caseId, c.caseNumber, c.organisationId, c.centreId, c.collectBy, c.at, c.by, c.role, c.channel],
    );
    return rows.length === 1;
  },

  async byId(db: Queryable, id: string): Promise<Collection | null> {
    const rows = await db.query<Row>(`${SELECT} WHERE k.id = $1`, [id]);
    return rows[0] === undefined ? null : toCollection(rows[0]);
  },

  /** The case's collection that is ready or collected (a cancelled one is history), if any. */
  async currentOfCase(db: Queryable, caseId: string): Promise<Collection | null> {
    const rows = await db.query<Row>(`${SELECT} WHERE k.case_id = $1 AND k.status <> 'cancelled'`, [caseId]);
    return rows[0] === undefined ? null : toCollection(rows[0]);
  },

  /** Results awaiting collection at a centre, oldest first; `search` matches the case number's tail or the applicant's or party's name. */
  async awaiting(db: Queryable, centreId: string, search: string, limit: number): Promise<AwaitingCollection[]> {
    const pattern = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const rows = await db.query<Row & { applicant_name: string; applicant_person_id: string; party_name: string; party_kind: 'self' | 'business' | 'person'; party_id: string | null; service_id: string }>(
      `${SELECT.replace('FROM collections k', ', c.applicant_name, c.applicant_person_id, c.party_name, c.party_kind, c.party_id, c.service_id FROM collections k JOIN cases c ON c.id = k.case_id')}
       WHERE k.centre_id = $1 AND k.status = 'ready'
         AND ($2 = '' OR k.case_number ILIKE $3 OR c.applicant_name ILIKE $3 OR c.party_name ILIKE $3)
       ORDER BY k.ready_at LIMIT $4`,
      [centreId, search, pattern, limit],
    );
    return rows.map((r) => ({
      ...toCollection(r), applicantName: r.applicant_name, applicantPersonId: r.applicant_person_id, partyName: r.party_name, partyKind: r.party_kind, partyId: r.party_id, serviceId: r.service_id,
    }));
  },

  /** Records the handover of a ready collection: the one conditional UPDATE that lets only one of two parallel handovers through. */
  async handOver(tx: Queryable, o: { id: string; centreId: string; at: Date; by: string; handover: Handover }): Promise<boolean> {
    const h = o.handover;
    const rows = await tx.query<{ id: string }>(
      `UPDATE collections SET status = 'collected', handed_at = $3, handed_by = $4, recipient = $5, representative_name = $6, representative_basis = $7,
         id_document_type = $8, id_document_last4 = $9
       WHERE id = $1 AND centre_id = $2 AND status = 'ready' RETURNING id`,
      [o.id, o.centreId, o.at, o.by, h.recipient, h.representative?.name ?? null, h.representative?.basis ?? null, h.idDocumentType, h.idDocumentLast4],
    );
    return rows.length === 1;
  },

  /**
   * Claims results still awaiting collection, made ready before `readyBefore`, not reminded of yet and
   * whose last day (if any) is not past: oldest first, locked for this transaction, skipping those
   * another process holds. The caller marks the due ones with `markReminded` in the same transaction.
   */
  async claimUnreminded(tx: Queryable, o: { readyBefore: Date; today: string; limit: number }): Promise<Collection[]> {
    const rows = await tx.query<Row>(
      `${SELECT} WHERE k.id IN (
         SELECT id FROM collections
         WHERE status = 'ready' AND reminded_at IS NULL AND ready_at < $1 AND (collect_by IS NULL OR collect_by >= $2::date)
         ORDER BY ready_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       ORDER BY k.ready_at, k.id`,
      [o.readyBefore, o.today, o.limit],
    );
    return rows.map(toCollection);
  },

  /** Marks claimed collections reminded (only those still ready and not reminded: nothing twice). */
  async markReminded(tx: Queryable, ids: readonly string[], at: Date): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      "UPDATE collections SET reminded_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'ready' AND reminded_at IS NULL RETURNING id",
      [ids, at],
    );
    return rows.map((r) => r.id);
  },

  /** Cancels a ready collection (a wrong centre, say); false when it is not ready any more. */
  async cancel(tx: Queryable, o: { id: string; at: Date; by: string; reason: string | null }): Promise<boolean> {
    const rows = await tx.query<{ id: string }>(
      `UPDATE collections SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4 WHERE id = $1 AND status = 'ready' RETURNING id`,
      [o.id, o.at, o.by, o.reason],
    );
    return rows.length === 1;
  },
};
