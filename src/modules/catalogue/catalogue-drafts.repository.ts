import type { Queryable } from '../../platform/db/database.ts';
import type { ServiceRecord } from './catalogue-record.schemas.ts';

/** A saved draft of a service (never rewritten) and its publication, once published. */
export interface CatalogueDraft {
  readonly serviceId: string;
  readonly number: number;
  readonly organisationId: string;
  readonly baseVersion: number;
  readonly record: ServiceRecord;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly authorName: string;
  readonly published: { readonly at: Date; readonly by: string; readonly name: string; readonly version: number } | null;
}

/** A published version of a service from the catalogue's history. */
export interface PublishedVersion {
  readonly version: number;
  readonly record: ServiceRecord;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

type DraftRow = {
  service_id: string;
  number: number;
  organisation_id: string;
  base_version: number;
  data: ServiceRecord;
  created_at: Date;
  created_by: string;
  author_name: string;
  published_at: Date | null;
  published_by: string | null;
  publisher_name: string | null;
  published_version: number | null;
};

const toDraft = (r: DraftRow): CatalogueDraft => ({
  serviceId: r.service_id,
  number: r.number,
  organisationId: r.organisation_id,
  baseVersion: r.base_version,
  record: r.data,
  createdAt: r.created_at,
  createdBy: r.created_by,
  authorName: r.author_name,
  published: r.published_at === null || r.published_by === null || r.published_version === null
    ? null
    : { at: r.published_at, by: r.published_by, name: r.publisher_name ?? '', version: r.published_version },
});

export const catalogueDrafts = {
  /** Appends a draft with the next number of its service; the service's row is locked so numbers never collide. */
  async insert(tx: Queryable, d: Omit<CatalogueDraft, 'number' | 'published'>): Promise<number> {
    await tx.query('SELECT id FROM services WHERE id = $1 FOR UPDATE', [d.serviceId]);
    const [row] = await tx.query<{ number: number }>(
      `INSERT INTO catalogue_drafts (service_id, number, organisation_id, base_version, data, created_at, created_by, author_name)
       SELECT $1, COALESCE(max(number), 0) + 1, $2, $3, $4::jsonb, $5, $6, $7 FROM catalogue_drafts WHERE service_id = $1
       RETURNING number`,
      [d.serviceId, d.organisationId, d.baseVersion, JSON.stringify(d.record), d.createdAt, d.createdBy, d.authorName],
    );
    if (!row) {
      throw new Error('no draft number');
    }
    return row.number;
  },

  async get(q: Queryable, serviceId: string, number: number, lock = false): Promise<CatalogueDraft | null> {
    const [row] = await q.query<DraftRow>(
      `SELECT * FROM catalogue_drafts WHERE service_id = $1 AND number = $2${lock ? ' FOR UPDATE' : ''}`,
      [serviceId, number],
    );
    return row ? toDraft(row) : null;
  },

  async ofService(q: Queryable, serviceId: string): Promise<CatalogueDraft[]> {
    const rows = await q.query<DraftRow>('SELECT * FROM catalogue_drafts WHERE service_id = $1 ORDER BY number DESC', [serviceId]);
    return rows.map(toDraft);
  },

  async markPublished(tx: Queryable, serviceId: string, number: number, p: { at: Date; by: string; name: string; version: number }): Promise<void> {
    await tx.query(
      `UPDATE catalogue_drafts SET published_at = $3, published_by = $4, publisher_name = $5, published_version = $6
       WHERE service_id = $1 AND number = $2 AND published_at IS NULL`,
      [serviceId, number, p.at, p.by, p.name, p.version],
    );
  },

  async publishedVersions(q: Queryable, serviceId: string): Promise<PublishedVersion[]> {
    const rows = await q.query<{ version: number; data: ServiceRecord; recorded_at: Date; recorded_by: string }>(
      `SELECT version, data, recorded_at, recorded_by FROM catalogue_versions WHERE kind = 'service' AND record_id = $1 ORDER BY version DESC`,
      [serviceId],
    );
    return rows.map((r) => ({ version: r.version, record: r.data, recordedAt: r.recorded_at, recordedBy: r.recorded_by }));
  },

  /** The services of some agencies (all when null), for the editor's list: id, names, version, drafts waiting. */
  async services(q: Queryable, agencies: readonly string[] | null): Promise<Array<{ id: string; identifier: string; organisationId: string; name: { uk: string; en: string }; version: number; waiting: number }>> {
    const rows = await q.query<{ id: string; identifier: string; organisation_id: string; name_uk: string; name_en: string; version: number; waiting: number }>(
      `SELECT s.id, s.identifier, s.organisation_id, s.name_uk, s.name_en, s.version,
         (SELECT count(*)::int FROM catalogue_drafts d WHERE d.service_id = s.id AND d.published_at IS NULL AND d.base_version = s.version) AS waiting
       FROM services s WHERE $1::text[] IS NULL OR s.organisation_id = ANY($1::text[])
       ORDER BY s.identifier LIMIT 1000`,
      [agencies],
    );
    return rows.map((r) => ({ id: r.id, identifier: r.identifier, organisationId: r.organisation_id, name: { uk: r.name_uk, en: r.name_en }, version: r.version, waiting: r.waiting }));
  },
};
