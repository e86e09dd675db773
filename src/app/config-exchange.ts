import { DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, parseSubsystem } from '../platform/exchange/index.ts';

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
  return {
    url: url('EXCHANGE_URL', ['http:', 'https:']),
    registryPort: int('EXCHANGE_REGISTRY_PORT', 3005, 0, 65535),
    client,
    signingSecret: secret !== '' ? secret : nodeEnv === 'production' ? null : DEVELOPMENT_EXCHANGE_SECRET,
    populationService,
    timeoutMs: int('EXCHANGE_TIMEOUT_MS', 5000, 100, 120_000),
    maxAgeSeconds: int('EXCHANGE_MAX_AGE_SECONDS', 60, 1, 3600),
  };
}
