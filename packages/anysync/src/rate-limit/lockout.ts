import { checkFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkNumber } from '../internal/check-number.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { type Clock, currentClock } from '../internal/clock.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { nextMacrotask } from '../internal/next-macrotask.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
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
export class Lockout {
  readonly #fifo: boolean;
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

  /** `new Lockout()`; the argument is `FifoLockout`'s way in. */
  constructor(mode?: typeof fifoMode) {
    if (mode !== undefined && mode !== fifoMode) {
      const expected = 'called with no arguments (close the gate with lockFor(ms) or lockUntil(deadline))';
      throw invalidArgument('type', 'new Lockout()', expected, mode);
    }
    this.#fifo = mode === fifoMode;
  }

  /** Whether the gate is closed now. */
  get locked(): boolean {
    return currentClock().now() < this.#until;
  }

  /** Milliseconds until the gate opens; 0 when open. */
  get remaining(): number {
    return Math.max(0, this.#until - currentClock().now());
  }

  /** Closes the gate for `ms` milliseconds from now, or longer if a later lockout is already in force. */
  lockFor(ms: number): void {
    checkMilliseconds(ms, 'Lockout.lockFor(): ms', true);
    this.#lockUntil(currentClock().now() + ms);
  }

  /** Closes the gate until `deadline` (on the `currentTime()` scale), unless a later lockout is in force. */
  lockUntil(deadline: number): void {
    this.#lockUntil(checkNumber(deadline, 'Lockout.lockUntil(): deadline'));
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
  lockForRetryAfter(header: string | null | undefined, fallbackMs = 0): number {
    if (header !== undefined && header !== null && typeof header !== 'string') {
      const expected = "the header's value: a string, null or undefined";
      throw invalidArgument('type', 'Lockout.lockForRetryAfter(): header', expected, header);
    }
    checkMilliseconds(fallbackMs, 'Lockout.lockForRetryAfter(): fallbackMs', true);
    const ms = retryAfterMs(header, currentClock().dateNow()) ?? fallbackMs;
    if (ms > 0) this.#lockUntil(currentClock().now() + ms);
    return ms;
  }

  /** Opens the gate now, cancelling every lockout, and lets the waiters through. */
  unlock(): void {
    this.#until = Number.NEGATIVE_INFINITY;
    this.#release();
  }

  /** Resolves when the gate is open (at once if it is). */
  wait(options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'Lockout.wait()');
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if (!this.locked && (!this.#fifo || this.#waiters.size === 0)) return RESOLVED;
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

  stats(): LockoutStats {
    return { locked: this.locked, remaining: this.remaining, waiting: this.#waiters.size };
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
    if (this.locked) {
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
      while (this.#waiters.size > 0 && !this.locked) {
        this.#waiters.resolveHead(undefined);
        if (this.#waiters.size > 0) await nextMacrotask();
      }
    } finally {
      this.#releasing = false;
    }
    if (this.#waiters.size > 0) this.#armTimer();
  }
}
