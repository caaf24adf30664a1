import { checkStoreName } from '../internal/check-store-name.js';
import type { RateLimitAlgorithm, RateLimitStore } from './rate-limit-store.js';
import { SharedRateLimiter } from './shared-rate-limiter.js';

interface StoreOptions {
  readonly limit: number;
  readonly interval: number;
  readonly store?: RateLimitStore | undefined;
  readonly name?: string | undefined;
  readonly algorithm?: RateLimitAlgorithm | undefined;
}

const ALGORITHMS: readonly unknown[] = ['sliding-log', 'sliding-counter', 'gcra'];

/** The shared engine a `RateLimiter`'s options ask for, checked; `undefined` for an in-process limiter. */
export function sharedRateLimiter(options: StoreOptions): SharedRateLimiter | undefined {
  const { store, name, algorithm } = options;
  if (store === undefined) {
    if (name !== undefined || algorithm !== undefined) {
      throw new TypeError(
        `RateLimiter: ${name !== undefined ? 'name' : 'algorithm'} needs a store (the in-process limiter is a sliding log)`,
      );
    }
    return undefined;
  }
  if (typeof store !== 'object' || store === null || typeof store.consume !== 'function') {
    throw new TypeError(`RateLimiter: store must be a RateLimitStore (with consume()), got ${String(store)}`);
  }
  checkStoreName(name, 'RateLimiter');
  if (algorithm !== undefined && !ALGORITHMS.includes(algorithm)) {
    throw new RangeError(
      `RateLimiter: algorithm must be 'sliding-log', 'sliding-counter' or 'gcra', got ${String(algorithm)}`,
    );
  }
  return new SharedRateLimiter(store, name, algorithm ?? 'sliding-log', options.limit, options.interval);
}
