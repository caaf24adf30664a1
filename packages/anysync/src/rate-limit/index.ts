/**
 * `anysync/rate-limit`: admission control in time. `RateLimiter` is a sliding-window log (at most `limit`
 * per rolling `interval`, weighted, fair, `{ signal }`); `Lockout` and `FifoLockout` close a gate for
 * everyone until a time, stacking, e.g. to honour HTTP 429 `Retry-After`. Browser-safe; time is anysync's
 * clock, so `VirtualClock` drives all three in tests. Given a `store` (`MemoryRateLimitStore`,
 * `MemoryLockoutStore`, or `@anysync/redis` for every process), a limit or a gate is shared by name.
 *
 * @module
 */
export { FifoLockout } from './fifo-lockout.js';
export { Lockout, type LockoutOptions, type LockoutStats } from './lockout.js';
export type { LockoutSpan, LockoutStore } from './lockout-store.js';
export { MemoryLockoutStore } from './memory-lockout-store.js';
export { MemoryRateLimitStore } from './memory-rate-limit-store.js';
export type {
  RateLimitAlgorithm,
  RateLimitDecision,
  RateLimitRequest,
  RateLimitStore,
} from './rate-limit-store.js';
export {
  type RateLimitAcquireOptions,
  RateLimiter,
  type RateLimiterOptions,
  type RateLimiterStats,
} from './rate-limiter.js';
