/**
 * One acquisition asked of a {@link SemaphoreStore}.
 *
 * @example
 * ```ts
 * import type { SemaphoreRequest } from 'anysync/primitives';
 *
 * const request: SemaphoreRequest = { token: crypto.randomUUID(), weight: 1, permits: 10, leaseMs: 30_000 };
 * ```
 */
export interface SemaphoreRequest {
  /** The acquisition's owner token: unique, and the same on every call about it. */
  readonly token: string;
  /** How many permits it takes: > 0 and <= `permits`. */
  readonly weight: number;
  /** How many permits the semaphore has (every user of one name must agree). */
  readonly permits: number;
  /** Milliseconds a holder or a queued waiter stays without calling again before it is dropped. */
  readonly leaseMs: number;
}

/**
 * Where an acquisition stands.
 *
 * @example
 * ```ts
 * import { MemorySemaphoreStore, type SemaphoreGrant } from 'anysync/primitives';
 *
 * const store = new MemorySemaphoreStore();
 * const grant: SemaphoreGrant = await store.acquire('db', { token: 'a', weight: 1, permits: 1, leaseMs: 1000 });
 * console.log(grant.granted, grant.fence > 0, grant.ticket); // true true 1
 * ```
 */
export interface SemaphoreGrant {
  /** Whether the token holds its permits now. */
  readonly granted: boolean;
  /**
   * The fencing token of the grant: larger than that of every earlier grant of the store's semaphores, so
   * a resource can refuse a holder whose lease ran out (0 until granted).
   */
  readonly fence: number;
  /** The acquisition's place in arrival order; grants follow it (0 for a `tryAcquire` that got nothing). */
  readonly ticket: number;
}

/**
 * Interest in the grant of one acquisition (its token), taken before queueing so that no grant can slip
 * in between.
 *
 * @example
 * ```ts
 * import { MemorySemaphoreStore, type SemaphoreWatch } from 'anysync/primitives';
 *
 * const store = new MemorySemaphoreStore();
 * const request = { weight: 1, permits: 1, leaseMs: 1000 };
 * await store.acquire('db', { ...request, token: 'a' });
 * const watch: SemaphoreWatch = await store.watch('db', 'b');
 * await store.acquire('db', { ...request, token: 'b' }); // queued
 * await store.release('db', 'a', 1);
 * console.log((await watch.next(100)) !== undefined); // true: b was granted
 * watch.close();
 * ```
 */
export interface SemaphoreWatch {
  /** The fence of the token's grant, waiting up to `ms` for it; `undefined` when it was not granted in time. */
  next(ms: number): Promise<number | undefined>;
  close(): void;
}

/**
 * Where a `Semaphore` or `Lock` with a `store` keeps its holders and its queue, shared by every process
 * using the same store and name: leases with owner tokens that expire unless renewed, one FIFO of waiters
 * served in arrival order (a heavy head is not overtaken), grants announced to waiters so that none polls,
 * and fencing tokens. Every call is atomic and idempotent for its token. `MemorySemaphoreStore` is the
 * in-process one; `@anysync/redis` has one on Redis.
 *
 * @example
 * ```ts
 * import { Lock, MemorySemaphoreStore, type SemaphoreStore } from 'anysync/primitives';
 *
 * const store: SemaphoreStore = new MemorySemaphoreStore();
 * const lock = new Lock({ store, name: 'nightly-report' });
 * await lock.run(async () => console.log('one process at a time'));
 * ```
 */
export interface SemaphoreStore {
  /**
   * Queues the token (unless it is queued or holds already, then refreshes its lease), grants waiters from
   * the head while they fit, and reports where the token stands.
   */
  acquire(name: string, request: SemaphoreRequest): Promise<SemaphoreGrant>;
  /** Grants the token only if its weight fits now and nobody is queued; never queues. */
  tryAcquire(name: string, request: SemaphoreRequest): Promise<SemaphoreGrant>;
  /** Extends the token's lease; false when it no longer holds (its lease ran out). */
  renew(name: string, token: string, leaseMs: number): Promise<boolean>;
  /**
   * Gives the token's permits back, or takes it out of the queue, and grants the waiters that then fit;
   * resolves to whether it held permits.
   */
  release(name: string, token: string, permits: number): Promise<boolean>;
  /** Starts watching for the grant of `token` (before it is queued). */
  watch(name: string, token: string): Promise<SemaphoreWatch>;
}
