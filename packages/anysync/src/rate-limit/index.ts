/**
 * `anysync/rate-limit`: admission control in time. `RateLimiter` is a sliding-window log (at most `limit`
 * per rolling `interval`, weighted, fair, `{ signal }`); `Lockout` and `FifoLockout` close a gate for
 * everyone until a time, stacking, e.g. to honour HTTP 429 `Retry-After`. Browser-safe; time is anysync's
 * clock, so `VirtualClock` drives all three in tests.
 *
 * @module
 */
export { FifoLockout } from './fifo-lockout.js';
export { Lockout, type LockoutStats } from './lockout.js';
export {
  type RateLimitAcquireOptions,
  RateLimiter,
  type RateLimiterOptions,
  type RateLimiterStats,
} from './rate-limiter.js';
