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

  /** Appends each record's new version to the history, in one statement. */
  async appendVersions(
    tx: Queryable,
    versions: ReadonlyArray<{ kind: RecordKind; record: AnyRecord; version: number }>,
    v: { at: Date; by: string; revision: number },
  ): Promise<void> {
    if (versions.length === 0) {
      return;
    }
    await tx.query(
      `INSERT INTO catalogue_versions (kind, record_id, version, data, recorded_at, recorded_by, revision)
       SELECT r.kind, r.record_id, r.version, r.data, $2::timestamptz, $3::text, $4::bigint
       FROM jsonb_to_recordset($1::jsonb) AS r(kind text, record_id text, version integer, data jsonb)`,
      [JSON.stringify(versions.map((x) => ({ kind: x.kind, record_id: x.record.id, version: x.version, data: x.record }))), v.at, v.by, v.revision],
    );
  },

  /** Writes records of one kind as their current versions (new or replacing the stored ones), in one statement (services: two, with the search words). */
  async saveAll(tx: Queryable, kind: RecordKind, saved: ReadonlyArray<{ record: AnyRecord; version: number }>, at: Date): Promise<void> {
    if (saved.length === 0) {
      return;
    }
    if (kind === 'service') {
      const services = saved as ReadonlyArray<{ record: ServiceRecord; version: number }>;
      await tx.query(SAVE_SERVICES_SQL, [JSON.stringify(services.map(({ record, version }) => serviceRow(record, version))), at]);
      await tx.query('INSERT INTO search_words (word) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING', [services.flatMap(({ record }) => indexWords(record))]);
      return;
    }
    const rows = saved.map(({ record, version }) => ({ ...ROW[kind](record as never), id: record.id, version, data: record }));
    await tx.query(SAVE_SQL[kind], [JSON.stringify(rows), at]);
  },
};

/** The columns of each kind's table besides id, version, data and updated_at, from its record. */
const ROW: Record<Exclude<RecordKind, 'service'>, (r: never) => Record<string, unknown>> = {
  organisation: (o: OrganisationRecord) => ({ parent_id: o.parentId ?? null, name_uk: o.name.uk, name_en: o.name.en }),
  centre: (c: CentreRecord) => ({ organisation_id: c.organisationId, name_uk: c.name.uk, name_en: c.name.en, city_uk: c.address.city.uk, city_en: c.address.city.en }),
  event: (e: EventRecord) => ({ kind: e.kind, name_uk: e.name.uk, name_en: e.name.en }),
};

/** Upserts rows given as a JSON array ($1), all at `updated_at` $2. */
const upsert = (table: string, columns: ReadonlyArray<[string, string]>) => {
  const names = columns.map(([name]) => name);
  return `INSERT INTO ${table} (id, version, ${names.join(', ')}, data, updated_at)
    SELECT r.id, r.version, ${names.map((n) => `r.${n}`).join(', ')}, r.data, $2::timestamptz
    FROM jsonb_to_recordset($1::jsonb) AS r(id text, version integer, ${columns.map(([n, t]) => `${n} ${t}`).join(', ')}, data jsonb)
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')},
      data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`;
};

const SAVE_SQL: Record<Exclude<RecordKind, 'service'>, string> = {
  organisation: upsert('organisations', [['parent_id', 'text'], ['name_uk', 'text'], ['name_en', 'text']]),
  centre: upsert('centres', [['organisation_id', 'text'], ['name_uk', 'text'], ['name_en', 'text'], ['city_uk', 'text'], ['city_en', 'text']]),
  event: upsert('events', [['kind', 'text'], ['name_uk', 'text'], ['name_en', 'text']]),
};

/** A service's row for SAVE_SERVICES_SQL. */
const serviceRow = (s: ServiceRecord, version: number) => ({
  id: s.id, version, identifier: s.identifier, organisation_id: s.organisationId, audience: s.audience, event_ids: s.eventIds,
  channel_types: channelTypesOf(s), centre_ids: centreIdsOf(s), online: isOnline(s), thematic_area: s.thematicArea,
  eu_basic_service: s.euBasicService ?? null, popularity: s.popularity ?? 0, name_uk: s.name.uk, name_en: s.name.en,
  keywords_uk: s.keywords.uk.join(' '), keywords_en: s.keywords.en.join(' '), description_uk: s.description.uk, description_en: s.description.en, data: s,
});

const SAVE_SERVICES_SQL = `
INSERT INTO services (id, version, identifier, organisation_id, audience, event_ids, channel_types, centre_ids,
  online, thematic_area, eu_basic_service, popularity, name_uk, name_en, search_vector, data, updated_at)
SELECT r.id, r.version, r.identifier, r.organisation_id, r.audience, r.event_ids, r.channel_types, r.centre_ids,
  r.online, r.thematic_area, r.eu_basic_service, r.popularity, r.name_uk, r.name_en,
  setweight(to_tsvector('simple', r.name_uk), 'A') || setweight(to_tsvector('english', r.name_en), 'A')
    || setweight(to_tsvector('simple', r.keywords_uk), 'B') || setweight(to_tsvector('english', r.keywords_en), 'B')
    || setweight(to_tsvector('simple', r.description_uk), 'C') || setweight(to_tsvector('english', r.description_en), 'C'),
  r.data, $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(id text, version integer, identifier text, organisation_id text, audience text[], event_ids text[],
  channel_types text[], centre_ids text[], online boolean, thematic_area text, eu_basic_service text, popularity integer, name_uk text, name_en text,
  keywords_uk text, keywords_en text, description_uk text, description_en text, data jsonb)
ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, identifier = EXCLUDED.identifier,
  organisation_id = EXCLUDED.organisation_id, audience = EXCLUDED.audience, event_ids = EXCLUDED.event_ids,
  channel_types = EXCLUDED.channel_types, centre_ids = EXCLUDED.centre_ids, online = EXCLUDED.online,
  thematic_area = EXCLUDED.thematic_area, eu_basic_service = EXCLUDED.eu_basic_service,
  popularity = EXCLUDED.popularity, name_uk = EXCLUDED.name_uk, name_en = EXCLUDED.name_en,
  search_vector = EXCLUDED.search_vector, data = EXCLUDED.data,
  updated_at = EXCLUDED.updated_at`;
