/**
 * Fills an empty portal with cases at national scale, through the schema the migrations built:
 *   npm run seed:scale -- --persons 1000000 --organisations 100000 --cases 10000000
 * Runs against DATABASE_URL (COPY, one transaction), or the embedded database in DATA_DIR
 * (multi-row INSERTs; smaller defaults). Loads the demo catalogue and staff first; refuses a
 * database that holds cases already.
 */
import cliProgress from 'cli-progress';

import { seedDemoCatalogue, seedDemoRegistries } from '../app/demo.ts';
import type { Database } from '../platform/db/database.ts';
import { createLogger } from '../platform/logging/logger.ts';
import { argValue, type CliIo, cliConfig, cliServices, runIfScript } from './cli-services.ts';
import { businessRows, caseBatch, OFFICERS_PER_AGENCY, officersOf, personRows, type ScaleSizes, staffRows } from './scale-rows.ts';
import { type BulkWriter, copyWriter, insertWriter, scaleSeedRepository } from './scale-seed.repository.ts';

/** The sizes when none are given: the national scale on PostgreSQL, a laptop's on PGlite. */
export const SCALE_DEFAULTS: Record<Database['kind'], ScaleSizes> = {
  postgres: { persons: 1_000_000, organisations: 100_000, cases: 10_000_000 },
  pglite: { persons: 10_000, organisations: 1_000, cases: 50_000 },
};

const BATCH = 20_000;
/** The tables whose secondary indexes a PostgreSQL load builds after the rows (they are re-created from their own definitions). */
const BULK_TABLES = ['cases', 'case_events', 'information_requests', 'documents'];

export type SeedRefusal = { readonly kind: 'not-empty'; readonly cases: number } | { readonly kind: 'no-catalogue' } | { readonly kind: 'too-few-persons'; readonly needed: number };

/** What a run reports as it goes: the rows of a table written so far. */
export type SeedProgress = (step: string, done: number, total: number) => void;

/**
 * Writes persons, businesses and their directors, officers of every agency with services, and
 * `sizes.cases` cases with their events, requests and documents, then refreshes the planner's
 * statistics. On PostgreSQL (`url`) with COPY in one transaction; on PGlite with INSERTs in one.
 */
export async function seedScale(target: { db: Database; url: string | null }, sizes: ScaleSizes, progress: SeedProgress = () => undefined, now = new Date()): Promise<SeedRefusal | null> {
  const { db } = target;
  const cases = await scaleSeedRepository.caseCount(db);
  if (cases > 0) {
    return { kind: 'not-empty', cases };
  }
  const services = await scaleSeedRepository.services(db);
  if (services.length === 0) {
    return { kind: 'no-catalogue' };
  }
  const agencies = [...new Set(services.map((s) => s.organisationId))].sort();
  if (sizes.persons < agencies.length * OFFICERS_PER_AGENCY + 1) {
    return { kind: 'too-few-persons', needed: agencies.length * OFFICERS_PER_AGENCY + 1 };
  }
  const fill = async (w: Omit<BulkWriter, 'commit' | 'rollback'>) => {
    progress('persons', 0, sizes.persons);
    await w.write('persons', personRows(sizes, now));
    progress('persons', sizes.persons, sizes.persons);
    const businesses = [...businessRows(sizes)];
    await w.write('business_registry', businesses.map((b) => b.registry));
    await w.write('business_directors', businesses.map((b) => b.director));
    await w.write('staff_roles', staffRows(agencies, now));
    const firstNumber = await scaleSeedRepository.reserveNumbers(w, sizes.cases);
    const officers = officersOf(agencies);
    for (let from = 0; from < sizes.cases; from += BATCH) {
      const batch = caseBatch({ sizes, services, officers, now, from, count: Math.min(BATCH, sizes.cases - from), firstNumber });
      await w.write('cases', batch.cases);
      await w.write('case_events', batch.case_events);
      await w.write('information_requests', batch.information_requests);
      await w.write('documents', batch.documents);
      progress('cases', Math.min(from + BATCH, sizes.cases), sizes.cases);
    }
  };
  if (target.url !== null) {
    const writer = await copyWriter(target.url);
    try {
      const indexes = await scaleSeedRepository.dropSecondaryIndexes(writer, BULK_TABLES);
      await fill(writer);
      progress('indexes', 0, indexes.length);
      await scaleSeedRepository.createIndexes(writer, indexes);
      progress('indexes', indexes.length, indexes.length);
      await writer.commit();
    } catch (error) {
      await writer.rollback();
      throw error;
    }
  } else {
    await db.transaction((tx) => fill(insertWriter(tx)));
  }
  progress('statistics', 0, 1);
  await scaleSeedRepository.analyse(db);
  progress('statistics', 1, 1);
  return null;
}

function sizeArg(args: readonly string[], name: string, fallback: number, io: CliIo): number | null {
  const raw = argValue(args, name);
  if (raw === undefined) {
    return fallback;
  }
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0 || n > 100_000_000) {
    io.err(`${name} must be a whole number from 0 to 100000000, not "${raw}"\n`);
    return null;
  }
  return n;
}

export async function seedScaleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const config = cliConfig(io);
  if (config === null) {
    return 2;
  }
  const defaults = SCALE_DEFAULTS[config.databaseUrl === null ? 'pglite' : 'postgres'];
  const persons = sizeArg(args, '--persons', defaults.persons, io);
  const organisations = sizeArg(args, '--organisations', defaults.organisations, io);
  const cases = sizeArg(args, '--cases', defaults.cases, io);
  if (persons === null || organisations === null || cases === null) {
    return 2;
  }
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  const bars = new cliProgress.MultiBar({ format: '{step} {bar} {value}/{total} ({eta}s left)', hideCursor: true }, cliProgress.Presets.shades_classic);
  const bar = new Map<string, cliProgress.SingleBar>();
  try {
    await seedDemoCatalogue(services, createLogger('warn'));
    await seedDemoRegistries(services);
    const started = Date.now();
    const refusal = await seedScale({ db: services.db, url: config.databaseUrl }, { persons, organisations, cases }, (step, done, total) => {
      const b = bar.get(step) ?? bars.create(total, 0, { step: step.padEnd(10) });
      bar.set(step, b);
      b.setTotal(total);
      b.update(done, { step: step.padEnd(10) });
    });
    bars.stop();
    if (refusal !== null) {
      io.err(refusal.kind === 'not-empty'
        ? 'The database already holds cases: seed:scale fills a portal with none. Use an empty database (or a new DATA_DIR).\n'
        : refusal.kind === 'no-catalogue'
          ? 'The catalogue holds no services to open cases under.\n'
          : `--persons must be at least ${refusal.needed} (the officers of every agency are persons too).\n`);
      return 1;
    }
    io.out(`Seeded ${persons} persons, ${organisations} businesses and ${cases} cases in ${Math.round((Date.now() - started) / 1000)} s.\n`);
    return 0;
  } finally {
    bars.stop();
    await services.db.close();
  }
}

await runIfScript(import.meta, seedScaleCommand);
