import type { Lang } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { CatalogueEvent, CatalogueRecords, Centre, Organisation, RecordKind, Service } from './catalogue.ts';
import type { EventRecord } from './catalogue-record.schemas.ts';
import type { CatalogueIndex } from './catalogue-references.ts';

type DataRow = { data: unknown; version: number };
const withVersion = <T>(r: DataRow): T => ({ ...(r.data as object), version: r.version }) as T;

/** Reads of the current catalogue. */
export const catalogueReads = {
  /** Read on every catalogue request where other processes may write (ADR 0006): prepared, so it is planned once per connection. */
  async revision(q: Queryable): Promise<number> {
    const [row] = await q.query<{ revision: number }>(prepared('SELECT revision FROM catalogue_revision WHERE id = 1'));
    return row?.revision ?? 0;
  },

  async service(q: Queryable, id: string): Promise<Service | null> {
    const [row] = await q.query<DataRow>('SELECT data, version FROM services WHERE id = $1', [id]);
    return row ? withVersion<Service>(row) : null;
  },

  async popularServices(q: Queryable, limit: number): Promise<Service[]> {
    const rows = await q.query<DataRow>(
      'SELECT data, version FROM services ORDER BY popularity DESC, name_uk LIMIT $1',
      [limit],
    );
    return rows.map((r) => withVersion<Service>(r));
  },

  /** Services grouped by an event, offered by an organisation or at a centre; `lang` orders them by name. */
  async servicesWhere(
    q: Queryable,
    where: { organisationId: string } | { eventId: string } | { centreId: string },
    lang: Lang,
  ): Promise<Service[]> {
    const [condition, value] =
      'organisationId' in where
        ? ['organisation_id = $1', where.organisationId]
        : 'eventId' in where
          ? ['event_ids @> ARRAY[$1]::text[]', where.eventId]
          : ['centre_ids @> ARRAY[$1]::text[]', where.centreId];
    const order = lang === 'en' ? 'name_en' : 'name_uk';
    const rows = await q.query<DataRow>(`SELECT data, version FROM services WHERE ${condition} ORDER BY ${order} LIMIT 500`, [value]);
    return rows.map((r) => withVersion<Service>(r));
  },

  async organisations(q: Queryable): Promise<Organisation[]> {
    const rows = await q.query<DataRow>('SELECT data, version FROM organisations ORDER BY name_uk');
    return rows.map((r) => withVersion<Organisation>(r));
  },

  async centres(q: Queryable): Promise<Centre[]> {
    const rows = await q.query<DataRow>('SELECT data, version FROM centres ORDER BY city_uk, name_uk');
    return rows.map((r) => withVersion<Centre>(r));
  },

  async events(q: Queryable): Promise<CatalogueEvent[]> {
    const rows = await q.query<DataRow>('SELECT data, version FROM events ORDER BY kind DESC, name_uk');
    return rows.map((r) => withVersion<CatalogueEvent>(r));
  },

  async serviceCounts(q: Queryable): Promise<{ total: number; byOrganisation: Map<string, number>; byEvent: Map<string, number> }> {
    const byOrg = await q.query<{ id: string; n: number }>('SELECT organisation_id AS id, count(*) AS n FROM services GROUP BY 1');
    const byEvent = await q.query<{ id: string; n: number }>(
      'SELECT e AS id, count(*) AS n FROM services, unnest(event_ids) AS e GROUP BY 1',
    );
    const total = byOrg.reduce((sum, r) => sum + r.n, 0);
    return { total, byOrganisation: new Map(byOrg.map((r) => [r.id, r.n])), byEvent: new Map(byEvent.map((r) => [r.id, r.n])) };
  },

  /** The services that registry events may trigger (ADR 0032), in identifier order: the few the proactive job needs, not the whole catalogue. */
  async proactiveServices(q: Queryable): Promise<Service[]> {
    const rows = await q.query<DataRow>("SELECT data, version FROM services WHERE data ? 'proactive' ORDER BY identifier");
    return rows.map((r) => withVersion<Service>(r));
  },

  /** Every current record, for export. Services in identifier order, so exports diff well. */
  async all(q: Queryable): Promise<CatalogueRecords> {
    const strip = <T>(rows: DataRow[]) => rows.map((r) => r.data as T);
    return {
      organisations: strip(await q.query<DataRow>('SELECT data, version FROM organisations ORDER BY id')),
      centres: strip(await q.query<DataRow>('SELECT data, version FROM centres ORDER BY id')),
      events: strip<EventRecord>(await q.query<DataRow>('SELECT data, version FROM events ORDER BY id')),
      services: strip(await q.query<DataRow>('SELECT data, version FROM services ORDER BY identifier')),
    };
  },

  async index(q: Queryable): Promise<CatalogueIndex> {
    const ids = async (table: string) => new Set((await q.query<{ id: string }>(`SELECT id FROM ${table}`)).map((r) => r.id));
    const services = await q.query<{ id: string; identifier: string }>('SELECT id, identifier FROM services');
    return {
      organisationIds: await ids('organisations'),
      centreIds: await ids('centres'),
      eventIds: await ids('events'),
      serviceIdentifiers: new Map(services.map((s) => [s.identifier, s.id])),
    };
  },

  async history(q: Queryable, kind: RecordKind, id: string): Promise<Array<{ version: number; recordedAt: Date; recordedBy: string }>> {
    const rows = await q.query<{ version: number; recorded_at: Date; recorded_by: string }>(
      'SELECT version, recorded_at, recorded_by FROM catalogue_versions WHERE kind = $1 AND record_id = $2 ORDER BY version',
      [kind, id],
    );
    return rows.map((r) => ({ version: r.version, recordedAt: r.recorded_at, recordedBy: r.recorded_by }));
  },
};
