import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
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
  readonly #waiters = new WaitQueue<Permit>();
  readonly #unlock = (): void => this.#handOver();

  /** Whether someone holds the lock. */
  get locked(): boolean {
    return this.#locked;
  }

  /** Waits for the lock; resolves with the permit that releases it. */
  acquire(options?: WaitOptions): Promise<Permit> {
    if (this.#locked) return this.#waiters.wait(undefined, options);
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
  async run<T>(fn: () => T | PromiseLike<T>, options?: WaitOptions): Promise<T> {
    if (this.#locked) await this.#waiters.wait(undefined, options);
    else {
      const cancelled = rejectIfCancelled(options);
      if (cancelled !== undefined) await cancelled;
      this.#locked = true;
    }
    try {
      return await fn();
    } finally {
      this.#handOver();
    }
  }

  stats(): LockStats {
    return { locked: this.#locked, waiting: this.#waiters.size };
  }

  #handOver(): void {
    if (!this.#locked) return;
    const next = this.#waiters.shift();
    if (next === undefined) this.#locked = false;
    else next.resolve(new Permit(this.#unlock));
  }
}
