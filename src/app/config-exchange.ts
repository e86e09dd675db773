import { DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, parseSubsystem } from '../platform/exchange/index.ts';
import { isRegistryServiceKey, REGISTRY_CONTRACTS, REGISTRY_SERVICE_KEYS, type RegistryServiceKey } from '../platform/registries/index.ts';

/** The exchange with the base registries (ADR 0024; docs/operations.md, "The exchange"). */
export interface ExchangeConfig {
  /**
   * EXCHANGE_URL: the security server the portal sends X-Road REST requests to; null outside production:
   * the embedded exchange and the registries' stand-ins start beside the portal (EXCHANGE_REGISTRY_PORT, 3005).
   */
  readonly url: string | null;
  readonly registryPort: number;
  /** EXCHANGE_CLIENT: the portal's subsystem, INSTANCE/CLASS/MEMBER/SUBSYSTEM (X-Road-Client). */
  readonly client: string;
  /**
   * EXCHANGE_SIGNING_KEY: the secret the portal member's Ed25519 key is derived from (32 characters or more);
   * null in production without one: the security server signs.
   */
  readonly signingSecret: string | null;
  /** EXCHANGE_POPULATION_SERVICE: the population registry's person service, INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE. */
  readonly populationService: string;
  /**
   * Every registry service of the contracts (platform/registries), by key: the development exchange's by default,
   * EXCHANGE_POPULATION_SERVICE for `population.person`, and EXCHANGE_SERVICES (`key=INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`,
   * comma-separated) for any of them.
   */
  readonly services: Readonly<Record<RegistryServiceKey, string>>;
  /** EXCHANGE_EVIDENCE_RETRY_SECONDS: the first wait before a registry down is asked again for a case's evidence; doubled each time up to an hour (30). */
  readonly evidenceRetrySeconds: number;
  /** PROACTIVE_LOOKBACK_DAYS: how far back the portal reads a registry's events the first time it follows its feed (30; ADR 0032). */
  readonly proactiveLookbackDays: number;
  /** EXCHANGE_TIMEOUT_MS: how long a registry query waits for its answer (5000). */
  readonly timeoutMs: number;
  /** EXCHANGE_MAX_AGE_SECONDS: how old a signed request the embedded exchange accepts (60). */
  readonly maxAgeSeconds: number;
}

export function exchangeConfig(
  env: Readonly<Record<string, string | undefined>>,
  nodeEnv: string,
  problems: string[],
  url: (name: string, protocols: readonly string[]) => string | null,
  int: (name: string, fallback: number, min: number, max: number) => number,
): ExchangeConfig {
  const secret = env['EXCHANGE_SIGNING_KEY'] ?? '';
  if (secret !== '' && secret.length < 32) {
    problems.push('EXCHANGE_SIGNING_KEY must be at least 32 characters');
  }
  const client = env['EXCHANGE_CLIENT'] || DEVELOPMENT_EXCHANGE.portal;
  if (parseSubsystem(client) === null) {
    problems.push('EXCHANGE_CLIENT must be INSTANCE/CLASS/MEMBER/SUBSYSTEM');
  }
  const populationService = env['EXCHANGE_POPULATION_SERVICE'] || DEVELOPMENT_EXCHANGE.personService;
  if (parseSubsystem(populationService.split('/').slice(0, 4).join('/')) === null || populationService.split('/').length !== 5) {
    problems.push('EXCHANGE_POPULATION_SERVICE must be INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE');
  }
  const isService = (text: string) => text.split('/').length === 5 && parseSubsystem(text.split('/').slice(0, 4).join('/')) !== null && /^[A-Za-z0-9._-]{1,64}$/.test(text.split('/')[4] ?? '');
  const services = Object.fromEntries(REGISTRY_SERVICE_KEYS.map((k) => [k, REGISTRY_CONTRACTS[k].service])) as Record<RegistryServiceKey, string>;
  services['population.person'] = populationService;
  for (const item of (env['EXCHANGE_SERVICES'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const [key = '', service = ''] = item.split('=');
    if (!isRegistryServiceKey(key) || !isService(service)) {
      problems.push(`EXCHANGE_SERVICES: "${item}" must be <registry service>=INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE, the registry service one of ${REGISTRY_SERVICE_KEYS.join(', ')}`);
    } else {
      services[key] = service;
    }
  }
  return {
    url: url('EXCHANGE_URL', ['http:', 'https:']),
    registryPort: int('EXCHANGE_REGISTRY_PORT', 3005, 0, 65535),
    client,
    signingSecret: secret !== '' ? secret : nodeEnv === 'production' ? null : DEVELOPMENT_EXCHANGE_SECRET,
    populationService,
    services,
    evidenceRetrySeconds: int('EXCHANGE_EVIDENCE_RETRY_SECONDS', 30, 1, 3600),
    proactiveLookbackDays: int('PROACTIVE_LOOKBACK_DAYS', 30, 0, 3650),
    timeoutMs: int('EXCHANGE_TIMEOUT_MS', 5000, 100, 120_000),
    maxAgeSeconds: int('EXCHANGE_MAX_AGE_SECONDS', 60, 1, 3600),
  };
}
