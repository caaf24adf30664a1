import { CancelScope } from '../concurrency/cancel-scope.js';
import { throwIfCancelled } from '../concurrency/throw-if-cancelled.js';
import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { Lock } from './lock.js';
import type { Permit } from './permit.js';

/**
 * What `Condition.stats()` reports.
 *
 * @example
 * ```ts
 * import { Condition, type ConditionStats } from 'anysync/primitives';
 *
 * const stats: ConditionStats = new Condition().stats();
 * console.log(stats); // { locked: false, waiting: 0 }
 * ```
 */
export interface ConditionStats {
  readonly locked: boolean;
  /** Tasks in `wait()`, waiting to be notified. */
  readonly waiting: number;
}

/**
 * A condition variable: a lock plus a queue of tasks waiting to be notified that some state changed.
 * `wait()` releases the lock while waiting and takes it back before returning, even when the wait is
 * cancelled, so the caller's cleanup always runs with the lock held. Notifications go to waiters first
 * come, first served; a waiter that is aborted first never consumes one.
 *
 * @example
 * ```ts
 * import { Condition } from 'anysync/primitives';
 *
 * const items: string[] = [];
 * const changed = new Condition();
 *
 * async function take(): Promise<string> {
 *   using _held = await changed.acquire();
 *   await changed.waitFor(() => items.length > 0);
 *   return items.shift() as string;
 * }
 * const taken = take();
 * {
 *   using _held = await changed.acquire();
 *   items.push('job');
 *   changed.notify();
 * }
 * console.log(await taken); // 'job'
 * ```
 */
export class Condition {
  readonly #lock: Lock;
  readonly #waiters = new WaitQueue<void>();

  /** Uses `lock` when given (several conditions may share one), else a new Lock. */
  constructor(lock: Lock = new Lock()) {
    if (!(lock instanceof Lock))
      throw invalidArgument('type', 'Condition: lock', 'a Lock or undefined', lock);
    this.#lock = lock;
  }

  get locked(): boolean {
    return this.#lock.locked;
  }

  /** Acquires the underlying lock. */
  acquire(options?: WaitOptions): Promise<Permit> {
    checkWaitOptions(options, 'Condition.acquire()');
    return this.#lock.acquire(options);
  }

  /** Releases the underlying lock. */
  release(): void {
    this.#lock.release();
  }

  /**
   * With the lock held: releases it, waits for a notification, and re-acquires it before returning or
   * throwing. Throws at once, lock still held, if already cancelled.
   */
  wait(options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'Condition.wait()');
    return this.#wait(options);
  }

  async #wait(options: WaitOptions | undefined): Promise<void> {
    this.#checkHeld('wait');
    throwIfCancelled(options);
    const notified = this.#waiters.wait(undefined, options);
    this.#lock.release();
    try {
      await notified;
    } finally {
      // Shielded, so a cancellation cannot leave the caller without the lock it is about to release.
      await new CancelScope({ shield: true }).run(() => this.#lock.acquire());
    }
  }

  /** Waits, as `wait()` does, until `predicate()` is truthy; returns its value. */
  waitFor<T>(predicate: () => T, options?: WaitOptions): Promise<T> {
    checkFunction(predicate, 'Condition.waitFor(): predicate');
    checkWaitOptions(options, 'Condition.waitFor()');
    return this.#waitFor(predicate, options);
  }

  async #waitFor<T>(predicate: () => T, options: WaitOptions | undefined): Promise<T> {
    for (let result = predicate(); ; result = predicate()) {
      if (result) return result;
      await this.#wait(options);
    }
  }

  /** Wakes up to `count` waiters, oldest first. The lock must be held. */
  notify(count = 1): void {
    checkInteger(count, 'Condition.notify(): count', 0, Number.POSITIVE_INFINITY);
    this.#checkHeld('notify');
    for (let i = 0; i < count && this.#waiters.resolveHead(undefined); i++);
  }

  /** Wakes every waiter. The lock must be held. */
  notifyAll(): void {
    this.#checkHeld('notifyAll');
    while (this.#waiters.resolveHead(undefined));
  }

  stats(): ConditionStats {
    return { locked: this.#lock.locked, waiting: this.#waiters.size };
  }

  #checkHeld(method: string): void {
    if (!this.#lock.locked) throw new Error(`Condition.${method}(): acquire the condition's lock first`);
  }
}
