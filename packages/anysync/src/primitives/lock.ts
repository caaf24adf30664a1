import { checkFunction } from '../internal/check-function.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type Task, TokenRunner } from '../internal/token-runner.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { Permit } from './permit.js';

/**
 * What `Lock.stats()` reports.
 *
 * @example
 * ```ts
 * import { Lock, type LockStats } from 'anysync/primitives';
 *
 * const stats: LockStats = new Lock().stats();
 * console.log(stats); // { locked: false, waiting: 0 }
 * ```
 */
export interface LockStats {
  readonly locked: boolean;
  /** Waits queued for the lock. */
  readonly waiting: number;
}

/**
 * A fair mutual-exclusion lock: waiters are served strictly first come, first served, and a release hands
 * the lock straight to the next waiter (nobody can barge in). Every wait accepts `{ signal }` and rejects
 * inside a cancelled scope; an aborted waiter leaves the queue and never takes the lock.
 *
 * @example
 * ```ts
 * import { Lock } from 'anysync/primitives';
 *
 * const lock = new Lock();
 * {
 *   using _held = await lock.acquire();
 *   // only one task at a time runs here
 * }
 * const total = await lock.run(async () => 40 + 2); // acquire, run, release
 * ```
 */
export class Lock {
  #locked = false;
  /** A waiting `run()` carries its task, which it is granted with; `acquire()` is granted a permit. */
  readonly #waiters = new WaitQueue<unknown>();
  readonly #unlock = (): void => this.#handOver();
  readonly #runner = new TokenRunner(this.#unlock);

  /** Whether someone holds the lock. */
  get locked(): boolean {
    return this.#locked;
  }

  /** Waits for the lock; resolves with the permit that releases it. */
  acquire(options?: WaitOptions): Promise<Permit> {
    checkWaitOptions(options, 'Lock.acquire()');
    if (this.#locked) return this.#waiters.wait(undefined, options) as Promise<Permit>;
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#locked = true;
    return Promise.resolve(new Permit(this.#unlock));
  }

  /** Takes the lock if it is free right now; `undefined` otherwise. */
  tryAcquire(): Permit | undefined {
    if (this.#locked) return undefined;
    this.#locked = true;
    return new Permit(this.#unlock);
  }

  /** Releases the lock, whoever acquired it. Prefer releasing the permit. Throws if the lock is free. */
  release(): void {
    if (!this.#locked) throw new Error('Lock.release(): the lock is not held');
    this.#handOver();
  }

  /** Runs `fn` while holding the lock and releases it however `fn` ends. */
  run<T>(fn: Task<T>, options?: WaitOptions): Promise<T> {
    checkFunction(fn, 'Lock.run(): fn');
    checkWaitOptions(options, 'Lock.run()');
    if (this.#locked)
      return (this.#waiters.wait(undefined, options, fn) as Promise<Task<T>>).then(this.#runner.start);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#locked = true;
    return this.#runner.run(fn);
  }

  stats(): LockStats {
    return { locked: this.#locked, waiting: this.#waiters.size };
  }

  #handOver(): void {
    if (!this.#locked) return;
    const next = this.#waiters.shift();
    if (next === undefined) this.#locked = false;
    else next.resolve(next.payload ?? new Permit(this.#unlock));
  }
}
