import type { Lang } from '../../kernel/text.ts';
import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { type RevisionSource, localRevision, sharedRevision } from '../../platform/cache/revision-source.ts';
import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { ReadQueryable } from '../../platform/db/reads.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import { type CatalogueRecords, FILE_KEYS, RECORD_KINDS, type RecordKind, canonicalJson } from './catalogue.ts';
import { CatalogueImportRejected } from './catalogue.errors.ts';
import { catalogueWrites } from './catalogue.repository.ts';
import { catalogueReads } from './catalogue-reads.repository.ts';
import { checkReferences } from './catalogue-references.ts';
import { type SearchQuery, cacheKey } from './catalogue-search.ts';
import type { SearchPage } from './catalogue-search.repository.ts';
import { createSearchReads } from './catalogue-search.service.ts';
import { catalogueToJsonLd } from './catalogue-jsonld.ts';

export interface ImportSummary {
  readonly revision: number;
  readonly created: Record<RecordKind, number>;
  readonly updated: Record<RecordKind, number>;
  readonly unchanged: number;
}

export interface CatalogueDeps {
  readonly db: Database;
  /** Where the public reads go (the revision and the cached reads): a replica when one is configured (ADR 0018); `db` when absent. */
  readonly reads?: ReadQueryable;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** `shared` when other processes may write the same database (PostgreSQL); `local` for embedded PGlite. */
  readonly writers: 'shared' | 'local';
}

/**
 * The catalogue's use cases. Reads learn the catalogue revision (asking the database, coalesced, when
 * other processes may write it) and serve from a cache scoped to that revision, so no process serves a
 * record older than the last committed edit (ADR 0006).
 */
export function createCatalogueService(deps: CatalogueDeps) {
  const { db, clock } = deps;
  // The revision and the records it keys are read from the same place, so a cached record is never older than its revision.
  const reads = deps.reads ?? db;
  const readRevision = () => catalogueReads.revision(reads);
  const revision: RevisionSource = deps.writers === 'local' ? localRevision(readRevision) : sharedRevision(readRevision);
  const cache = new RevisionCache<unknown>(2000);
  const searchReads = createSearchReads(reads);
  /** The cached reads, each at the revision `current` gives. */
  const readsAt = (current: () => Promise<number>) => {
    const cached = async <T>(key: string, compute: (q: Queryable, rev: number) => Promise<T>): Promise<{ revision: number; value: T }> => {
      const rev = await current();
      const value = (await cache.get(rev, key, () => compute(reads, rev))) as T;
      return { revision: rev, value };
    };
    return {
      service: (id: string) => cached(`service:${id}`, (q) => catalogueReads.service(q, id)),
      popularServices: (limit: number) => cached(`popular:${limit}`, (q) => catalogueReads.popularServices(q, limit)),
      servicesOfOrganisation: (id: string, lang: Lang) =>
        cached(`org-services:${id}:${lang}`, (q) => catalogueReads.servicesWhere(q, { organisationId: id }, lang)),
      servicesOfEvent: (id: string, lang: Lang) =>
        cached(`event-services:${id}:${lang}`, (q) => catalogueReads.servicesWhere(q, { eventId: id }, lang)),
      servicesAtCentre: (id: string, lang: Lang) =>
        cached(`centre-services:${id}:${lang}`, (q) => catalogueReads.servicesWhere(q, { centreId: id }, lang)),
      organisations: () => cached('organisations', (q) => catalogueReads.organisations(q)),
      centres: () => cached('centres', (q) => catalogueReads.centres(q)),
      events: () => cached('events', (q) => catalogueReads.events(q)),
      serviceCounts: () => cached('counts', (q) => catalogueReads.serviceCounts(q)),
      search: (query: SearchQuery) =>
        cached<SearchPage>(`search:${cacheKey(query)}`, (_q, rev) => searchReads.search(rev, query)),
      /**
       * A search, with the spellings to suggest when it found nothing: corrected queries that do find
       * something with the same filters, with how many services each finds.
       */
      searchWithSpellings: (query: SearchQuery, limit = 3) =>
        cached(`search+spell:${cacheKey(query)}:${limit}`, (_q, rev) => searchReads.searchWithSpellings(rev, query, limit)),
      /**
       * Every service's full record, in register-code order (for measures over the whole catalogue). Read
       * each time, not kept: its readers keep what they make of them (the maturity report, for the
       * revision), and a process holding every record would mark them again at every major collection.
       */
      allServices: async () => {
        const rev = await current();
        return { revision: rev, value: (await catalogueReads.all(reads)).services };
      },
      /** The services that registry events may trigger, with their versions (the proactive job's). */
      proactiveServices: () => cached('proactive-services', (q) => catalogueReads.proactiveServices(q)),
      exportJsonLd: () =>
        cached('jsonld', async (q) => catalogueToJsonLd(await catalogueReads.all(q), deps.publicUrl)),
    };
  };

  return {
    revision: () => revision.current(),
    ...readsAt(() => revision.current()),
    /**
     * The same reads at `rev`, a revision read for the request at hand after it arrived: the reads of
     * one page then ask the database for the revision once, not once each (ADR 0006).
     */
    at: (rev: number) => readsAt(() => Promise.resolve(rev)),
    explainSearch: async (query: SearchQuery) => searchReads.explain(await revision.current(), query),
    exportRecords: () => catalogueReads.all(db),
    history: (kind: RecordKind, id: string) => catalogueReads.history(db, kind, id),

    /**
     * Writes a service as its next version inside the caller's transaction (the editor's publication):
     * the revision moves on, so every process's caches of catalogue reads and rendered pages let go of
     * the old version on their next request (ADR 0006, 0033). Call `committed` after the commit.
     * @returns `{ current }` when the service is no longer at `expectedVersion` (nothing written; roll back).
     */
    writeServiceVersion: (tx: Queryable, record: CatalogueRecords['services'][number], by: string, expectedVersion: number) =>
      writeServiceVersion(tx, clock.now(), record, by, expectedVersion),
    /** Tells this process's revision source that a write of its own committed (on PGlite the only writer). */
    committed: (rev: number) => revision.committed(rev),
    /** What the catalogue holds, for the reference checks of an edit. */
    referenceIndex: (q: Queryable) => catalogueReads.index(q),

    /**
     * Adds or updates records in one transaction: a changed record gets a new version and its
     * old versions stay in the history; unchanged records are left alone.
     * @returns err(CatalogueImportRejected) when a reference or id is inconsistent; nothing is written.
     */
    async importRecords(incoming: CatalogueRecords, by: string): Promise<Result<ImportSummary, CatalogueImportRejected>> {
      const result = await writeRecords(incoming, by);
      if (result.ok) {
        revision.committed(result.value.revision);
      }
      const written = result.ok ? Object.values(result.value.created).concat(Object.values(result.value.updated)).reduce((a, b) => a + b, 0) : 0;
      if (written >= ANALYZE_AFTER) {
        // Keep the planner's statistics in step with a bulk load, so search stays index-backed.
        await catalogueWrites.analyze(db);
      }
      return result;
    },
  };

  async function writeRecords(incoming: CatalogueRecords, by: string): Promise<Result<ImportSummary, CatalogueImportRejected>> {
      // A rejection rolls back everything, the revision bump included.
      return resultTransaction(db, async (tx): Promise<Result<ImportSummary, CatalogueImportRejected>> => {
        // Lock the revision row first: concurrent imports queue here instead of racing on versions.
        const rev = await catalogueWrites.bumpRevision(tx);
        const issues = checkReferences(await catalogueReads.index(tx), incoming);
        if (issues.length > 0) {
          return err(new CatalogueImportRejected(issues));
        }
        const at = clock.now();
        const summary: ImportSummary = { revision: rev, created: zero(), updated: zero(), unchanged: 0 };
        await writeChanged(tx, incoming, summary, { at, by, revision: rev });
        return ok(summary);
      });
  }
}

const ANALYZE_AFTER = 200;

/**
 * Writes the records that differ from their current versions, counting them in `summary`: each kind's
 * changed records in one statement, in the order of RECORD_KINDS (a kind's references first), then all
 * their versions in one more.
 */
async function writeChanged(tx: Queryable, incoming: CatalogueRecords, summary: ImportSummary, v: { at: Date; by: string; revision: number }): Promise<void> {
  const versions: Array<{ kind: RecordKind; record: CatalogueRecords[keyof CatalogueRecords][number]; version: number }> = [];
  for (const kind of RECORD_KINDS) {
    const records = incoming[FILE_KEYS[kind]];
    const current = await catalogueWrites.currentVersions(tx, kind, records.map((r) => r.id));
    const changed: Array<{ record: (typeof records)[number]; version: number }> = [];
    for (const record of records) {
      const before = current.get(record.id);
      if (before && before.json === canonicalJson(record)) {
        (summary as { unchanged: number }).unchanged += 1;
        continue;
      }
      changed.push({ record, version: (before?.version ?? 0) + 1 });
      summary[before ? 'updated' : 'created'][kind] += 1;
    }
    await catalogueWrites.saveAll(tx, kind, changed, v.at);
    versions.push(...changed.map((c) => ({ kind, ...c })));
  }
  await catalogueWrites.appendVersions(tx, versions, v);
}

async function writeServiceVersion(tx: Queryable, at: Date, record: CatalogueRecords['services'][number], by: string, expectedVersion: number): Promise<{ revision: number; version: number } | { current: number }> {
  // The revision row first, as the import takes it: concurrent writers queue in one order.
  const rev = await catalogueWrites.bumpRevision(tx);
  const current = (await catalogueWrites.currentVersions(tx, 'service', [record.id])).get(record.id)?.version ?? 0;
  if (current !== expectedVersion) {
    return { current };
  }
  const version = current + 1;
  await catalogueWrites.saveAll(tx, 'service', [{ record, version }], at);
  await catalogueWrites.appendVersions(tx, [{ kind: 'service', record, version }], { at, by, revision: rev });
  return { revision: rev, version };
}

const zero = (): Record<RecordKind, number> => ({ organisation: 0, centre: 0, event: 0, service: 0 });

export type CatalogueService = ReturnType<typeof createCatalogueService>;
/** The catalogue's cached reads at one revision. */
export type CatalogueReadsAt = ReturnType<CatalogueService['at']>;
