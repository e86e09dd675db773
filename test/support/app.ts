import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { seedDemoRegistries } from '../../src/app/demo.ts';
import { buildHttp } from '../../src/app/http.ts';
import { startPayments } from '../../src/app/payments.ts';
import type { Clock } from '../../src/kernel/clock.ts';
import type { AttachmentStore } from '../../src/modules/applications/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { FastifyInstance } from 'fastify';

/**
 * A database for a test file: embedded PGlite in memory by default, or a fresh schema on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite on both).
 */
export async function testDatabase(): Promise<{ db: Database; url: string | null; drop: () => Promise<void> }> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const db = await openDatabase({ url: null, dataDir: null, poolSize: 1 });
    return { db, url: null, drop: () => db.close() };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = await openDatabase({ url: serverUrl, dataDir: null, poolSize: 1 });
  await admin.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE SCHEMA ${schema}`);
  const url = withSearchPath(serverUrl, schema);
  const db = await openDatabase({ url, dataDir: null, poolSize: 5 });
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  // pg_trgm lives in public; the test schema comes first so each test file has its own tables.
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly close: () => Promise<void>;
}

export interface TestAppOptions {
  /** The services' clock (the HTTP layer and the eID keep real time). */
  readonly clock?: Clock;
  /** Build over this database instead of a fresh one (a second process on the same database); the caller drops it. */
  readonly database?: { readonly db: Database };
  /** Keep files in this store instead of the configured one. */
  readonly attachmentStore?: AttachmentStore;
}

export async function testApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ? { ...options.database, drop: async () => {} } : await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test', ...env });
  const payments = await startPayments(config, { port: 0 });
  const services = await buildServices(config, { db: database.db, ...(options.clock ? { clock: options.clock } : {}), ...(options.attachmentStore ? { attachmentStore: options.attachmentStore } : {}), ...(payments.provider === null ? {} : { paymentProvider: payments.provider }) });
  await seedDemoRegistries(services);
  const { app } = await buildHttp(services, createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'));
  await app.ready();
  return { app, services, close: async () => { await app.close(); await payments.close(); await database.drop(); } };
}
