import type { FastifyRateLimitStore } from '@fastify/rate-limit';

import type { RateLimiter } from '../platform/rate-limit/index.ts';

/**
 * @fastify/rate-limit's store over the portal's rate limiter, so route limits (the payment callback's)
 * are counted in `rate_limit_counters` and shared by every process, like the sign-in limits.
 */
export function sharedRateLimitStore(limiter: RateLimiter) {
  class SharedStore implements FastifyRateLimitStore {
    constructor(_options: unknown = null, private readonly prefix = 'route') {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      limiter.hit(`${this.prefix}:${key}`, { max, windowSeconds: Math.max(1, Math.round(timeWindow / 1000)) }).then(
        (verdict) => callback(null, { current: verdict.count, ttl: verdict.retryAfterSeconds * 1000 }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** One store per limited route (the plugin passes the route as `routeInfo`), so routes count apart. */
    child(options: object): FastifyRateLimitStore {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedStore(null, `route ${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}`);
    }
  }
  return SharedStore;
}
