/**
 * The registry's side of bench/exchange in a process of its own, as in a deployment, where the registry is
 * another information system: the registries' stand-ins behind the embedded exchange, and the direct
 * baseline route, on the database of DATABASE_URL (migrated by the benchmark). Prints one JSON line with
 * both addresses, then serves until SIGTERM.
 */
import Fastify from 'fastify';

import { registriesDirectory, startRegistries } from '../../src/dev/index.ts';
import { populationRegister } from '../../src/dev/registries/population.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { DEVELOPMENT_EXCHANGE_SECRET } from '../../src/platform/exchange/index.ts';

const db = await openDatabase({ url: process.env['DATABASE_URL'] ?? null, dataDir: null, poolSize: Number(process.env['POOL_SIZE'] ?? '10') });
const lookup = await populationRegister();
const registry = await startRegistries({ host: '127.0.0.1', port: 0, db, clock: systemClock, directory: registriesDirectory(DEVELOPMENT_EXCHANGE_SECRET), maxAgeSeconds: 60 });
const direct = Fastify({ logger: false });
direct.post('/person', async (request, reply) => {
  const nationalId = (request.body as { nationalId?: unknown } | null)?.nationalId;
  const record = typeof nationalId === 'string' ? lookup(nationalId) : undefined;
  return record === undefined ? reply.code(404).send({ problem: 'not-found' }) : reply.send(record);
});
const directUrl = await direct.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ registry: registry.url, direct: directUrl })}\n`);
process.on('SIGTERM', () => {
  void Promise.all([direct.close(), registry.close()]).then(() => db.close()).then(() => process.exit(0));
});
