import { fileURLToPath } from 'node:url';

import { systemClock, type Clock } from '../kernel/clock.ts';
import { createCatalogueService } from '../modules/catalogue/index.ts';
import { type OidcClient, createContactsService, createStaffService, createMandatesService, createSessionsService, openIdClient } from '../modules/identity/index.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import type { Config } from './config.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** The composition root: adapters, then repositories and services. The only code that knows everything. */
export async function buildServices(config: Config, options: { clock?: Clock; db?: Database; oidc?: OidcClient } = {}) {
  const db = options.db ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }));
  await migrate(db, MIGRATIONS_DIR);
  const clock = options.clock ?? systemClock;
  const writers = db.kind === 'pglite' ? 'local' : 'shared';
  const catalogue = createCatalogueService({ db, clock, publicUrl: config.publicUrl, writers });
  const identity = config.identity;
  const sessions = createSessionsService({
    db,
    clock,
    oidc: options.oidc ?? openIdClient(),
    providers: identity.providers,
    callbackUrl: (idp) => `${config.publicUrl}/auth/callback/${idp}`,
    policy: { idleMinutes: identity.sessionIdleMinutes, absoluteHours: identity.sessionAbsoluteHours, signInMinutes: 10 },
  });
  const mandates = createMandatesService({ db, clock });
  const contacts = createContactsService({ db, clock });
  const staff = createStaffService({ db, clock });
  return { config, db, clock, catalogue, sessions, mandates, contacts, staff };
}

export type Services = Awaited<ReturnType<typeof buildServices>>;
