/**
 * Public performance: the refresh job that folds new case and appeal events into the daily aggregates
 * (one source at a time under its row lock, from its watermark, in batches), the recount of ratings and
 * centre waiting for the recent days, the daily open-data snapshot; and the reads of the pages and the
 * open data, cached per generation of the aggregates (ADR 0030).
 */
import type { Clock } from '../../kernel/clock.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { CatalogueRecords } from '../catalogue/index.ts';
import { type Figures, figuresOf, type Scope } from './figures.ts';
import { DATASETS, dcatCatalogue, isOpenDataset, jsonSchemaOf, csvwOf, OPEN_DATA_FILE_COUNT, OPEN_DATASETS, type OpenDatasetId, openDataUrls } from './open-data.ts';
import { foldAppealEvents, foldCaseEvents, gapsIn, type IdRange, lastMonths } from './performance.ts';
import { publisher } from './open-data-files.service.ts';
import { openDataFilesRepository as files } from './open-data-files.repository.ts';
import { type EventSource, performanceRepository as repo } from './performance.repository.ts';

export interface PerformanceDeps {
  readonly db: Database;
  /** Where the pages and the open data read (a replica may lag: the figures are daily anyway). */
  readonly reads: Queryable;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** The service catalogue, for its open dataset. */
  readonly catalogueRecords: () => Promise<CatalogueRecords>;
}

export interface RefreshOptions {
  /** Events read per transaction. */
  readonly batch?: number;
  /** At most this many batches per source in one run (the next run goes on from the watermark). */
  readonly maxBatches?: number;
}

export interface RefreshSummary {
  readonly caseEvents: number;
  readonly appealEvents: number;
  /** Sources another worker held (nothing done for them by this run). */
  readonly busy: readonly string[];
  /** Whether this run rendered and stored the open-data files of the aggregates' new generation. */
  readonly files: boolean;
  readonly snapshot: boolean;
}

/** A gap older than this is an id whose transaction rolled back: no event will ever fill it. */
const GAP_MS = 15 * 60 * 1000;
const MONTHS = 12;

/** What one batch did: the events folded in, and whether more may wait past the watermark. */
interface Batch { readonly folded: number; readonly more: boolean }

export type OpenDataFile =
  | { readonly kind: 'data'; readonly dataset: OpenDatasetId; readonly format: 'csv' | 'json' }
  | { readonly kind: 'csvw'; readonly dataset: OpenDatasetId }
  | { readonly kind: 'json-schema'; readonly dataset: OpenDatasetId };

/** Reads a file name under /open-data/: `applications.csv`, `applications.json`, `applications.csv-metadata.json`, `applications.schema.json`. */
export function parseOpenDataFile(name: string): OpenDataFile | null {
  const m = /^([a-z-]+)\.(csv|json|csv-metadata\.json|schema\.json)$/.exec(name);
  if (m === null || !isOpenDataset(m[1] ?? '')) {
    return null;
  }
  const dataset = m[1] as OpenDatasetId;
  const ext = m[2];
  return ext === 'csv' || ext === 'json' ? { kind: 'data', dataset, format: ext } : ext === 'schema.json' ? { kind: 'json-schema', dataset } : { kind: 'csvw', dataset };
}

/** The gaps after this batch: the old ones less the ids now found (expired ones dropped), and the new ones the batch passed. */
async function updateGaps(tx: Queryable, now: Date, source: EventSource, old: ReadonlyArray<IdRange & { seenAt: Date }>, after: number, found: readonly number[], ids: readonly number[]): Promise<void> {
  const fresh = gapsIn(after, ids).map((g) => ({ ...g, seenAt: now }));
  if (old.length === 0 && fresh.length === 0) {
    return;
  }
  const kept: Array<IdRange & { seenAt: Date }> = [];
  for (const g of old) {
    if (now.getTime() - g.seenAt.getTime() > GAP_MS) {
      continue;
    }
    const inside = found.filter((id) => id >= g.lo && id <= g.hi);
    if (inside.length === 0) {
      kept.push(g);
      continue;
    }
    const rest = [...gapsIn(g.lo - 1, inside), ...((inside.at(-1) ?? g.hi) < g.hi ? [{ lo: (inside.at(-1) ?? g.hi) + 1, hi: g.hi }] : [])];
    kept.push(...rest.map((r) => ({ ...r, seenAt: g.seenAt })));
  }
  if (old.length === kept.length && fresh.length === 0 && found.length === 0) {
    return;
  }
  await repo.setGaps(tx, source, [...kept, ...fresh]);
}


/** The job's steps: a batch of each source under its row lock, the gaps, the recounts. */
function refresher(db: Database, clock: Clock) {
  /** Folds the events after the watermark (and any that appeared in earlier gaps) in one batch; 0 when there were none, null when busy. */
  async function caseBatch(batch: number): Promise<Batch | null> {
    return db.transaction(async (tx) => {
      const mark = await repo.claim(tx, 'case-events');
      if (mark === null) {
        return null;
      }
      // Most batches find no gaps: then the events in them are not looked for.
      const gaps = await repo.gaps(tx, 'case-events');
      const late = gaps.length === 0 ? [] : await repo.caseEventsInGaps(tx);
      const events = await repo.caseEventsAfter(tx, mark.lastId, batch);
      await repo.addCaseFold(tx, foldCaseEvents([...late, ...events]));
      const lastId = events.at(-1)?.id ?? mark.lastId;
      await updateGaps(tx, clock.now(), 'case-events', gaps, mark.lastId, late.map((e) => e.id), events.map((e) => e.id));
      await repo.advance(tx, 'case-events', { lastId, changed: late.length + events.length > 0, at: clock.now() });
      return { folded: late.length + events.length, more: events.length === batch };
    });
  }

  async function appealBatch(batch: number): Promise<Batch | null> {
    return db.transaction(async (tx) => {
      const mark = await repo.claim(tx, 'appeal-events');
      if (mark === null) {
        return null;
      }
      const gaps = await repo.gaps(tx, 'appeal-events');
      const late = gaps.length === 0 ? [] : await repo.appealEventsInGaps(tx);
      const events = await repo.appealEventsAfter(tx, mark.lastId, batch);
      await repo.addAppealDays(tx, foldAppealEvents([...late, ...events]));
      const lastId = events.at(-1)?.id ?? mark.lastId;
      await updateGaps(tx, clock.now(), 'appeal-events', gaps, mark.lastId, late.map((e) => e.id), events.map((e) => e.id));
      await repo.advance(tx, 'appeal-events', { lastId, changed: late.length + events.length > 0, at: clock.now() });
      return { folded: late.length + events.length, more: events.length === batch };
    });
  }

  async function drain(run: (batch: number) => Promise<Batch | null>, batch: number, maxBatches: number): Promise<number | null> {
    let total = 0;
    for (let i = 0; i < maxBatches; i += 1) {
      const b = await run(batch);
      if (b === null) {
        return i === 0 ? null : total;
      }
      total += b.folded;
      if (!b.more) {
        break;
      }
    }
    return total;
  }

  /** Recounts ratings and centre waiting from the stored day (all days the first time) and moves it to yesterday. */
  async function recount(): Promise<boolean> {
    return db.transaction(async (tx) => {
      const mark = await repo.claim(tx, 'recounts');
      if (mark === null) {
        return false;
      }
      const changed = await repo.recount(tx, mark.recountFrom);
      const now = clock.now();
      const yesterday = kyivDay(new Date(now.getTime() - 24 * 3600 * 1000));
      await repo.advance(tx, 'recounts', { recountFrom: yesterday, changed, at: now });
      return true;
    });
  }

  return { caseBatch, appealBatch, drain, recount };
}

/** Values kept while the aggregates' generation stays the same. */
function generationCache(reads: Queryable) {
  const cache = new Map<string, { generation: number; value: unknown }>();
  async function cached<T>(key: string, compute: (generation: number) => Promise<T>): Promise<T> {
    const generation = await repo.generation(reads);
    const hit = cache.get(key);
    if (hit !== undefined && hit.generation === generation) {
      return hit.value as T;
    }
    const value = await compute(generation);
    if (cache.size > 2000) { cache.clear(); }
    cache.set(key, { generation, value });
    return value;
  }

  return cached;
}

export function createPerformanceService(deps: PerformanceDeps) {
  const { db, reads, clock } = deps;
  const base = deps.publicUrl.replace(/\/$/, '');
  const { caseBatch, appealBatch, drain, recount } = refresher(db, clock);
  const cached = generationCache(reads);

  const { renderAll, publishFiles, served } = publisher(deps);

  return {
    /**
     * One run of the job: the case events, the appeal events, the recounts, then the day's snapshot if
     * not written yet. Safe to run in several processes at once: each source is claimed with its row lock.
     */
    async refresh(options: RefreshOptions = {}): Promise<RefreshSummary> {
      const batch = options.batch ?? 5000;
      const maxBatches = options.maxBatches ?? 20;
      const busy: string[] = [];
      const caseEvents = await drain(caseBatch, batch, maxBatches);
      if (caseEvents === null) { busy.push('case-events'); }
      const appealEvents = await drain(appealBatch, batch, maxBatches);
      if (appealEvents === null) { busy.push('appeal-events'); }
      if (!(await recount())) { busy.push('recounts'); }
      const published = await publishFiles();
      const snapshot = await this.writeSnapshot();
      return { caseEvents: caseEvents ?? 0, appealEvents: appealEvents ?? 0, busy, files: published, snapshot };
    },

    /** Writes today's snapshot of every dataset in both formats, once a day; false when it was written already. */
    async writeSnapshot(): Promise<boolean> {
      const now = clock.now();
      const day = kyivDay(now);
      if (await repo.hasSnapshot(db, day)) {
        return false;
      }
      // The files stored for the current generation if the job published them today, else rendered now.
      const stored = await files.openDataFiles(db, await repo.generation(db), day);
      const all = stored.size === OPEN_DATA_FILE_COUNT ? stored : await renderAll(db, day);
      await db.transaction(async (tx) => {
        // The services' JSON last: its presence says the day's snapshot is complete.
        for (const id of OPEN_DATASETS) {
          for (const format of id === 'services' ? (['csv', 'json'] as const) : (['json', 'csv'] as const)) {
            await repo.writeSnapshot(tx, { day, dataset: id, format, content: all.get(`${id}.${format}`) ?? '', at: now });
          }
        }
      });
      return true;
    },

    /** The aggregates' generation: the figures, and pages rendered from them, belong to one generation. */
    generation: (): Promise<number> => repo.generation(reads),

    /** The published figures of a scope over the last twelve months (this one included). */
    figures(scope: Scope): Promise<Figures> {
      const key = scope.kind === 'nation' ? 'nation' : `${scope.kind}:${scope.id}`;
      return cached(`figures:${key}`, async () => {
        const months = lastMonths(kyivDay(clock.now()), MONTHS);
        const from = months[0] ?? '';
        const [cases, durations, ratings, appeals, centres] = await Promise.all([
          repo.caseMonths(reads, scope, from), repo.durationMonths(reads, scope, from), repo.ratingMonths(reads, scope, from), repo.appealMonths(reads, scope, from),
          scope.kind === 'nation' ? repo.centres(reads, from) : Promise.resolve([]),
        ]);
        return figuresOf({ cases, durations, ratings, appeals, centres }, months);
      });
    },

    /** A file under /open-data/ (today's data, or a schema), or null when there is no such file. */
    async openDataFile(name: string): Promise<{ body: string; type: string } | null> {
      const file = parseOpenDataFile(name);
      if (file === null) {
        return null;
      }
      const urls = openDataUrls(base, file.dataset);
      if (file.kind === 'csvw') {
        return { body: JSON.stringify(csvwOf(DATASETS[file.dataset], urls.csv)), type: 'application/csvm+json' };
      }
      if (file.kind === 'json-schema') {
        return { body: JSON.stringify(jsonSchemaOf(DATASETS[file.dataset], urls.jsonSchema)), type: 'application/schema+json' };
      }
      const { dataset, format } = file;
      const day = kyivDay(clock.now());
      // Kept in the process for the generation, read from the files the job stored.
      const body = await cached(`file:${name}:${day}`, (generation) => served(generation, dataset, format, day));
      return { body, type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' };
    },

    /** A day's snapshot of a dataset, or null when none was written that day. */
    async snapshot(dataset: string, day: string, format: 'csv' | 'json'): Promise<string | null> {
      return isOpenDataset(dataset) ? repo.snapshot(reads, dataset, format, day) : null;
    },

    /** The days a dataset's snapshots were written, newest first. */
    snapshotDays: (dataset: OpenDatasetId) => repo.snapshotDays(reads, dataset),

    /** The DCAT-AP 3 catalogue of the open data (JSON-LD). */
    catalogue(): Record<string, unknown> {
      return dcatCatalogue({ baseUrl: base, modified: kyivDay(clock.now()), publisher: { uk: 'Портал державних послуг Portico', en: 'Portico, the portal of public services' } });
    },
  };
}

export type PerformanceService = ReturnType<typeof createPerformanceService>;
