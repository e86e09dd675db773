import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { seedDemoCatalogue } from '../../src/app/demo.ts';
import { syntheticServices } from '../../src/cli/synthetic-catalogue.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import type { SearchQuery } from '../../src/modules/catalogue/index.ts';

export interface Target {
  readonly name: 'pglite' | 'postgres';
  /** Environment for the portal process. */
  readonly env: Record<string, string>;
}

/** A fresh schema on the PostgreSQL server, reached through search_path in the URL. */
export async function freshPostgresSchema(serverUrl: string, schema: string): Promise<string> {
  const admin = await openDatabase({ url: serverUrl, dataDir: null, poolSize: 1 });
  await admin.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await admin.close();
  const u = new URL(serverUrl);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

/** Migrates, loads the demo catalogue and `count` synthetic services; returns the plan of a typical search. */
export async function seedTarget(target: Target, count: number): Promise<{ plan: string; services: number; seconds: number }> {
  const started = Date.now();
  const services = await buildServices(loadConfig({ ...target.env, LOG_LEVEL: 'silent' }));
  try {
    await seedDemoCatalogue(services, createLogger('silent'));
    const base = await services.catalogue.exportRecords();
    const generated = syntheticServices(count, base);
    for (let i = 0; i < generated.length; i += 1000) {
      const result = await services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: generated.slice(i, i + 1000) }, 'bench');
      if (!result.ok) {
        throw new Error(`seeding failed: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
      }
    }
    if (services.db.kind === 'postgres') {
      await services.db.exec('ANALYZE');
    }
    const query: SearchQuery = { text: 'pasport', audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 20 };
    const plan = await services.catalogue.explainSearch(query);
    const total = (await services.catalogue.serviceCounts()).value.total;
    return { plan, services: total, seconds: (Date.now() - started) / 1000 };
  } finally {
    await services.db.close();
  }
}
