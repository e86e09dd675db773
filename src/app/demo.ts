import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { readCatalogueFiles } from '../cli/catalogue-files.ts';
import { caseBatch, personRows, type ScaleTerm } from '../cli/scale-rows.ts';
import { insertWriter, scaleSeedRepository } from '../cli/scale-seed.repository.ts';
import { formatIssue } from '../modules/catalogue/index.ts';
import { dueDate, holidayCalendar } from '../modules/deadlines/index.ts';
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

/** How many decided cases the demo's past year holds: enough for every service's monthly figures to pass the suppression of small cells. */
export const DEMO_HISTORY = { persons: 500, organisations: 0, cases: 4_000 } as const;

/**
 * Gives a portal with no cases a past year of decided cases (`caseBatch`'s history mix: every service
 * under its own statutory term, every channel, granted, refused and withdrawn, some after their term),
 * so that the public performance pages and open data of a fresh demo show figures computed from case
 * events. The applicants are people of their own (tax numbers from 7000000000) whom nobody signs in as;
 * the cases carry no documents and stay out of officers' default queues, which list cases not yet decided.
 * Nothing happens once the database holds a case, so a restart or a database in use is left alone.
 */
export async function seedDemoHistory(services: Services, logger: Logger): Promise<void> {
  await services.db.withLock(SEED_LOCK, async () => {
    if ((await scaleSeedRepository.caseCount(services.db)) > 0) {
      return;
    }
    const catalogue = await scaleSeedRepository.services(services.db);
    if (catalogue.length === 0) {
      return;
    }
    const now = services.clock.now();
    await services.db.transaction(async (tx) => {
      const writer = insertWriter(tx);
      await writer.write('persons', personRows(DEMO_HISTORY, now));
      const firstNumber = await scaleSeedRepository.reserveNumbers(tx, DEMO_HISTORY.cases);
      const calendar = holidayCalendar(Array.from({ length: 3 }, (_, i) => now.getUTCFullYear() - 2 + i));
      // Each case's due date by the portal's own rule for its service's term (working days skip weekends and holidays).
      const dueOn = (start: string, term: ScaleTerm): string => {
        const due = dueDate(start, term, calendar);
        return due.kind === 'due' ? due.day : start;
      };
      const batch = caseBatch({ sizes: DEMO_HISTORY, services: catalogue, officers: new Map(), now, from: 0, count: DEMO_HISTORY.cases, firstNumber, mix: 'history', dueOn });
      await writer.write('cases', batch.cases);
      await writer.write('case_events', batch.case_events);
    });
    logger.info({ cases: DEMO_HISTORY.cases }, 'demo history loaded');
  });
}
