import { checkStoreName } from '../internal/check-store-name.js';
import { currentClock } from '../internal/clock.js';
import { checkRateLimitRequest } from './check-rate-limit-request.js';
import { GcraState, type LimitState, SlidingCounterState, SlidingLogState } from './limit-states.js';
import type {
  RateLimitAlgorithm,
  RateLimitDecision,
  RateLimitRequest,
  RateLimitStore,
} from './rate-limit-store.js';

const STATES: Record<RateLimitAlgorithm, new () => LimitState> = {
  'sliding-log': SlidingLogState,
  'sliding-counter': SlidingCounterState,
  gcra: GcraState,
};

/**
 * The in-process {@link RateLimitStore}: every `RateLimiter` given the same instance and name shares one
 * limit. It is what `@anysync/redis` falls back to, and the reference its Redis store is tested against.
 * Time is anysync's clock (so `VirtualClock` drives it); limits that are wholly free again are dropped,
 * so memory follows the limits in use, not every name ever seen.
 *
 * @example
 * ```ts
 * import { MemoryRateLimitStore, RateLimiter } from 'anysync/rate-limit';
 *
 * const store = new MemoryRateLimitStore();
 * const a = new RateLimiter({ limit: 2, interval: 1000, store, name: 'search' });
 * const b = new RateLimiter({ limit: 2, interval: 1000, store, name: 'search' });
 * await a.acquire();
 * await b.acquire();
 * console.log((await a.consume()).admitted); // false: a and b share 2 per second
 * ```
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #states = new Map<string, LimitState>();
  #sweepAt = 1024;

  /** How many limits are held (those not yet wholly free). */
  get size(): number {
    return this.#states.size;
  }

  consume(name: string, request: RateLimitRequest): Promise<RateLimitDecision> {
    try {
      return Promise.resolve(this.consumeNow(name, request));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** `consume()`, answered synchronously. */
  consumeNow(name: string, request: RateLimitRequest): RateLimitDecision {
    checkStoreName(name, 'MemoryRateLimitStore.consume()');
    checkRateLimitRequest(request, 'MemoryRateLimitStore.consume()');
    const key = `${request.algorithm}\u0000${name}`;
    let state = this.#states.get(key);
    if (state === undefined) {
      state = new STATES[request.algorithm]();
      if (this.#states.size >= this.#sweepAt) this.#sweep();
      this.#states.set(key, state);
    }
    const clock = currentClock();
    const now = clock.now();
    const decision = state.decide(now, request);
    if (state.freeAt <= now) this.#states.delete(key);
    return { ...decision, at: clock.dateNow() };
  }

  reset(name: string): Promise<void> {
    checkStoreName(name, 'MemoryRateLimitStore.reset()');
    for (const algorithm of Object.keys(STATES)) this.#states.delete(`${algorithm}\u0000${name}`);
    return Promise.resolve();
  }

  /** Drops the limits that are wholly free; the next sweep waits until the map has doubled again. */
  #sweep(): void {
    const now = currentClock().now();
    for (const [key, state] of this.#states) if (state.freeAt <= now) this.#states.delete(key);
    this.#sweepAt = Math.max(1024, this.#states.size * 2);
  }
}
