import { AdmissionLog } from './admission-log.js';
import type { RateLimitDecision, RateLimitRequest } from './rate-limit-store.js';

/**
 * The state of one limit in a `MemoryRateLimitStore`, one class per algorithm. The arithmetic is the same
 * as the Lua of `@anysync/redis`, so both stores decide alike (the shared conformance suite checks it).
 */
export interface LimitState {
  decide(now: number, request: RateLimitRequest): RateLimitDecision;
  /** When, on the store's clock, the limit is wholly free again (the state can then be dropped). */
  readonly freeAt: number;
}

/** The exact log: each admission counts for `interval` after it happened. */
export class SlidingLogState implements LimitState {
  readonly #log = new AdmissionLog();
  freeAt = Number.NEGATIVE_INFINITY;

  decide(now: number, { limit, interval, weight, peek }: RateLimitRequest): RateLimitDecision {
    const log = this.#log;
    log.dropUntil(now - interval);
    const freeing = log.timeFreeing(weight, limit);
    const admitted = freeing === undefined;
    if (admitted && peek !== true) log.push(now, weight);
    const newest = log.newest;
    this.freeAt = newest === undefined ? now : newest + interval;
    return {
      admitted,
      remaining: Math.max(0, limit - log.used),
      resetMs: Math.max(0, this.freeAt - now),
      retryAfterMs: admitted ? 0 : Math.max(0, freeing + interval - now),
    };
  }
}

/**
 * Two fixed windows aligned on multiples of `interval`: the estimate is the current window's weight plus
 * the previous one's, scaled by the share of it the sliding window still covers.
 */
export class SlidingCounterState implements LimitState {
  #window = Number.NaN;
  #current = 0;
  #previous = 0;
  freeAt = Number.NEGATIVE_INFINITY;

  decide(now: number, { limit, interval, weight, peek }: RateLimitRequest): RateLimitDecision {
    const window = Math.floor(now / interval);
    if (window === this.#window + 1) {
      this.#previous = this.#current;
      this.#current = 0;
    } else if (window !== this.#window) {
      this.#previous = 0;
      this.#current = 0;
    }
    this.#window = window;
    const start = window * interval;
    // The same operations in the same order as the Redis script, so both round alike.
    let estimate = (this.#previous * (interval - (now - start))) / interval + this.#current;
    const admitted = estimate + weight <= limit;
    let retryAfterMs = 0;
    if (admitted && peek !== true) {
      this.#current += weight;
      estimate += weight;
    } else if (!admitted) {
      retryAfterMs = counterRetryAt(start, interval, limit, weight, this.#previous, this.#current) - now;
    }
    if (this.#current > 0) this.freeAt = start + 2 * interval;
    else this.freeAt = this.#previous > 0 ? start + interval : now;
    return {
      admitted,
      remaining: Math.max(0, limit - estimate),
      resetMs: Math.max(0, this.freeAt - now),
      retryAfterMs: Math.max(0, retryAfterMs),
    };
  }
}

/** The first time at which `weight` fits, for a counter whose current window starts at `start`. */
function counterRetryAt(
  start: number,
  interval: number,
  limit: number,
  weight: number,
  previous: number,
  current: number,
): number {
  // In this window, the previous one's share shrinks until previous * covered + current + weight <= limit.
  if (current + weight <= limit && previous > 0) {
    return start + interval * (1 - (limit - current - weight) / previous);
  }
  // In the next one, this window's weight is the share that shrinks (weight <= limit always fits by its end).
  return start + interval + interval * (1 - (limit - weight) / current);
}

/**
 * The generic cell rate algorithm: a theoretical arrival time that each admission pushes back by
 * `weight * interval / limit`; an admission fits while that time stays within `interval` of now.
 */
export class GcraState implements LimitState {
  #tat = Number.NEGATIVE_INFINITY;
  freeAt = Number.NEGATIVE_INFINITY;

  decide(now: number, { limit, interval, weight, peek }: RateLimitRequest): RateLimitDecision {
    const emission = interval / limit;
    const base = Math.max(this.#tat, now);
    // How far ahead of now the bucket would be: it fits within `interval` (give or take float rounding,
    // which `interval / limit * limit` is off by).
    const ahead = base - now + weight * emission;
    const admitted = ahead <= interval * (1 + 1e-12);
    if (admitted && peek !== true) this.#tat = base + weight * emission;
    const tat = Math.max(this.#tat, now);
    this.freeAt = tat;
    return {
      admitted,
      remaining: Math.max(0, (interval - (tat - now)) / emission),
      resetMs: tat - now,
      retryAfterMs: admitted ? 0 : ahead - interval,
    };
  }
}
