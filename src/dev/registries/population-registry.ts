/**
 * The population registry's stand-in: a small HTTP service of its own with the provider's half of the
 * embedded exchange in front (platform/exchange/provider.ts), so the portal reaches it only by signed,
 * logged X-Road REST requests. One service, `person`: POST `{ "nationalId": "…" }` answers the person's
 * record (200) or that the register has no such person (404). The national id travels in the body, not
 * in a URL that proxies and access logs keep.
 */
import Fastify from 'fastify';

import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { type DirectoryData, exchangeDirectory, parseSubsystem, registerProvider } from '../../platform/exchange/index.ts';
import { loadPopulation } from './population-data.ts';

export interface PopulationRegistryOptions {
  readonly host: string;
  readonly port: number;
  /** Where the provider's side logs its messages and remembers request ids. */
  readonly db: Database;
  readonly clock: Clock;
  /** The registry's subsystem (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`). */
  readonly subsystem: string;
  readonly directory: DirectoryData;
  readonly maxAgeSeconds: number;
}

export interface PopulationRegistry {
  /** The embedded security server's base URL (its services are under `/r1/`). */
  readonly url: string;
  close(): Promise<void>;
}

export async function startPopulationRegistry(options: PopulationRegistryOptions): Promise<PopulationRegistry> {
  const subsystem = parseSubsystem(options.subsystem);
  if (subsystem === null) {
    throw new RangeError(`not a subsystem: ${options.subsystem}`);
  }
  const records = await loadPopulation();
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  registerProvider(app, {
    db: options.db, clock: options.clock, directory: exchangeDirectory(options.directory), subsystem, maxAgeSeconds: options.maxAgeSeconds,
    services: {
      async person({ body }) {
        const nationalId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['nationalId'] : undefined;
        if (typeof nationalId !== 'string' || !/^[0-9]{10}$/.test(nationalId)) {
          return { status: 400, body: { problem: 'nationalId must be 10 digits' } };
        }
        const record = records.get(nationalId);
        return record === undefined ? { status: 404, body: { problem: 'not-found' } } : { status: 200, body: record };
      },
    },
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { url: `http://${options.host}:${port}`, close: () => app.close() };
}
