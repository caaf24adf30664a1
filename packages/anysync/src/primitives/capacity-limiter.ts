import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkCallOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { Permit } from './permit.js';

/**
 * Options of `CapacityLimiter.acquire()`, `tryAcquire()` and `run()`.
 *
 * @example
 * ```ts
 * import { CapacityLimiter, type CapacityLimiterAcquireOptions } from 'anysync/primitives';
 *
 * const request = { id: 1 };
 * const options: CapacityLimiterAcquireOptions = { borrower: request };
 * using _token = await new CapacityLimiter(2).acquire(options);
 * ```
 */
export interface CapacityLimiterAcquireOptions extends WaitOptions {
  /** Who borrows the token; one borrower holds at most one. A fresh anonymous borrower by default. */
  readonly borrower?: unknown;
}

/**
 * What `CapacityLimiter.stats()` reports.
 *
 * @example
 * ```ts
 * import { CapacityLimiter, type CapacityLimiterStats } from 'anysync/primitives';
 *
 * const stats: CapacityLimiterStats = new CapacityLimiter(4).stats();
 * console.log(stats.totalTokens, stats.borrowedTokens); // 4 0
 * ```
 */
export interface CapacityLimiterStats {
  readonly totalTokens: number;
  readonly borrowedTokens: number;
  /** The current borrowers, in the order they got their token. */
  readonly borrowers: readonly unknown[];
  readonly waiting: number;
}

/**
 * A limiter where each borrower (a request, a connection, a job; any object or value) holds at most one
 * token, as in AnyIO and Trio; the total can be changed while in use, and raising it wakes waiters at once.
 * Waiters are served first come, first served; aborted waiters never take a token.
 *
 * @example
 * ```ts
 * import { CapacityLimiter } from 'anysync/primitives';
 *
 * const workers = new CapacityLimiter(4);
 * await workers.run(async () => {
 *   // at most 4 of these at a time
 * });
 * workers.totalTokens = 8; // scale up at runtime
 * ```
 */
export class CapacityLimiter {
  #total: number;
  readonly #borrowers = new Set<unknown>();
  readonly #waiters = new WaitQueue<Permit, unknown>(() => this.#grant());
  readonly #giveBack = (borrower: unknown): void => {
    if (this.#borrowers.delete(borrower)) this.#grant();
  };

  constructor(totalTokens: number) {
    this.#total = checkInteger(totalTokens, 'CapacityLimiter: totalTokens', 1, Number.POSITIVE_INFINITY);
  }

  get totalTokens(): number {
    return this.#total;
  }

  /** Changes the capacity; existing borrowers keep their tokens even if the total drops below them. */
  set totalTokens(value: number) {
    this.#total = checkInteger(value, 'CapacityLimiter.totalTokens', 1, Number.POSITIVE_INFINITY);
    this.#grant();
  }

  get borrowedTokens(): number {
    return this.#borrowers.size;
  }

  get availableTokens(): number {
    return Math.max(0, this.#total - this.#borrowers.size);
  }

  /** Waits for a token for `borrower`; rejects if that borrower already holds one. */
  acquire(options?: CapacityLimiterAcquireOptions): Promise<Permit> {
    checkWaitOptions(options, 'CapacityLimiter.acquire()');
    const borrower = this.#borrower(options, 'acquire');
    if (this.#waiters.size > 0 || this.#borrowers.size >= this.#total)
      return this.#waiters.wait(borrower, options);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#borrowers.add(borrower);
    return Promise.resolve(new Permit(this.#giveBack, borrower));
  }

  /** Borrows a token if one is free right now and nobody waits; `undefined` otherwise. */
  tryAcquire(options?: { readonly borrower?: unknown }): Permit | undefined {
    checkCallOptions(options, 'CapacityLimiter.tryAcquire()');
    const borrower = this.#borrower(options, 'tryAcquire');
    if (this.#waiters.size > 0 || this.#borrowers.size >= this.#total) return undefined;
    this.#borrowers.add(borrower);
    return new Permit(this.#giveBack, borrower);
  }

  /** Returns `borrower`'s token. Throws if it holds none. */
  release(borrower: unknown): void {
    if (!this.#borrowers.has(borrower)) {
      throw new Error('CapacityLimiter.release(): this borrower holds no token of this limiter');
    }
    this.#giveBack(borrower);
  }

  /** Runs `fn` while holding a token and returns it however `fn` ends. */
  run<T>(fn: () => T | PromiseLike<T>, options?: CapacityLimiterAcquireOptions): Promise<T> {
    checkFunction(fn, 'CapacityLimiter.run(): fn');
    checkWaitOptions(options, 'CapacityLimiter.run()');
    return this.#run(fn, options);
  }

  async #run<T>(
    fn: () => T | PromiseLike<T>,
    options: CapacityLimiterAcquireOptions | undefined,
  ): Promise<T> {
    const permit = await this.acquire(options);
    try {
      return await fn();
    } finally {
      permit.release();
    }
  }

  stats(): CapacityLimiterStats {
    return {
      totalTokens: this.#total,
      borrowedTokens: this.#borrowers.size,
      borrowers: [...this.#borrowers],
      waiting: this.#waiters.size,
    };
  }

  #borrower(options: { readonly borrower?: unknown } | undefined, method: string): unknown {
    if (options === undefined || !('borrower' in options)) return {};
    const { borrower } = options;
    if (this.#borrowers.has(borrower)) {
      throw new Error(
        `CapacityLimiter.${method}(): this borrower already holds one of this limiter's tokens`,
      );
    }
    return borrower;
  }

  #grant(): void {
    while (this.#borrowers.size < this.#total) {
      const waiter = this.#waiters.shift();
      if (waiter === undefined) return;
      this.#borrowers.add(waiter.data);
      waiter.resolve(new Permit(this.#giveBack, waiter.data));
    }
  }
}
