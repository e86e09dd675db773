import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { readCatalogueFiles } from '../cli/catalogue-files.ts';
import { formatIssue } from '../modules/catalogue/index.ts';
import { type RegistryData, registriesRepository } from '../modules/identity/index.ts';
import type { Logger } from '../platform/logging/logger.ts';
import type { Services } from './container.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../catalogue/demo/', import.meta.url));
export const REGISTRIES_DIR = fileURLToPath(new URL('../../registries/demo/', import.meta.url));
const SEED_LOCK = 7_401_002;

/** Fills an empty catalogue with the demo state's records; several processes may start at once. */
export async function seedDemoCatalogue(services: Services, logger: Logger): Promise<void> {
  await services.db.withLock(SEED_LOCK, async () => {
    const [row] = await services.db.query<{ n: number }>('SELECT count(*) AS n FROM catalogue_versions');
    if ((row?.n ?? 0) > 0) {
      return;
    }
    const read = await readCatalogueFiles([DEMO_DIR]);
    if (!read.ok) {
      throw new Error(`demo catalogue is invalid:\n${read.error.map(formatIssue).join('\n')}`);
    }
    const imported = await services.catalogue.importRecords(read.value.records, 'demo-seed');
    if (!imported.ok) {
      throw new Error(`demo catalogue is inconsistent:\n${imported.error.issues.map((i) => `${i.kind} ${i.recordId} ${i.pointer}: ${i.message}`).join('\n')}`);
    }
    logger.info({ created: imported.value.created }, 'demo catalogue loaded');
  });
}

/**
 * Fills empty demo registers (business, population) and adds the demo staff roles never granted yet:
 * a clerk, a decision-maker and a supervisor for every agency with services online (registries/demo/staff.json).
 */
export async function seedDemoRegistries(services: Services): Promise<void> {
  await services.db.withLock(SEED_LOCK, async () => {
    const read = async <T>(name: string) => JSON.parse(await readFile(`${REGISTRIES_DIR}${name}`, 'utf8')) as T;
    const staffFile = await read<{ roles: Array<Omit<RegistryData['staff'][number], 'id'>> }>('staff.json');
    const staff = staffFile.roles.map((r) => ({ ...r, id: randomUUID() }));
    const at = services.clock.now();
    const population = await read<{ people: RegistryData['people']; children: RegistryData['children'] }>('population-registry.json');
    if (!(await registriesRepository.isEmpty(services.db))) {
      await services.db.transaction(async (tx) => {
        await registriesRepository.addMissingPeople(tx, population.people);
        await registriesRepository.addMissingStaff(tx, staff, at);
      });
      return;
    }
    const business = await read<{ companies: RegistryData['companies'] }>('business-registry.json');
    const data: RegistryData = { companies: business.companies, children: population.children, people: population.people, staff };
    await services.db.transaction((tx) => registriesRepository.load(tx, data, at));
  });
}
