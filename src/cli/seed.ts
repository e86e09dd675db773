/**
 * Fills the catalogue for benchmarks: the demo records, then N synthetic services.
 *   npm run seed -- --services 10000
 * Runs against DATABASE_URL, or the embedded database in DATA_DIR (stop the portal first).
 */
import cliProgress from 'cli-progress';

import { seedDemoCatalogue } from '../app/demo.ts';
import { createLogger } from '../platform/logging/logger.ts';
import { argValue, type CliIo, cliServices, runIfScript } from './cli-services.ts';
import { syntheticServices } from './synthetic-catalogue.ts';

const CHUNK = 500;

export async function seed(args: readonly string[], io: CliIo): Promise<number> {
  const raw = argValue(args, '--services') ?? '10000';
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 99_999) {
    io.err(`--services must be a whole number from 0 to 99999, not "${raw}"\n`);
    return 2;
  }
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  try {
    await seedDemoCatalogue(services, createLogger('warn'));
    const base = await services.catalogue.exportRecords();
    const generated = syntheticServices(count, base);
    const bar = new cliProgress.SingleBar({ format: 'services {bar} {value}/{total} ({eta}s left)' }, cliProgress.Presets.shades_classic);
    bar.start(count, 0);
    for (let i = 0; i < generated.length; i += CHUNK) {
      const chunk = generated.slice(i, i + CHUNK);
      const result = await services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: chunk }, 'seed');
      if (!result.ok) {
        bar.stop();
        io.err(`seed rejected: ${JSON.stringify(result.error.issues.slice(0, 5))}\n`);
        return 1;
      }
      bar.update(Math.min(i + CHUNK, count));
    }
    bar.stop();
    const counts = await services.catalogue.serviceCounts();
    io.out(`The catalogue now holds ${counts.value.total} services.\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

await runIfScript(import.meta, seed);
