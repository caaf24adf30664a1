import { checkFunction, checkOptionalFunction } from '../internal/check-function.js';
import { checkPositive } from '../internal/check-number.js';
import { checkCallOptions, checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { checkWeight } from '../internal/check-weight.js';
import { type Clock, currentClock } from '../internal/clock.js';
import { DecimalUnits, MAX_UNITS } from '../internal/decimal-units.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import type { StoreAnswer } from '../internal/store-answer.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { AdmissionLog } from './admission-log.js';
import type { RateLimitAlgorithm, RateLimitDecision, RateLimitStore } from './rate-limit-store.js';
import { sharedRateLimiter } from './shared-rate-limiter-options.js';
import type { SharedRateLimiter } from './shared-rate-limiter.js';

/**
 * Options of {@link RateLimiter}.
 *
 * @example
 * ```ts
 * import { RateLimiter, type RateLimiterOptions } from 'anysync/rate-limit';
 *
 * const options: RateLimiterOptions = { limit: 50, interval: 1000 }; // 50 per rolling second
 * const limiter = new RateLimiter(options);
 * ```
 */
export interface RateLimiterOptions<Store extends RateLimitStore | undefined = undefined> {
  /**
   * How much weight may be admitted within any window of `interval` milliseconds: a number > 0, at most
   * 2^51. Weights, fractional ones included, are counted exactly in decimal steps (see the guide).
   */
  readonly limit: number;
  /** The length of the sliding window, in milliseconds. */
  readonly interval: number;
  /**
   * Keep the limit in this store (e.g. `@anysync/redis`), shared by every limiter, in any process, given
   * the same store and `name`. Methods that answer synchronously in memory then return promises.
   */
  readonly store?: Store;
  /** The shared limit's name in the store (required with `store`). */
  readonly name?: string | undefined;
  /** How the store counts (only with `store`; default `'sliding-log'`, what the in-memory limiter does). */
  readonly algorithm?: RateLimitAlgorithm | undefined;
}

/**
 * Options of `RateLimiter.acquire()` and `run()`.
 *
 * @example
 * ```ts
 * import { RateLimiter, type RateLimitAcquireOptions } from 'anysync/rate-limit';
 *
 * const options: RateLimitAcquireOptions = { weight: 5, signal: AbortSignal.timeout(2000) };
 * await new RateLimiter({ limit: 10, interval: 1000 }).acquire(options);
 * ```
 */
export interface RateLimitAcquireOptions extends WaitOptions {
  /**
   * What this admission costs (default 1), e.g. the number of items in a bulk request: a number > 0 and
   * at most the limit (a heavier one could never be admitted, so it throws a `RangeError` at the call).
   */
  readonly weight?: number | undefined;
}

/**
 * What `RateLimiter.stats()` reports.
 *
 * @example
 * ```ts
 * import { RateLimiter, type RateLimiterStats } from 'anysync/rate-limit';
 *
 * const stats: RateLimiterStats = new RateLimiter({ limit: 5, interval: 100 }).stats();
 * console.log(stats); // { limit: 5, interval: 100, used: 0, waiting: 0, admitted: 0 }
 * ```
 */
export interface RateLimiterStats {
  readonly limit: number;
  readonly interval: number;
  /** Weight admitted within the current window. */
  readonly used: number;
  /** Acquisitions queued. */
  readonly waiting: number;
  /** Acquisitions admitted since creation. */
  readonly admitted: number;
}

const RESOLVED: Promise<void> = Promise.resolve();

/** `fn()` as a promise: its own promise when it returns one, a rejection when it throws. */
function settle<T>(fn: () => T | PromiseLike<T>): Promise<Awaited<T>> {
  try {
    return Promise.resolve(fn()) as Promise<Awaited<T>>;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * A sliding-window-log rate limiter, the counterpart of async-utils' `RateLimiter` (without its bug: it
 * keeps admitting after the first `limit` acquisitions). At most `limit` weight is admitted within any
 * window of `interval` milliseconds: each admission is logged, and one counts until `interval` after it
 * happened. Waits are first come, first served (a heavy acquisition at the head is not overtaken), take
 * `{ signal }`, honour the cancel scope, and wake on one timer set for the exact moment the head fits, not
 * by polling. Time is anysync's clock, so `VirtualClock` drives it in tests.
 *
 * @example
 * ```ts
 * import { RateLimiter } from 'anysync/rate-limit';
 *
 * const limiter = new RateLimiter({ limit: 2, interval: 100 });
 * const started = Date.now();
 * for (let i = 0; i < 5; i++) await limiter.acquire();
 * console.log(Date.now() - started >= 200); // true: 2 at once, 2 after 100 ms, 1 after 200 ms
 *
 * const ping = limiter.wrap(async (host: string) => `pong from ${host}`);
 * console.log(await ping('example.com'));
 * ```
 */
export class RateLimiter<Store extends RateLimitStore | undefined = undefined> {
  readonly #limit: number;
  readonly #interval: number;
  readonly #log = new AdmissionLog();
  /** Weights are counted in whole units (see DecimalUnits): the log's total never drifts. */
  readonly #units: DecimalUnits;
  #limitUnits = 0;
  /** Units per 1 (the scale of #units, kept here for the fast path of every acquisition). */
  #one = 1;
  /** Waiters carry their weight as given, not in units: the units may grow finer while they wait. */
  readonly #waiters = new WaitQueue<void, number>(() => this.#admitWaiters());
  readonly #onTimer = (): void => {
    this.#timer = undefined;
    this.#admitWaiters();
  };
  #timer: unknown;
  #timerClock: Clock | undefined;
  #admitted = 0;
  /** Set when the limit lives in a store: every method then delegates to it. */
  readonly #shared: SharedRateLimiter | undefined;

  constructor(options: RateLimiterOptions<Store>) {
    const known = ['limit', 'interval', 'store', 'name', 'algorithm'];
    checkOptions(options, 'RateLimiter', known, '{ limit, interval }');
    const limit = checkPositive(options.limit, 'RateLimiter: limit');
    if (limit > MAX_UNITS) {
      throw new RangeError(`RateLimiter: limit must be at most 2^51 to be counted exactly, got ${limit}`);
    }
    this.#interval = checkPositive(options.interval, 'RateLimiter: interval');
    this.#limit = limit;
    this.#units = new DecimalUnits(limit, (factor) => {
      this.#limitUnits *= factor;
      this.#one *= factor;
      this.#log.rescale(factor);
    });
    this.#limitUnits = this.#units.of(limit);
    this.#shared = sharedRateLimiter(options);
  }

  /** The store the limit lives in; `undefined` for an in-process limiter. */
  get store(): Store {
    return this.#shared?.store as Store;
  }

  get limit(): number {
    return this.#limit;
  }

  get interval(): number {
    return this.#interval;
  }

  /** Resolves once `weight` (default 1) is admitted; queues behind earlier acquisitions. */
  acquire(options?: RateLimitAcquireOptions): Promise<void> {
    checkWaitOptions(options, 'RateLimiter.acquire()');
    const units = this.#weight(options?.weight, 'RateLimiter.acquire(): weight');
    const weight = options?.weight ?? 1;
    if (this.#shared !== undefined) return this.#shared.acquire(weight, options);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if (this.#admit(units)) return RESOLVED;
    const waiting = this.#waiters.wait(weight, options);
    if (this.#waiters.size === 1) this.#admitWaiters();
    return waiting;
  }

  /** Admits `weight` now if it fits and nobody is queued; false otherwise. Never waits. */
  tryAcquire(weight = 1): StoreAnswer<Store, boolean> {
    const units = this.#weight(weight, 'RateLimiter.tryAcquire(): weight');
    if (this.#shared !== undefined) return this.#shared.tryAcquire(weight) as never;
    return this.#admit(units) as never;
  }

  /**
   * One attempt at admitting `weight` (default 1), straight to the limit and ahead of queued `acquire()`
   * calls, reporting what remains, when the limit is wholly free and how long until `weight` would fit:
   * what an HTTP server needs for `429` and `RateLimit-*` headers.
   */
  consume(weight = 1): StoreAnswer<Store, RateLimitDecision> {
    const units = this.#weight(weight, 'RateLimiter.consume(): weight');
    if (this.#shared !== undefined) return this.#shared.consume(weight) as never;
    const now = currentClock().now();
    const log = this.#log;
    log.dropUntil(now - this.#interval);
    const freeing = log.timeFreeing(units, this.#limitUnits);
    if (freeing === undefined) {
      log.push(now, units);
      this.#admitted++;
    }
    const newest = log.newest;
    const decision: RateLimitDecision = {
      admitted: freeing === undefined,
      remaining: this.#units.quantity(Math.max(0, this.#limitUnits - log.used)),
      resetMs: newest === undefined ? 0 : Math.max(0, newest + this.#interval - now),
      retryAfterMs: freeing === undefined ? 0 : Math.max(0, freeing + this.#interval - now),
    };
    return decision as never;
  }

  #admit(weight: number): boolean {
    if (this.#waiters.size > 0) return false;
    const now = currentClock().now();
    const log = this.#log;
    log.dropUntil(now - this.#interval);
    if (log.used + weight > this.#limitUnits) return false;
    log.push(now, weight);
    this.#admitted++;
    return true;
  }

  /** Acquires, then runs `fn`; resolves to its result. When admitted at once, `fn` runs at once. */
  run<T>(fn: () => T | PromiseLike<T>, options?: RateLimitAcquireOptions): Promise<Awaited<T>> {
    checkFunction(fn, 'RateLimiter.run(): fn');
    checkWaitOptions(options, 'RateLimiter.run()');
    const units = this.#weight(options?.weight, 'RateLimiter.run(): weight');
    const weight = options?.weight ?? 1;
    if (this.#shared !== undefined) {
      return this.#shared.acquire(weight, options).then(() => fn()) as Promise<Awaited<T>>;
    }
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if (this.#admit(units)) return settle(fn);
    const waiting = this.#waiters.wait(weight, options);
    if (this.#waiters.size === 1) this.#admitWaiters();
    return waiting.then(() => fn()) as Promise<Awaited<T>>;
  }

  /** A version of `fn` whose every call first acquires (weight 1, or `weight(...args)`), as `run()`. */
  wrap<A extends unknown[], R>(
    fn: (...args: A) => R | PromiseLike<R>,
    options?: NoInfer<{
      readonly weight?: ((...args: A) => number) | undefined;
      readonly signal?: AbortSignal;
    }>,
  ): (...args: A) => Promise<Awaited<R>> {
    checkFunction(fn, 'RateLimiter.wrap(): fn');
    checkCallOptions(options, 'RateLimiter.wrap()');
    const weightOf = checkOptionalFunction(options?.weight, 'RateLimiter.wrap(): weight');
    const signal = checkSignal(options?.signal, 'RateLimiter.wrap(): signal');
    // Without weights or a signal, every call shares one options object (none at all).
    const fixed = signal === undefined ? undefined : { signal };
    return (...args: A): Promise<Awaited<R>> =>
      this.run(() => fn(...args), weightOf === undefined ? fixed : { weight: weightOf(...args), signal });
  }

  /** Milliseconds until `weight` (default 1) could be admitted, ignoring the queue; 0 when it fits now. */
  delayFor(weight = 1): StoreAnswer<Store, number> {
    const units = this.#weight(weight, 'RateLimiter.delayFor(): weight');
    if (this.#shared !== undefined) return this.#shared.delayFor(weight) as never;
    const now = currentClock().now();
    this.#log.dropUntil(now - this.#interval);
    const freeing = this.#log.timeFreeing(units, this.#limitUnits);
    return (freeing === undefined ? 0 : Math.max(0, freeing + this.#interval - now)) as never;
  }

  /** For a shared limit, `used` is the store's; `waiting` and `admitted` count this process's calls. */
  stats(): StoreAnswer<Store, RateLimiterStats> {
    if (this.#shared !== undefined) return this.#shared.stats() as never;
    this.#log.dropUntil(currentClock().now() - this.#interval);
    return {
      limit: this.#limit,
      interval: this.#interval,
      used: this.#units.quantity(this.#log.used),
      waiting: this.#waiters.size,
      admitted: this.#admitted,
    } as never;
  }

  /** `weight` (default 1) checked against the limit, in units (a store gets the weight as given). */
  #weight(weight: number | undefined, label: string): number {
    if (weight === undefined || (weight === 1 && this.#limit >= 1)) return this.#one;
    // The common case, inline: a weight that is whole units already and fits the limit.
    if (typeof weight === 'number') {
      const units = weight * this.#one;
      if (units === Math.floor(units) && units > 0 && units <= this.#limitUnits) return units;
    }
    return checkWeight(weight, label, this.#units, this.#limit, 'the limit');
  }

  /**
   * Admits queued acquisitions from the head while they fit, then sets one timer for the moment the head
   * will. Every timer it sets lies strictly ahead on the clock, and when it fires at least one admission
   * has left the window: an admission whose end is due within the rounding of the clock's arithmetic is
   * counted as gone at once, so no timer can fire and find nothing changed (a zero-delay loop).
   */
  #admitWaiters(): void {
    if (this.#timer !== undefined) this.#timerClock?.clearTimer(this.#timer);
    this.#timer = undefined;
    const clock = currentClock();
    const now = clock.now();
    const log = this.#log;
    log.dropUntil(now - this.#interval);
    for (let head = this.#waiters.head; head !== undefined; head = this.#waiters.head) {
      const weight = this.#units.of(head.data);
      if (log.used + weight <= this.#limitUnits) {
        this.#waiters.shift();
        log.push(now, weight);
        this.#admitted++;
        head.resolve();
        continue;
      }
      // Defined: the head is never heavier than the limit, and the log's total is exact.
      const freeing = log.timeFreeing(weight, this.#limitUnits) as number;
      const delay = freeing + this.#interval - now;
      if (now + delay > now) {
        this.#timerClock = clock;
        this.#timer = clock.setTimer(this.#onTimer, delay);
        return;
      }
      log.dropUntil(freeing);
    }
  }
}
