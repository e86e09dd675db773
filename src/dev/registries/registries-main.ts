/**
 * The base registries' stand-ins as a process of their own, beside `npm start`:
 *   npm run registries            (listens on EXCHANGE_REGISTRY_PORT, 3005)
 *   EXCHANGE_URL=http://127.0.0.1:3005 npm start
 * Population, business, vehicles, property, tax and social insurance, each its own subsystem behind the
 * embedded exchange. Their sides of the exchange's message log are kept in a database of their own:
 * REGISTRY_DATABASE_URL (PostgreSQL), else embedded PGlite in REGISTRY_DATA_DIR (./data/registries;
 * `:memory:` for none), sealed every second. They accept the requests of the portal's member signed
 * with the key of EXCHANGE_SIGNING_KEY (the development key without one).
 */
import { resolve } from 'node:path';

import { MIGRATIONS_DIR } from '../../app/container.ts';
import { systemClock } from '../../kernel/clock.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { openDatabase } from '../../platform/db/open.ts';
import { DEVELOPMENT_EXCHANGE_SECRET, sealExchangeLog } from '../../platform/exchange/index.ts';
import { REGISTRY_CONTRACTS, REGISTRY_SERVICE_KEYS } from '../../platform/registries/index.ts';
import { registriesDirectory, startRegistries } from './registries.ts';

const env = process.env;
const dataDir = env['REGISTRY_DATA_DIR'] ?? './data/registries';
const db = await openDatabase({ url: env['REGISTRY_DATABASE_URL'] ?? null, dataDir: dataDir === ':memory:' ? null : resolve(dataDir), poolSize: 5 });
await migrate(db, MIGRATIONS_DIR);
const maxAgeSeconds = Number(env['EXCHANGE_MAX_AGE_SECONDS'] || 60);
const seal = () => sealExchangeLog(db, () => systemClock.now(), 2 * maxAgeSeconds);
const registries = await startRegistries({
  host: env['HOST'] || '127.0.0.1', port: Number(env['EXCHANGE_REGISTRY_PORT'] || 3005), db, clock: systemClock,
  directory: registriesDirectory(env['EXCHANGE_SIGNING_KEY'] || DEVELOPMENT_EXCHANGE_SECRET), maxAgeSeconds,
});
const sealer = setInterval(() => void seal().catch((error: unknown) => process.stderr.write(`sealing failed: ${String(error)}\n`)), 1000);
process.stdout.write(`The registries answer at ${registries.url}/r1/…:\n${REGISTRY_SERVICE_KEYS.map((k) => `  ${k}: ${REGISTRY_CONTRACTS[k].service}\n`).join('')}`);
const stop = () => {
  clearInterval(sealer);
  void registries.close().then(seal).then(() => db.close()).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
