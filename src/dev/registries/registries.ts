/**
 * The base registries' stand-ins (ADR 0024, 0027): each register is an information system of its own — its
 * data (registries/demo) and its handler — with the provider's half of the embedded exchange in front
 * (platform/exchange/provider.ts), under its own subsystem. One HTTP server stands for the security servers
 * of all of them: a request to `/r1/<subsystem>/<service>` is passed to that subsystem's provider, which
 * checks it, logs its side and answers. Every service answers its contract (platform/registries): 200 with
 * the record, 404 for no such subject, 400 for a request that does not name one.
 */
import Fastify from 'fastify';

import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import {
  acceptBodiesAsBytes, DEVELOPMENT_EXCHANGE, type DirectoryData, developmentDirectory, EXCHANGE_ERRORS, exchangeDirectory, HEADERS, parseSubsystem, providerHandler, type ServiceHandler,
} from '../../platform/exchange/index.ts';
import {
  feedRequestOf, REGISTRY_CONTRACTS, REGISTRY_FEED_KEYS, REGISTRY_FEEDS, REGISTRY_SERVICE_KEYS, type RegistryEvent, type RegistryFeedKey, type RegistryServiceKey, subjectOfRequest,
} from '../../platform/registries/index.ts';
import { businessRecords, businessRegister } from './business.ts';
import { businessEvents, feedPage, populationEvents } from './events.ts';
import type { Lookup } from './demo-data.ts';
import { populationRecords, populationRegister } from './population.ts';
import { propertyRegister } from './property.ts';
import { socialInsuranceRegister } from './social-insurance.ts';
import { taxRegister } from './tax.ts';
import { vehiclesRegister } from './vehicles.ts';

export interface RegistriesOptions {
  readonly host: string;
  readonly port: number;
  /** Where the providers' sides log their messages and remember request ids. */
  readonly db: Database;
  readonly clock: Clock;
  readonly directory: DirectoryData;
  readonly maxAgeSeconds: number;
}

export interface Registries {
  /** The embedded security servers' base URL (every register's services are under `/r1/`). */
  readonly url: string;
  close(): Promise<void>;
}

/** The demo directory with the portal's right to every registry service of the contracts. */
export function registriesDirectory(portalSecret: string): DirectoryData {
  const base = developmentDirectory(portalSecret);
  const rights: Record<string, readonly string[]> = { ...base.rights };
  for (const service of [...REGISTRY_SERVICE_KEYS.map((k) => REGISTRY_CONTRACTS[k].service), ...REGISTRY_FEED_KEYS.map((k) => REGISTRY_FEEDS[k].service)]) {
    rights[service] = [DEVELOPMENT_EXCHANGE.portal];
  }
  return { ...base, rights };
}

/** A service answering its contract from a register's lookup. */
const serviceOf = (key: RegistryServiceKey, lookup: Lookup<unknown>): ServiceHandler => async ({ body }) => {
  const subject = subjectOfRequest(key, body);
  if (subject === null) {
    return { status: 400, body: { problem: REGISTRY_CONTRACTS[key].subject === 'business' ? 'registryCode must be 8 digits' : 'nationalId must be 10 digits' } };
  }
  const record = lookup(subject);
  return record === undefined ? { status: 404, body: { problem: 'not-found' } } : { status: 200, body: record };
};

/** A feed answering the events after the request's cursor, as of the registry's day (ADR 0032). */
const feedOf = (events: readonly RegistryEvent[], today: () => string): ServiceHandler => async ({ body }) => {
  const request = feedRequestOf(body);
  return request === null
    ? { status: 400, body: { problem: 'after must be a cursor or null, limit 1 to 500' } }
    : { status: 200, body: feedPage(events, today(), request.after, request.limit) };
};

const subsystemOf = (service: string): string => service.split('/').slice(0, 4).join('/');

export async function startRegistries(options: RegistriesOptions): Promise<Registries> {
  const today = () => options.clock.now().toISOString().slice(0, 10);
  const lookups: Record<RegistryServiceKey, Lookup<unknown>> = {
    'population.person': await populationRegister(),
    'business.company': await businessRegister(),
    'vehicles.vehicles-of-owner': await vehiclesRegister(),
    'property.properties-of-owner': await propertyRegister(),
    'tax.income': await taxRegister(),
    'social-insurance.insured-record': await socialInsuranceRegister(today),
  };
  const feeds: Record<RegistryFeedKey, RegistryEvent[]> = {
    'population.events': populationEvents(await populationRecords()),
    'business.events': businessEvents(await businessRecords()),
  };
  const handlers: Array<[string, ServiceHandler]> = [
    ...REGISTRY_SERVICE_KEYS.map((k): [string, ServiceHandler] => [REGISTRY_CONTRACTS[k].service, serviceOf(k, lookups[k])]),
    ...REGISTRY_FEED_KEYS.map((k): [string, ServiceHandler] => [REGISTRY_FEEDS[k].service, feedOf(feeds[k], today)]),
  ];
  // One provider per subsystem, with its services; the server passes each request to its subsystem's.
  const directory = exchangeDirectory(options.directory);
  const providers = new Map<string, ReturnType<typeof providerHandler>>();
  for (const [service] of handlers) {
    const subsystem = subsystemOf(service);
    const id = parseSubsystem(subsystem);
    if (id === null) {
      throw new RangeError(`not a subsystem: ${subsystem}`);
    }
    const services = Object.fromEntries(handlers.filter(([s]) => subsystemOf(s) === subsystem).map(([s, h]) => [s.split('/')[4] ?? '', h]));
    if (!providers.has(subsystem)) {
      providers.set(subsystem, providerHandler({ db: options.db, clock: options.clock, directory, subsystem: id, maxAgeSeconds: options.maxAgeSeconds, services }));
    }
  }
  const front = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  acceptBodiesAsBytes(front);
  front.route({
    method: ['GET', 'POST'], url: '/r1/*',
    handler: async (request, reply) => {
      const provider = providers.get(request.url.split('?')[0]?.split('/').slice(2, 6).join('/') ?? '');
      if (provider === undefined) {
        const type = 'Server.ServerProxy.UnknownService';
        const id = request.headers[HEADERS.id];
        return reply.code(EXCHANGE_ERRORS[type]).header(HEADERS.error, type).type('application/json')
          .send({ type, message: 'no such member or subsystem here', detail: typeof id === 'string' ? id.slice(0, 200) : null });
      }
      return provider(request, reply);
    },
  });
  await front.listen({ host: options.host, port: options.port });
  const address = front.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    async close() {
      await front.close();
    },
  };
}
