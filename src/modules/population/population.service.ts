import type { ReadPurpose } from '../../kernel/access.ts';
import type { Clock } from '../../kernel/clock.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ExchangeClient } from '../../platform/exchange/index.ts';
import { type PopulationRecord, REGISTRY_CONTRACTS, type RegistryServiceKey, REGISTRY_SERVICE_KEYS } from '../../platform/registries/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { createRegistries } from '../registries/index.ts';

/** A query answered: the record or null (the register has no such person), with the exchange's request id. */
export interface PopulationAnswer {
  readonly record: PopulationRecord | null;
  readonly requestId: string;
}

export type PopulationFailure =
  /** Only staff query registers, for a case or a legal basis. */
  | { readonly code: 'population.forbidden' }
  | { readonly code: 'population.national-id-invalid' }
  /** The exchange refused the request (its X-Road-Error type). */
  | { readonly code: 'population.refused'; readonly type: string; readonly requestId: string }
  /** No answer (the registry or the exchange is down, or answered something the contract does not allow): try again later. */
  | { readonly code: 'population.unavailable'; readonly requestId: string };

/**
 * The population registry, reached only over the exchange (ADR 0024): the registries' query (ADR 0027) for its
 * `person` service. Every query is a staff member's, for a case or a legal basis: it travels as X-Road-UserId and
 * X-Road-Issue; the answer is checked against the service's contract (platform/registries); once the register
 * answered (found or not: it was asked) an access record of that national id is written with the same purpose,
 * which the person sees in "Who saw my data". A refusal or no answer is a failure value and no record.
 */
export function createPopulationRegister(deps: { db: Database; clock: Clock; exchange: ExchangeClient; service: string }) {
  const services = Object.fromEntries(REGISTRY_SERVICE_KEYS.map((k) => [k, REGISTRY_CONTRACTS[k].service])) as Record<RegistryServiceKey, string>;
  const registries = createRegistries({ db: deps.db, clock: deps.clock, exchange: deps.exchange, services: { ...services, 'population.person': deps.service }, retrySeconds: 30 });
  return {
    async person(staff: SignedIn, nationalId: string, purpose: ReadPurpose): Promise<Result<PopulationAnswer, PopulationFailure>> {
      const answer = await registries.query(staff, 'population.person', nationalId, purpose);
      if (answer.ok) {
        return ok({ record: answer.value.record, requestId: answer.value.requestId });
      }
      const e = answer.error;
      switch (e.code) {
        case 'registry.forbidden':
          return err({ code: 'population.forbidden' });
        case 'registry.subject-invalid':
          return err({ code: 'population.national-id-invalid' });
        case 'registry.refused':
          return err({ code: 'population.refused', type: e.type, requestId: e.requestId });
        case 'registry.unavailable':
          return err({ code: 'population.unavailable', requestId: e.requestId });
      }
    },
  };
}
