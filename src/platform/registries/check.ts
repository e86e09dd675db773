/**
 * An answer checked against its contract: what comes over the exchange is another system's data, never
 * trusted to have the contract's shape. Compiled once per service (TypeBox's compiler).
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';

import { type AnswerOf, EventsPage, REGISTRY_CONTRACTS, type RegistryServiceKey } from './contracts.ts';

const compiled = new Map<RegistryServiceKey, TypeCheck<TSchema>>();

/** The answer as its contract types it, or null when it breaks the contract. */
export function checkAnswer<K extends RegistryServiceKey>(key: K, body: unknown): AnswerOf<K> | null {
  let check = compiled.get(key);
  if (check === undefined) {
    check = TypeCompiler.Compile(REGISTRY_CONTRACTS[key].answer);
    compiled.set(key, check);
  }
  return check.Check(body) ? (body as AnswerOf<K>) : null;
}


const eventsPage = TypeCompiler.Compile(EventsPage);

/** A feed's page as its contract types it, or null when it breaks the contract. */
export const checkEventsPage = (body: unknown): EventsPage | null => (eventsPage.Check(body) ? body : null);
