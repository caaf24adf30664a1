import { checkFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkNumber } from '../internal/check-number.js';
import { checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { type Clock, currentClock } from '../internal/clock.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { nextMacrotask } from '../internal/next-macrotask.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import type { StoreAnswer } from '../internal/store-answer.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import type { LockoutStore } from './lockout-store.js';
import { sharedLockout } from './shared-lockout-options.js';
import type { SharedLockout } from './shared-lockout.js';
import { retryAfterMs } from './retry-after-ms.js';

/**
 * What `Lockout.stats()` reports.
 *
 * @example
 * ```ts
 * import { Lockout, type LockoutStats } from 'anysync/rate-limit';
 *
 * const lockout = new Lockout();
 * lockout.lockFor(1000);
 * const stats: LockoutStats = lockout.stats();
 * console.log(stats); // { locked: true, remaining: 1000, waiting: 0 }
 * ```
 */
export interface LockoutStats {
  readonly locked: boolean;
  /** Milliseconds until it opens; 0 when open. */
  readonly remaining: number;
  readonly waiting: number;
}

/**
 * Options of {@link Lockout} and `FifoLockout`: none for a gate in this process; a store and a name for
 * one shared by every process using them.
 *
 * @example
 * ```ts
 * import { Lockout, type LockoutOptions, MemoryLockoutStore } from 'anysync/rate-limit';
 *
 * const options: LockoutOptions<MemoryLockoutStore> = { store: new MemoryLockoutStore(), name: 'github' };
 * const gate = new Lockout(options);
 * ```
 */
export interface LockoutOptions<Store extends LockoutStore | undefined = undefined> {
  /**
   * Keep the gate in this store (e.g. `@anysync/redis`): a lockout set by any process holds them all.
   * Every method then returns a promise.
   */
  readonly store?: Store;
  /** The gate's name in the store (required with `store`). */
  readonly name?: string | undefined;
}

const RESOLVED: Promise<void> = Promise.resolve();
/** Lets `FifoLockout` select the ordered behaviour without exposing a constructor option. */
export const fifoMode: unique symbol = Symbol('anysync.fifoLockout');

/**
 * A gate closed until a time, async-utils' `Lockout`: `lockFor(ms)` closes it for everyone, and lockouts
 * stack, so it stays closed until the latest one ends. `wait()` resolves at once while it is open and
 * otherwise when it reopens; work already past the gate is not touched. The typical use is honouring an
 * HTTP 429's `Retry-After` across every caller of an API: acquire your semaphore or rate limiter first,
 * the lockout last. When it reopens, every waiter goes at once; use `FifoLockout` for strict arrival order.
 *
 * @example
 * ```ts
 * import { Lockout } from 'anysync/rate-limit';
 *
 * const api = new Lockout();
 * async function call(url: string) {
 *   await api.wait();
 *   const response = await fetch(url);
 *   if (response.status === 429) api.lockForRetryAfter(response.headers.get('retry-after'), 1000);
 *   return response;
 * }
 * ```
 */
export class Lockout<Store extends LockoutStore | undefined = undefined> {
  readonly #fifo: boolean;
  /** Set when the gate lives in a store: every method then delegates to it. */
  readonly #shared: SharedLockout | undefined;
  #until = Number.NEGATIVE_INFINITY;
  readonly #waiters = new WaitQueue<void>(() => {
    if (this.#waiters.size === 0 && this.#timer !== undefined) this.#timerClock?.clearTimer(this.#timer);
    if (this.#waiters.size === 0) this.#timer = undefined;
  });
  readonly #onTimer = (): void => {
    this.#timer = undefined;
    this.#release();
  };
  #timer: unknown;
  #timerClock: Clock | undefined;
  #releasing = false;

  /** `new Lockout(options)`; the second argument is `FifoLockout`'s way in. */
  constructor(options?: LockoutOptions<Store>, mode?: typeof fifoMode) {
    checkOptions(options, 'Lockout', ['store', 'name']);
    if (mode !== undefined && mode !== fifoMode) {
      throw invalidArgument('type', 'new Lockout()', 'given at most one argument, an options object', mode);
    }
    this.#fifo = mode === fifoMode;
    this.#shared = sharedLockout(options, this.#fifo);
  }

  /** The store the gate lives in; `undefined` for an in-process gate. */
  get store(): Store {
    return this.#shared?.store as Store;
  }

  /** Whether the gate is closed now. */
  get locked(): StoreAnswer<Store, boolean> {
    if (this.#shared !== undefined) return this.#shared.remaining().then((left) => left > 0) as never;
    return (currentClock().now() < this.#until) as never;
  }

  /** Milliseconds until the gate opens; 0 when open. */
  get remaining(): StoreAnswer<Store, number> {
    if (this.#shared !== undefined) return this.#shared.remaining() as never;
    return Math.max(0, this.#until - currentClock().now()) as never;
  }

  /** Closes the gate for `ms` milliseconds from now, or longer if a later lockout is already in force. */
  lockFor(ms: number): StoreAnswer<Store, void> {
    checkMilliseconds(ms, 'Lockout.lockFor(): ms', true);
    if (this.#shared !== undefined)
      return this.#shared.lock({ ms }, 'Lockout.lockFor()').then(() => {}) as never;
    return this.#lockUntil(currentClock().now() + ms) as never;
  }

  /** Closes the gate until `deadline` (on the `currentTime()` scale), unless a later lockout is in force. */
  lockUntil(deadline: number): StoreAnswer<Store, void> {
    checkNumber(deadline, 'Lockout.lockUntil(): deadline');
    if (this.#shared !== undefined) return this.#shared.lockUntil(deadline) as never;
    return this.#lockUntil(deadline) as never;
  }

  #lockUntil(deadline: number): void {
    if (deadline <= this.#until) return;
    this.#until = deadline;
    if (this.#waiters.size > 0) this.#armTimer();
  }

  /**
   * Closes the gate as an HTTP `Retry-After` header says (seconds, or an HTTP date); when the header is
   * missing or unreadable, for `fallbackMs` (default 0: not at all). Returns the milliseconds applied.
   */
  lockForRetryAfter(header: string | null | undefined, fallbackMs = 0): StoreAnswer<Store, number> {
    if (header !== undefined && header !== null && typeof header !== 'string') {
      const expected = "the header's value: a string, null or undefined";
      throw invalidArgument('type', 'Lockout.lockForRetryAfter(): header', expected, header);
    }
    checkMilliseconds(fallbackMs, 'Lockout.lockForRetryAfter(): fallbackMs', true);
    if (this.#shared !== undefined) return this.#shared.lockForRetryAfter(header, fallbackMs) as never;
    const ms = retryAfterMs(header, currentClock().dateNow()) ?? fallbackMs;
    if (ms > 0) this.#lockUntil(currentClock().now() + ms);
    return ms as never;
  }

  /** Opens the gate now, cancelling every lockout, and lets the waiters through. */
  unlock(): StoreAnswer<Store, void> {
    if (this.#shared !== undefined) return this.#shared.unlock() as never;
    this.#until = Number.NEGATIVE_INFINITY;
    this.#release();
    return undefined as never;
  }

  /** Resolves when the gate is open (at once if it is). */
  wait(options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'Lockout.wait()');
    if (this.#shared !== undefined) return this.#shared.wait(options);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if (!this.#isLocked() && (!this.#fifo || this.#waiters.size === 0)) return RESOLVED;
    const waiting = this.#waiters.wait(undefined, options);
    if (this.#timer === undefined && !this.#releasing) this.#armTimer();
    return waiting;
  }

  /** Waits for the gate, then runs `fn`. */
  run<T>(fn: () => T | PromiseLike<T>, options?: WaitOptions): Promise<T> {
    checkFunction(fn, 'Lockout.run(): fn');
    checkWaitOptions(options, 'Lockout.run()');
    return this.wait(options).then(() => fn());
  }

  stats(): StoreAnswer<Store, LockoutStats> {
    const shared = this.#shared;
    if (shared !== undefined) {
      return shared
        .remaining()
        .then((left) => ({ locked: left > 0, remaining: left, waiting: shared.waiting })) as never;
    }
    const remaining = Math.max(0, this.#until - currentClock().now());
    return { locked: remaining > 0, remaining, waiting: this.#waiters.size } as never;
  }

  #isLocked(): boolean {
    return currentClock().now() < this.#until;
  }

  #armTimer(): void {
    if (this.#timer !== undefined) this.#timerClock?.clearTimer(this.#timer);
    const clock = currentClock();
    this.#timerClock = clock;
    this.#timer = clock.setTimer(this.#onTimer, this.#until - clock.now());
  }

  #release(): void {
    if (this.#timer !== undefined) this.#timerClock?.clearTimer(this.#timer);
    this.#timer = undefined;
    if (currentClock().now() < this.#until) {
      if (this.#waiters.size > 0) this.#armTimer();
      return;
    }
    if (!this.#fifo) {
      while (this.#waiters.resolveHead(undefined));
      return;
    }
    if (!this.#releasing) void this.#releaseInOrder();
  }

  /**
   * One waiter per turn of the event loop, re-checking the gate before each: a lockout set by the first
   * one through (say, on a fresh 429) holds the rest.
   */
  async #releaseInOrder(): Promise<void> {
    this.#releasing = true;
    try {
      while (this.#waiters.size > 0 && !this.#isLocked()) {
        this.#waiters.resolveHead(undefined);
        if (this.#waiters.size > 0) await nextMacrotask();
      }
    } finally {
      this.#releasing = false;
    }
    if (this.#waiters.size > 0) this.#armTimer();
  }
}
