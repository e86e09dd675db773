/**
 * The open data's files: each dataset's rows as published (small cells suppressed), rendered as CSV and
 * JSON; once per generation of the aggregates rendered by the job and stored, and served from there by
 * every process (ADR 0030).
 */
import type { Clock } from '../../kernel/clock.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { CatalogueRecords } from '../catalogue/index.ts';
import { DATASETS, type DataRow, OPEN_DATA_FILE_COUNT, OPEN_DATASETS, type OpenDatasetId, toCsv, toJson } from './open-data.ts';
import { openDataFilesRepository as files } from './open-data-files.repository.ts';
import { percent, percentileOf, suppressCount, suppressDerived } from './performance.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/** A dataset's rows as published: small cells suppressed. */
async function datasetRows(reads: Queryable, catalogueRecords: () => Promise<CatalogueRecords>, id: OpenDatasetId): Promise<DataRow[]> {
  switch (id) {
    case 'applications':
      return (await repo.applicationRows(reads)).map((r) => ({ month: r.month, organisation_id: r.organisation_id, service_id: r.service_id, channel: r.channel, applications: suppressCount(r.submitted) }));
    case 'decisions': {
      const histograms = new Map<string, Array<[number, number]>>();
      for (const d of await repo.durationRows(reads)) {
        const key = `${d.month}|${d.organisation_id}|${d.service_id}`;
        histograms.set(key, [...(histograms.get(key) ?? []), [d.days, d.decided]]);
      }
      return (await repo.decisionRows(reads)).map((r) => {
        const h = histograms.get(`${r.month}|${r.organisation_id}|${r.service_id}`) ?? [];
        return {
          month: r.month, organisation_id: r.organisation_id, service_id: r.service_id, decided: suppressCount(r.decided),
          on_time_percent: suppressDerived(r.timed, percent(r.on_time, r.timed)),
          median_days: suppressDerived(r.decided, percentileOf(h, 0.5)), p90_days: suppressDerived(r.decided, percentileOf(h, 0.9)),
          granted: suppressCount(r.granted), refused: suppressCount(r.refused), silent_consents: suppressCount(r.silent_consents), withdrawn: suppressCount(r.withdrawn),
        };
      });
    }
    case 'satisfaction':
      return (await repo.ratingRows(reads)).map((r) => ({
        month: r.month, organisation_id: r.organisation_id, service_id: r.service_id, ratings: suppressCount(r.ratings),
        average_rating: suppressDerived(r.ratings, Math.round((r.rating_sum / r.ratings) * 10) / 10),
      }));
    case 'appeals':
      return (await repo.appealRows(reads)).map((r) => ({
        month: r.month, organisation_id: r.organisation_id, kind: r.kind, filed: suppressCount(r.filed), answered: suppressCount(r.answered),
        answered_on_time_percent: suppressDerived(r.answered, percent(r.answered_on_time, r.answered)), extended: suppressCount(r.extended),
      }));
    case 'centre-waiting':
      return (await repo.centreRows(reads)).map((r) => ({
        month: r.month, centre_id: r.centre_id, tickets: suppressCount(r.tickets),
        average_wait_minutes: suppressDerived(r.called, r.called === 0 ? null : Math.round(Number(r.wait_seconds) / r.called / 6) / 10),
        longest_wait_minutes: suppressDerived(r.called, Math.round(r.longest / 6) / 10),
      }));
    case 'services':
      return (await catalogueRecords()).services.map((s) => ({
        service_id: s.id, organisation_id: s.organisationId, name_uk: s.name.uk, name_en: s.name.en, term_days: s.deadline.days, term_unit: s.deadline.unit,
        silent_consent: s.silentConsent ? 'yes' : 'no', online: s.channels.some((c) => c.type === 'online') ? 'yes' : 'no',
      })).sort((a, b) => a.service_id.localeCompare(b.service_id));
  }
}

/** The open-data files: rendered from the aggregates, and once per generation stored for every process. */
export function publisher(deps: { readonly db: Database; readonly reads: Queryable; readonly clock: Clock; readonly catalogueRecords: () => Promise<CatalogueRecords> }) {
  const { db, reads, clock } = deps;
  const render = (id: OpenDatasetId, format: 'csv' | 'json', day: string, rows: readonly DataRow[]) => (format === 'csv' ? toCsv(DATASETS[id], rows) : toJson(DATASETS[id], day, rows));

  /** A day's data file of a dataset, rendered from the aggregates. */
  async function dataFile(q: Queryable, id: OpenDatasetId, format: 'csv' | 'json', day: string): Promise<string> {
    return render(id, format, day, await datasetRows(q, deps.catalogueRecords, id));
  }

  /** Every data file as of a day, by file name (each dataset's rows read once for both formats). */
  async function renderAll(q: Queryable, day: string): Promise<Map<string, string>> {
    const all = new Map<string, string>();
    for (const id of OPEN_DATASETS) {
      const rows = await datasetRows(q, deps.catalogueRecords, id);
      all.set(`${id}.csv`, render(id, 'csv', day, rows));
      all.set(`${id}.json`, render(id, 'json', day, rows));
    }
    return all;
  }

  /**
   * Renders the data files of the aggregates' current generation once and stores them, unless they are
   * stored already for today; drops older generations' files. Every process serves the stored bytes.
   */
  async function publishFiles(): Promise<boolean> {
    const generation = await repo.generation(db);
    const day = kyivDay(clock.now());
    // Every file of the generation stored today already (some may have been rendered on request, below).
    if ((await files.openDataFileCount(db, generation, day)) === OPEN_DATA_FILE_COUNT) {
      return false;
    }
    const rendered = await renderAll(db, day);
    const at = clock.now();
    await db.transaction(async (tx) => {
      for (const [name, content] of rendered) {
        await files.keepOpenDataFile(tx, { generation, name, day, content, at });
      }
      await files.dropOpenDataFilesBefore(tx, generation);
    });
    return true;
  }

  /**
   * A file of a generation as stored; when the job has not published the generation yet, rendered now
   * and stored, so that the other processes read it rather than render it too.
   */
  async function served(generation: number, dataset: OpenDatasetId, format: 'csv' | 'json', day: string): Promise<string> {
    const name = `${dataset}.${format}`;
    const stored = await files.openDataFile(reads, generation, name, day);
    if (stored !== null) {
      return stored;
    }
    const content = await dataFile(reads, dataset, format, day);
    await files.keepOpenDataFile(db, { generation, name, day, content, at: clock.now() });
    return content;
  }

  return { renderAll, publishFiles, served };
}
