import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, developmentDirectory } from '../platform/exchange/index.ts';
import type { Config } from './config.ts';

/**
 * The base registries for this process. With EXCHANGE_URL the portal talks to that security server and
 * nothing starts here; outside production without one, the population registry's stand-in starts on
 * EXCHANGE_REGISTRY_PORT with the embedded exchange in front, logging its side in the portal's database
 * (`npm run registry:population` runs it as a process of its own instead, with EXCHANGE_URL pointing at it).
 */
export async function startExchange(config: Config, deps: { db: Database; clock: Clock }, options: { port?: number } = {}): Promise<{ url: string | null; close: () => Promise<void> }> {
  if (config.exchange.url !== null || config.env === 'production') {
    return { url: null, close: async () => {} };
  }
  const { startPopulationRegistry } = await import('../dev/index.ts');
  const registry = await startPopulationRegistry({
    host: '127.0.0.1', port: options.port ?? config.exchange.registryPort, db: deps.db, clock: deps.clock,
    subsystem: DEVELOPMENT_EXCHANGE.population, directory: developmentDirectory(config.exchange.signingSecret ?? DEVELOPMENT_EXCHANGE_SECRET), maxAgeSeconds: config.exchange.maxAgeSeconds,
  });
  return { url: registry.url, close: () => registry.close() };
}
