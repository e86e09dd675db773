import { createHash } from 'node:crypto';

import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../db/database.ts';
import { rateLimitRepository } from './rate-limit.repository.ts';

/** At most `max` hits in each fixed window of `windowSeconds`. */
export interface RateRule {
  readonly max: number;
  readonly windowSeconds: number;
}

export interface RateVerdict {
  readonly allowed: boolean;
  /** Hits in this window so far, this one included. */
  readonly count: number;
  /** Seconds until the window ends (for `Retry-After`). */
  readonly retryAfterSeconds: number;
}

/**
 * Rate limits keyed on what is attacked (a sign-in request, a person, a destination, an address).
 * The counters live in `rate_limit_counters`, so every process on one PostgreSQL shares them; on the
 * embedded database the one process uses the same table. Keys are hashed: they may hold addresses,
 * telephone numbers or e-mail addresses, which the table then never stores in clear.
 */
export function createRateLimiter(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async hit(key: string, rule: RateRule): Promise<RateVerdict> {
      const now = clock.now().getTime();
      const windowMs = rule.windowSeconds * 1000;
      const start = Math.floor(now / windowMs) * windowMs;
      const count = await rateLimitRepository.hit(db, keyHash(key), new Date(start), new Date(start + windowMs));
      return { allowed: count <= rule.max, count, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
    },

    /** Deletes counters whose window has ended (run by the background jobs). */
    purgeExpired: (): Promise<number> => rateLimitRepository.purge(db, clock.now()),
  };
}

/** The key's name space stays readable; what follows the first colon is hashed. */
function keyHash(key: string): string {
  const colon = key.indexOf(':');
  const scope = colon < 0 ? key : key.slice(0, colon);
  return colon < 0 ? scope : `${scope}:${createHash('sha256').update(key.slice(colon + 1)).digest('base64url').slice(0, 32)}`;
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
