/**
 * Exports the current catalogue as JSON files that `catalogue:import` takes back unchanged:
 *   npm run catalogue:export -- --out exported/     (one file per kind of record)
 *   npm run catalogue:export                         (one document on standard output)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { argValue, type CliIo, cliServices, runIfScript } from './cli-services.ts';

export async function catalogueExport(args: readonly string[], io: CliIo): Promise<number> {
  const out = argValue(args, '--out');
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  try {
    const records = await services.catalogue.exportRecords();
    if (!out) {
      io.out(`${JSON.stringify(records, null, 2)}\n`);
      return 0;
    }
    await mkdir(out, { recursive: true });
    for (const [key, list] of Object.entries(records) as Array<[string, unknown]>) {
      await writeFile(join(out, `${key}.json`), `${JSON.stringify({ [key]: list }, null, 2)}\n`);
    }
    io.err(`Exported ${records.services.length} services, ${records.organisations.length} organisations, ${records.centres.length} centres and ${records.events.length} events to ${out}\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

await runIfScript(import.meta, catalogueExport);
