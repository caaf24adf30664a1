/**
 * What `SingleFlightStore.begin()` found: the stored outcome of the key, or the lease (this caller now
 * computes), or the time left on the lease of whoever computes it.
 *
 * @example
 * ```ts
 * import { MemorySingleFlightStore, type SingleFlightBegin } from 'anysync/cache';
 *
 * const begin: SingleFlightBegin = await new MemorySingleFlightStore().begin('user:1', 'owner-a', 5000);
 * console.log(begin.leader); // true: nobody held the lease, so owner-a computes
 * ```
 */
export interface SingleFlightBegin {
  /** The stored outcome (an encoded value or error), when there is one. */
  readonly outcome?: string | undefined;
  /** Whether the caller was given the lease and must compute, then `settle()`. */
  readonly leader: boolean;
  /** Milliseconds left on the current holder's lease (when neither an outcome nor the lease was had). */
  readonly leaseMs: number;
}

/**
 * Interest in one key's outcome, taken before asking for it so that no settlement can slip in between.
 *
 * @example
 * ```ts
 * import { MemorySingleFlightStore, type SingleFlightWatch } from 'anysync/cache';
 *
 * const store = new MemorySingleFlightStore();
 * const watch: SingleFlightWatch = await store.watch('report');
 * await store.settle('report', 'nobody', 'v"done"', 1000);
 * console.log(await watch.next(100)); // v"done"
 * watch.close();
 * ```
 */
export interface SingleFlightWatch {
  /**
   * The outcome settled since the watch began or the last `next()` (`''` when the holder gave the lease
   * up without one), waiting up to `ms` for it; `undefined` when none came in time.
   */
  next(ms: number): Promise<string | undefined>;
  close(): void;
}

/**
 * Where `memoize` with a `store` shares its work across processes: a computation's outcome, kept for the
 * TTL counted from settlement, and a lease with an owner token, so that one caller in all the processes
 * computes a key while the others wait to be woken, and a waiter takes the lease over when its holder dies
 * (stops renewing). `MemorySingleFlightStore` is the in-process one; `@anysync/redis` has one on Redis.
 *
 * @example
 * ```ts
 * import { memoize, MemorySingleFlightStore, type SingleFlightStore } from 'anysync/cache';
 *
 * const store: SingleFlightStore = new MemorySingleFlightStore();
 * const square = memoize(async (n: number) => n * n, { store, name: 'square', ttl: 60_000 });
 * console.log(await square(12)); // 144
 * ```
 */
export interface SingleFlightStore {
  /** The outcome of `key`, else its lease for `owner` (for `leaseMs`) if nobody holds it. */
  begin(key: string, owner: string, leaseMs: number): Promise<SingleFlightBegin>;
  /** Extends `owner`'s lease on `key` to `leaseMs` from now; false when `owner` no longer holds it. */
  renew(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /**
   * Ends a computation: keeps `outcome` for `ttlMs` (not at all for 0, or when it is `''`: the lease given
   * up without one), releases `owner`'s lease, and wakes every watcher of `key`.
   */
  settle(key: string, owner: string, outcome: string, ttlMs: number): Promise<void>;
  /** Starts watching `key` for settlements. */
  watch(key: string): Promise<SingleFlightWatch>;
  /** Forgets the outcome of `key`. */
  delete(key: string): Promise<void>;
}
