/**
 * The population registry's stand-in as a process of its own, beside `npm start`:
 *   npm run registry:population            (listens on EXCHANGE_REGISTRY_PORT, 3005)
 *   EXCHANGE_URL=http://127.0.0.1:3005 npm start
 * Its side of the exchange's message log is kept in a database of its own: REGISTRY_DATABASE_URL
 * (PostgreSQL), else embedded PGlite in REGISTRY_DATA_DIR (./data/population-registry; `:memory:` for
 * none), sealed every second. It accepts the requests of the portal's member signed with the key of
 * EXCHANGE_SIGNING_KEY (the development key without one).
 */
import { resolve } from 'node:path';

import { MIGRATIONS_DIR } from '../../app/container.ts';
import { systemClock } from '../../kernel/clock.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { openDatabase } from '../../platform/db/open.ts';
import { DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, developmentDirectory, sealExchangeLog } from '../../platform/exchange/index.ts';
import { startPopulationRegistry } from './population-registry.ts';

const env = process.env;
const dataDir = env['REGISTRY_DATA_DIR'] ?? './data/population-registry';
const db = await openDatabase({ url: env['REGISTRY_DATABASE_URL'] ?? null, dataDir: dataDir === ':memory:' ? null : resolve(dataDir), poolSize: 5 });
await migrate(db, MIGRATIONS_DIR);
const maxAgeSeconds = Number(env['EXCHANGE_MAX_AGE_SECONDS'] || 60);
const seal = () => sealExchangeLog(db, () => systemClock.now(), 2 * maxAgeSeconds);
const registry = await startPopulationRegistry({
  host: env['HOST'] || '127.0.0.1', port: Number(env['EXCHANGE_REGISTRY_PORT'] || 3005), db, clock: systemClock,
  subsystem: DEVELOPMENT_EXCHANGE.population, directory: developmentDirectory(env['EXCHANGE_SIGNING_KEY'] || DEVELOPMENT_EXCHANGE_SECRET),
  maxAgeSeconds,
});
const sealer = setInterval(() => void seal().catch((error: unknown) => process.stderr.write(`sealing failed: ${String(error)}\n`)), 1000);
process.stdout.write(`The population registry answers at ${registry.url}/r1/${DEVELOPMENT_EXCHANGE.personService}\n`);
const stop = () => {
  clearInterval(sealer);
  void registry.close().then(seal).then(() => db.close()).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
