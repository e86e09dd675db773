/**
 * A tax registry's stand-in behind the exchange's provider half, for the consent tests: the directory
 * knows the given banks' members under one secret, their rights and which of them need consent, and the
 * provider checks consent with the portal's consent service. `client` signs as one of the members.
 */
import Fastify, { type FastifyInstance } from 'fastify';

import { createExchangeClient, type ExchangeClient, exchangeDirectory, memberKey, parseSubsystem, registerProvider, type ServiceHandler } from '../../src/platform/exchange/index.ts';
import type { CasesApp } from '../cases/support.ts';

export const TAX = 'PORTICO-DEV/GOV/00000006/tax';
const SECRET = 'a-tax-registry-test-secret-of-more-than-thirty-two-bytes';

export interface TaxRegistry {
  readonly registry: FastifyInstance;
  client(subsystem: string, member: string): ExchangeClient;
}

export async function startTaxRegistry(t: CasesApp, setup: {
  members: readonly string[];
  rights: Record<string, string[]>;
  consentRequired: Record<string, string[]>;
  services: Record<string, ServiceHandler>;
}): Promise<TaxRegistry> {
  const directory = exchangeDirectory({ members: setup.members.map((m) => memberKey(m, SECRET)), rights: setup.rights, consentRequired: setup.consentRequired });
  const registry = Fastify({ logger: false });
  registerProvider(registry, {
    db: t.services.db, clock: t.clock, directory, subsystem: parseSubsystem(TAX)!, maxAgeSeconds: 60,
    services: setup.services,
    consent: (request) => t.services.consent.inForce(request),
  });
  await registry.listen({ host: '127.0.0.1', port: 0 });
  const address = registry.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    registry,
    client: (subsystem, member) => createExchangeClient({ db: t.services.db, clock: t.clock, baseUrl: url, client: subsystem, key: memberKey(member, SECRET), timeoutMs: 5000 }),
  };
}
