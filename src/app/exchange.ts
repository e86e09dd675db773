import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { DEVELOPMENT_EXCHANGE_SECRET } from '../platform/exchange/index.ts';
import type { Config } from './config.ts';

/**
 * The base registries for this process. With EXCHANGE_URL the portal talks to that security server and
 * nothing starts here; outside production without one, the registries' stand-ins (population, business,
 * vehicles, property, tax, social insurance) start on EXCHANGE_REGISTRY_PORT with the embedded exchange in
 * front, logging their sides in the portal's database (`npm run registries` runs them as a process of their
 * own instead, with EXCHANGE_URL pointing at it).
 */
export async function startExchange(config: Config, deps: { db: Database; clock: Clock }, options: { port?: number } = {}): Promise<{ url: string | null; close: () => Promise<void> }> {
  if (config.exchange.url !== null || config.env === 'production') {
    return { url: null, close: async () => {} };
  }
  const { registriesDirectory, startRegistries } = await import('../dev/index.ts');
  const registries = await startRegistries({
    host: '127.0.0.1', port: options.port ?? config.exchange.registryPort, db: deps.db, clock: deps.clock,
    directory: registriesDirectory(config.exchange.signingSecret ?? DEVELOPMENT_EXCHANGE_SECRET), maxAgeSeconds: config.exchange.maxAgeSeconds,
  });
  return { url: registries.url, close: () => registries.close() };
}
