/**
 * Exports the current catalogue as JSON files that `catalogue:import` takes back unchanged:
 *   npm run catalogue:export -- --out exported/     (one file per kind of record)
 *   npm run catalogue:export                         (one document on standard output)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { argValue, cliServices } from './cli-services.ts';

async function main(): Promise<number> {
  const out = argValue(process.argv.slice(2), '--out');
  const services = await cliServices();
  try {
    const records = await services.catalogue.exportRecords();
    if (!out) {
      process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      return 0;
    }
    await mkdir(out, { recursive: true });
    for (const [key, list] of Object.entries(records) as Array<[string, unknown]>) {
      await writeFile(join(out, `${key}.json`), `${JSON.stringify({ [key]: list }, null, 2)}\n`);
    }
    process.stderr.write(`Exported ${records.services.length} services, ${records.organisations.length} organisations, ${records.centres.length} centres and ${records.events.length} events to ${out}\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

process.exitCode = await main();
