/**
 * How a shared rate limit counts: `'sliding-log'` logs every admission (exact: at most `limit` within any
 * window of `interval`, what the in-memory `RateLimiter` does); `'sliding-counter'` keeps two counters and
 * weighs the previous window by how much of it still overlaps (constant memory, approximate: it assumes
 * the previous window's admissions were spread evenly); `'gcra'` is a token bucket of `limit` refilled
 * over `interval` (constant memory, allows a full burst, then one admission per `interval / limit`).
 *
 * @example
 * ```ts
 * import { type RateLimitAlgorithm, MemoryRateLimitStore, RateLimiter } from 'anysync/rate-limit';
 *
 * const algorithm: RateLimitAlgorithm = 'gcra';
 * const limiter = new RateLimiter({ limit: 10, interval: 1000, algorithm, store: new MemoryRateLimitStore(), name: 'api' });
 * ```
 */
export type RateLimitAlgorithm = 'sliding-log' | 'sliding-counter' | 'gcra';

/**
 * One request to a {@link RateLimitStore}: admit `weight` under `limit` per `interval` milliseconds.
 *
 * @example
 * ```ts
 * import { MemoryRateLimitStore, type RateLimitRequest } from 'anysync/rate-limit';
 *
 * const request: RateLimitRequest = { algorithm: 'sliding-log', limit: 5, interval: 1000, weight: 1 };
 * console.log((await new MemoryRateLimitStore().consume('login:alice', request)).admitted); // true
 * ```
 */
export interface RateLimitRequest {
  readonly algorithm: RateLimitAlgorithm;
  /** Weight admitted per `interval`: a finite number > 0. */
  readonly limit: number;
  /** The window (or refill period, for `'gcra'`), in milliseconds: a finite number > 0. */
  readonly interval: number;
  /** What this admission costs: > 0 and <= `limit`. */
  readonly weight: number;
  /** Only report what would happen; admit nothing. */
  readonly peek?: boolean | undefined;
}

/**
 * What a {@link RateLimitStore} decided. Durations are in milliseconds on the store's clock.
 *
 * @example
 * ```ts
 * import { MemoryRateLimitStore, type RateLimitDecision } from 'anysync/rate-limit';
 *
 * const store = new MemoryRateLimitStore();
 * const request = { algorithm: 'sliding-log', limit: 1, interval: 1000, weight: 1 } as const;
 * await store.consume('k', request);
 * const decision: RateLimitDecision = await store.consume('k', request);
 * console.log(decision.admitted, decision.retryAfterMs > 0); // false true
 * ```
 */
export interface RateLimitDecision {
  /** Whether the weight was admitted (for a peek: whether it would be). */
  readonly admitted: boolean;
  /** Weight that still fits now, after this admission. */
  readonly remaining: number;
  /** Milliseconds until the limit is wholly free again (0 when it is). */
  readonly resetMs: number;
  /** Milliseconds before this weight could be admitted, ignoring other callers; 0 when admitted. */
  readonly retryAfterMs: number;
  /** When the store decided, in milliseconds since the epoch on the store's clock (when it tells). */
  readonly at?: number | undefined;
}

/**
 * Where a {@link RateLimiter} with a `store` keeps its state, so that every process using the same store
 * and name shares one limit. Each call is atomic. `MemoryRateLimitStore` is the in-process one;
 * `@anysync/redis` has one on Redis.
 *
 * @example
 * ```ts
 * import type { RateLimitDecision, RateLimitRequest, RateLimitStore } from 'anysync/rate-limit';
 *
 * // Admits everything: a store for tests of what happens when a limit never bites.
 * const unlimited: RateLimitStore = {
 *   consume: async (_name: string, request: RateLimitRequest): Promise<RateLimitDecision> =>
 *     ({ admitted: true, remaining: request.limit, resetMs: 0, retryAfterMs: 0 }),
 *   reset: async () => {},
 * };
 * ```
 */
export interface RateLimitStore {
  /** Admits `request.weight` under the limit named `name` if it fits now; reports the state either way. */
  consume(name: string, request: RateLimitRequest): Promise<RateLimitDecision>;
  /** Forgets every admission of `name`. */
  reset(name: string): Promise<void>;
}
