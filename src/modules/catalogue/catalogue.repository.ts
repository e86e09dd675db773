import type { Queryable } from '../../platform/db/database.ts';
import type { RecordKind } from './catalogue.ts';
import { canonicalJson, centreIdsOf, channelTypesOf, isOnline } from './catalogue.ts';
import { indexWords } from './catalogue-search.ts';
import type { CentreRecord, EventRecord, OrganisationRecord, ServiceRecord } from './catalogue-record.schemas.ts';

const TABLE: Record<RecordKind, string> = {
  organisation: 'organisations',
  centre: 'centres',
  event: 'events',
  service: 'services',
};

type AnyRecord = OrganisationRecord | CentreRecord | EventRecord | ServiceRecord;

/** Writes of the catalogue: current versions, their history and the revision counter. */
export const catalogueWrites = {
  async currentVersions(tx: Queryable, kind: RecordKind, ids: readonly string[]): Promise<Map<string, { version: number; json: string }>> {
    const rows = await tx.query<{ id: string; version: number; data: unknown }>(
      `SELECT id, version, data FROM ${TABLE[kind]} WHERE id = ANY($1::text[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, json: canonicalJson(r.data) }]));
  },

  async analyze(db: Queryable): Promise<void> {
    await db.query('ANALYZE services');
  },

  async bumpRevision(tx: Queryable): Promise<number> {
    const [row] = await tx.query<{ revision: number }>(
      'UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision',
    );
    if (!row) {
      throw new Error('catalogue_revision row is missing');
    }
    return row.revision;
  },

  async appendVersion(
    tx: Queryable,
    v: { kind: RecordKind; record: AnyRecord; version: number; at: Date; by: string; revision: number },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO catalogue_versions (kind, record_id, version, data, recorded_at, recorded_by, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [v.kind, v.record.id, v.version, JSON.stringify(v.record), v.at, v.by, v.revision],
    );
  },

  async saveOrganisation(tx: Queryable, o: OrganisationRecord, version: number, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO organisations (id, version, parent_id, name_uk, name_en, data, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, parent_id = EXCLUDED.parent_id,
         name_uk = EXCLUDED.name_uk, name_en = EXCLUDED.name_en, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [o.id, version, o.parentId ?? null, o.name.uk, o.name.en, JSON.stringify(o), at],
    );
  },

  async saveCentre(tx: Queryable, c: CentreRecord, version: number, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO centres (id, version, organisation_id, name_uk, name_en, city_uk, city_en, data, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, organisation_id = EXCLUDED.organisation_id,
         name_uk = EXCLUDED.name_uk, name_en = EXCLUDED.name_en, city_uk = EXCLUDED.city_uk,
         city_en = EXCLUDED.city_en, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [c.id, version, c.organisationId, c.name.uk, c.name.en, c.address.city.uk, c.address.city.en, JSON.stringify(c), at],
    );
  },

  async saveEvent(tx: Queryable, e: EventRecord, version: number, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO events (id, version, kind, name_uk, name_en, data, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, kind = EXCLUDED.kind, name_uk = EXCLUDED.name_uk,
         name_en = EXCLUDED.name_en, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [e.id, version, e.kind, e.name.uk, e.name.en, JSON.stringify(e), at],
    );
  },

  async saveService(tx: Queryable, s: ServiceRecord, version: number, at: Date): Promise<void> {
    await tx.query(SAVE_SERVICE_SQL, [
      s.id,
      version,
      s.identifier,
      s.organisationId,
      s.audience,
      s.eventIds,
      channelTypesOf(s),
      centreIdsOf(s),
      isOnline(s),
      s.thematicArea,
      s.euBasicService ?? null,
      s.popularity ?? 0,
      s.name.uk,
      s.name.en,
      s.keywords.uk.join(' '),
      s.keywords.en.join(' '),
      s.description.uk,
      s.description.en,
      JSON.stringify(s),
      at,
    ]);
    await tx.query('INSERT INTO search_words (word) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING', [indexWords(s)]);
  },
};

const SAVE_SERVICE_SQL = `
INSERT INTO services (id, version, identifier, organisation_id, audience, event_ids, channel_types, centre_ids,
  online, thematic_area, eu_basic_service, popularity, name_uk, name_en, search_vector, data, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
  setweight(to_tsvector('simple', $13), 'A') || setweight(to_tsvector('english', $14), 'A')
    || setweight(to_tsvector('simple', $15), 'B') || setweight(to_tsvector('english', $16), 'B')
    || setweight(to_tsvector('simple', $17), 'C') || setweight(to_tsvector('english', $18), 'C'),
  $19::jsonb, $20)
ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, identifier = EXCLUDED.identifier,
  organisation_id = EXCLUDED.organisation_id, audience = EXCLUDED.audience, event_ids = EXCLUDED.event_ids,
  channel_types = EXCLUDED.channel_types, centre_ids = EXCLUDED.centre_ids, online = EXCLUDED.online,
  thematic_area = EXCLUDED.thematic_area, eu_basic_service = EXCLUDED.eu_basic_service,
  popularity = EXCLUDED.popularity, name_uk = EXCLUDED.name_uk, name_en = EXCLUDED.name_en,
  search_vector = EXCLUDED.search_vector, data = EXCLUDED.data,
  updated_at = EXCLUDED.updated_at`;
