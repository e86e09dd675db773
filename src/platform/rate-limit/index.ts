export { createRateLimiter, type RateLimiter, type RateRule, type RateVerdict } from './rate-limiter.ts';
