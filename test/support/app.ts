import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { seedDemoRegistries } from '../../src/app/demo.ts';
import { buildHttp } from '../../src/app/http.ts';
import { startPayments } from '../../src/app/payments.ts';
import type { Clock } from '../../src/kernel/clock.ts';
import type { AttachmentStore } from '../../src/modules/applications/index.ts';
import type { OidcClient } from '../../src/modules/identity/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { FastifyInstance } from 'fastify';

import { testDatabase } from './database.ts';

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
  /** The OpenID Connect client (personas.ts has one that signs personas in without the eID's pages). */
  readonly oidc?: OidcClient;
}

export async function testApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ? { ...options.database, drop: async () => {} } : await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test', ...env });
  const payments = await startPayments(config, { port: 0 });
  const services = await buildServices(config, { db: database.db, ...(options.clock ? { clock: options.clock } : {}), ...(options.attachmentStore ? { attachmentStore: options.attachmentStore } : {}), ...(options.oidc ? { oidc: options.oidc } : {}), ...(payments.provider === null ? {} : { paymentProvider: payments.provider }) });
  await seedDemoRegistries(services);
  const { app } = await buildHttp(services, createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'));
  await app.ready();
  return { app, services, close: async () => { await app.close(); await services.feedback.flushGaps(); await payments.close(); await database.drop(); } };
}
