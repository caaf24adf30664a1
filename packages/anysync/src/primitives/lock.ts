import { checkFunction } from '../internal/check-function.js';
import { checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type Task, TokenRunner } from '../internal/token-runner.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import type { StoreAnswer } from '../internal/store-answer.js';
import { Permit } from './permit.js';
import type { PermitOf } from './semaphore.js';
import type { SemaphoreStore } from './semaphore-store.js';
import type { SharedSemaphore } from './shared-semaphore.js';
import { localOnly, type SharedSemaphoreOptions, sharedSemaphore } from './shared-semaphore-options.js';

/**
 * Options of {@link Lock}: none for a lock in this process; a store and a name for one held by one process
 * at a time among all those using them.
 *
 * @example
 * ```ts
 * import { Lock, type LockOptions, MemorySemaphoreStore } from 'anysync/primitives';
 *
 * const options: LockOptions<MemorySemaphoreStore> = { store: new MemorySemaphoreStore(), name: 'cron', leaseMs: 10_000 };
 * const lock = new Lock(options);
 * ```
 */
export interface LockOptions<Store extends SemaphoreStore | undefined = undefined>
  extends SharedSemaphoreOptions {
  /**
   * Keep the lock in this store (e.g. `@anysync/redis`): a lease with an owner token and a fencing token,
   * waiters served in arrival order across processes. Permits are then `SharedPermit`s.
   */
  readonly store?: Store;
  /** The lock's name in the store (required with `store`). */
  readonly name?: string | undefined;
}

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
export class Lock<Store extends SemaphoreStore | undefined = undefined> {
  #locked = false;
  /** Set when the lock lives in a store: the methods then delegate to it. */
  readonly #shared: SharedSemaphore | undefined;
  /** A waiting `run()` carries its task, which it is granted with; `acquire()` is granted a permit. */
  readonly #waiters = new WaitQueue<unknown>();
  readonly #unlock = (): void => this.#handOver();
  readonly #runner = new TokenRunner(this.#unlock);

  /** `new Lock()`, or `new Lock({ store, name })` for a lock shared through a store. */
  constructor(options?: LockOptions<Store>) {
    checkOptions(options, 'Lock', ['store', 'name', 'leaseMs', 'onLockLost']);
    this.#shared = sharedSemaphore(options, 1, 'Lock');
  }

  /** The store the lock lives in; `undefined` for an in-process lock. */
  get store(): Store {
    return this.#shared?.store as Store;
  }

  /** Whether someone holds the lock (in-process only). */
  get locked(): boolean {
    if (this.#shared !== undefined) throw localOnly('Lock.locked', 'use tryAcquire()');
    return this.#locked;
  }

  /** Waits for the lock; resolves with the permit that releases it. */
  acquire(options?: WaitOptions): Promise<PermitOf<Store>> {
    checkWaitOptions(options, 'Lock.acquire()');
    if (this.#shared !== undefined) return this.#shared.acquire(1, options) as Promise<PermitOf<Store>>;
    if (this.#locked) return this.#waiters.wait(undefined, options) as Promise<PermitOf<Store>>;
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#locked = true;
    return Promise.resolve(new Permit(this.#unlock) as PermitOf<Store>);
  }

  /** Takes the lock if it is free right now; `undefined` otherwise. */
  tryAcquire(): StoreAnswer<Store, PermitOf<Store> | undefined> {
    if (this.#shared !== undefined) return this.#shared.tryAcquire(1) as never;
    if (this.#locked) return undefined as never;
    this.#locked = true;
    return new Permit(this.#unlock) as never;
  }

  /** Releases the lock, whoever acquired it. Prefer releasing the permit. Throws if the lock is free. */
  release(): void {
    if (this.#shared !== undefined) throw localOnly('Lock.release()', "release the acquisition's permit");
    if (!this.#locked) throw new Error('Lock.release(): the lock is not held');
    this.#handOver();
  }

  /** Runs `fn` while holding the lock and releases it however `fn` ends. */
  run<T>(fn: Task<T>, options?: WaitOptions): Promise<T> {
    checkFunction(fn, 'Lock.run(): fn');
    checkWaitOptions(options, 'Lock.run()');
    if (this.#shared !== undefined) return this.#shared.run(fn, 1, options);
    if (this.#locked)
      return (this.#waiters.wait(undefined, options, fn) as Promise<Task<T>>).then(this.#runner.start);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#locked = true;
    return this.#runner.run(fn);
  }

  stats(): LockStats {
    if (this.#shared !== undefined) throw localOnly('Lock.stats()', 'the store holds the state');
    return { locked: this.#locked, waiting: this.#waiters.size };
  }

  #handOver(): void {
    if (!this.#locked) return;
    const next = this.#waiters.shift();
    if (next === undefined) this.#locked = false;
    else next.resolve(next.payload ?? new Permit(this.#unlock));
  }
}
