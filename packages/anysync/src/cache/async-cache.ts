import { abortable } from '../concurrency/abortable.js';
import { currentScope } from '../concurrency/current-scope.js';
import { checkFunction } from '../internal/check-function.js';
import { checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { checkCacheOptions, MAX_ENTRIES } from './check-cache-options.js';
import { type ComputeContext, Flight } from './flight.js';
import { LruMap } from './lru-map.js';
import { TtlLruMap } from './ttl-lru-map.js';

/**
 * Options of {@link AsyncCache} (and of `memoize`).
 *
 * @example
 * ```ts
 * import { AsyncCache, type AsyncCacheOptions } from 'anysync/cache';
 *
 * const options: AsyncCacheOptions = { max: 500, ttl: 30_000, errors: 'evict' };
 * const users = new AsyncCache<number, { name: string }>(options);
 * ```
 */
export interface AsyncCacheOptions {
  /** At most this many settled results are kept; the least recently used goes first. Default: no bound. */
  readonly max?: number | undefined;
  /**
   * Milliseconds a result is kept, counted from when its computation settled (not from the call). `0`
   * keeps nothing once settled: concurrent calls still share the computation. Default: no expiry.
   */
  readonly ttl?: number | undefined;
  /**
   * What a failed computation leaves behind: `'evict'` (default) caches nothing, so the next call retries;
   * `'keep'` caches the error like a value (for `ttl`), as async-utils does by default. Callers already
   * waiting get the error either way; an abandoned computation is never cached.
   */
  readonly errors?: 'evict' | 'keep' | undefined;
}

/**
 * What `AsyncCache.stats()` reports.
 *
 * @example
 * ```ts
 * import { AsyncCache, type AsyncCacheStats } from 'anysync/cache';
 *
 * const stats: AsyncCacheStats = new AsyncCache().stats();
 * console.log(stats.hits, stats.misses, stats.joins); // 0 0 0
 * ```
 */
export interface AsyncCacheStats {
  /** Settled results held. */
  readonly size: number;
  /** Computations running now. */
  readonly inFlight: number;
  /** Calls answered from a settled result. */
  readonly hits: number;
  /** Calls that started a computation. */
  readonly misses: number;
  /** Calls that joined a computation already running. */
  readonly joins: number;
  /** Computations cancelled because every caller waiting for them left. */
  readonly abandoned: number;
}

/** A settled result: the promise handed to every later caller, and what it settled with. */
interface Settled<V> {
  readonly promise: Promise<V>;
  readonly ok: boolean;
  readonly value: V | undefined;
}

type Store<K, V> = LruMap<K, Settled<V>> | TtlLruMap<K, Settled<V>>;

/**
 * A running computation as the cache holds it: its promise once it is pinned (no caller can abandon it:
 * the common case), its Flight while it can still be abandoned. Joining a pinned computation then reads
 * a promise out of a Map and touches no object of the cache's own classes, so the optimised join path
 * does not depend on Flight's hidden class: V8 drops that class after full GCs that find no flight alive
 * (as after an application idled), and deoptimises the code that embeds it.
 */
type Running<K, V> = Promise<V> | Flight<K, V>;

function createStore<K, V>(max: number | undefined, ttl: number | undefined): Store<K, V> | undefined {
  if (ttl === 0) return undefined;
  const bound = max ?? MAX_ENTRIES;
  return ttl === undefined || ttl === Number.POSITIVE_INFINITY
    ? new LruMap(bound)
    : new TtlLruMap({ max: bound, ttl });
}

/**
 * A cache of asynchronous results with single-flight computation, the core of `memoize`. `get(key,
 * compute)` answers from a settled result when there is one; otherwise concurrent calls for the same key
 * share one running computation. Results live until `ttl` after they settled and within an LRU bound of
 * `max`. Each caller may stop waiting on its own (`{ signal }`, or its cancel scope) without disturbing
 * the others; when every caller waiting for a computation has left, it is cancelled and not cached.
 *
 * @example
 * ```ts
 * import { AsyncCache } from 'anysync/cache';
 *
 * const cache = new AsyncCache<string, number>({ max: 1000, ttl: 60_000 });
 * let calls = 0;
 * const lengthOf = (key: string) => cache.get(key, async (context) => (calls++, context.key.length));
 * const results = await Promise.all([lengthOf('abc'), lengthOf('abc'), lengthOf('abc')]);
 * console.log(results, calls, cache.stats().joins); // [3, 3, 3] 1 2
 * ```
 */
export class AsyncCache<K = unknown, V = unknown> {
  readonly #store: Store<K, V> | undefined;
  readonly #flights = new Map<K, Running<K, V>>();
  readonly #keepErrors: boolean;
  readonly #onLeft = (flight: Flight<K, V>): void => this.#left(flight);
  #hits = 0;
  #misses = 0;
  #joins = 0;
  #abandoned = 0;

  constructor(options?: AsyncCacheOptions) {
    checkOptions(options, 'AsyncCache', ['max', 'ttl', 'errors']);
    checkCacheOptions(options, 'AsyncCache');
    this.#keepErrors = options?.errors === 'keep';
    this.#store = createStore(options?.max, options?.ttl);
  }

  /** Settled results held (expired ones excluded). */
  get size(): number {
    return this.#store?.size ?? 0;
  }

  /**
   * The result for `key`: a settled one, the computation already running, or a new `compute(context)`.
   * `options.signal`, or the cancel scope around the call, lets this caller stop waiting early.
   */
  get(
    key: K,
    compute: (context: ComputeContext<K>) => V | PromiseLike<V>,
    options?: WaitOptions,
  ): Promise<V> {
    checkFunction(compute, 'AsyncCache.get(): compute');
    checkWaitOptions(options, 'AsyncCache.get()');
    return this.#get(key, compute, undefined, options);
  }

  /**
   * `get()` for callers that need an argument passed to `compute` (`memoize` passes the call's arguments),
   * sparing a closure per call.
   */
  getWith<A>(
    key: K,
    compute: (context: ComputeContext<K>, arg: A) => V | PromiseLike<V>,
    arg: A,
    options?: WaitOptions,
  ): Promise<V> {
    checkFunction(compute, 'AsyncCache.getWith(): compute');
    checkWaitOptions(options, 'AsyncCache.getWith()');
    return this.#get(key, compute, arg, options);
  }

  #get<A>(
    key: K,
    compute: (context: ComputeContext<K>, arg: A) => V | PromiseLike<V>,
    arg: A,
    options: WaitOptions | undefined,
  ): Promise<V> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const scope = currentScope();
    if (scope?.cancelled) return Promise.reject(scope.cancelError);
    // A key is either settled or running, never both: look where it is likelier to be first.
    const flights = this.#flights;
    const running = flights.size === 0 ? undefined : flights.get(key);
    if (running === undefined) {
      const settled = this.#store?.get(key);
      if (settled !== undefined) {
        this.#hits++;
        return settled.promise;
      }
      this.#misses++;
      if (signal === undefined && scope === undefined) return this.#start(key, compute, arg, false).promise;
      return this.#start(key, compute, arg, true).wait(signal);
    }
    this.#joins++;
    if (signal === undefined && scope === undefined) {
      return running instanceof Promise ? running : this.#pin(running);
    }
    // Leaving a pinned computation cannot abandon it: this caller only needs a wait of its own.
    return running instanceof Promise ? abortable(running, options) : running.wait(signal);
  }

  /**
   * The promise a caller that cannot leave gets for `key` (no signal, no cancel scope: the caller checked
   * `currentScope()`), when there is one: settled or running. A small method on purpose, so that the JIT
   * inlines the common path of `memoize` into each memoized function.
   */
  shared(key: K): Promise<V> | undefined {
    if (this.#flights.size !== 0) {
      const running = this.#flights.get(key);
      if (running !== undefined) {
        this.#joins++;
        return running instanceof Promise ? running : this.#pin(running);
      }
    }
    const settled = this.#store?.get(key);
    if (settled === undefined) return undefined;
    this.#hits++;
    return settled.promise;
  }

  /** The settled value for `key`, without counting a use; `undefined` when absent, failed or running. */
  peek(key: K): V | undefined {
    return this.#store?.peek(key)?.value;
  }

  /** Stores `value` as the settled result for `key`; a computation running for it is no longer cached. */
  set(key: K, value: V): this {
    this.#flights.delete(key);
    this.#store?.set(key, { promise: Promise.resolve(value), ok: true, value });
    return this;
  }

  /**
   * Forgets `key`: its settled result, and the computation running for it (which keeps running for the
   * callers already waiting, but is not cached). Returns whether there was anything to forget.
   */
  delete(key: K): boolean {
    const running = this.#flights.delete(key);
    return (this.#store?.delete(key) ?? false) || running;
  }

  /** Forgets every key (see `delete()`). */
  clear(): void {
    this.#flights.clear();
    this.#store?.clear();
  }

  stats(): AsyncCacheStats {
    return {
      size: this.size,
      inFlight: this.#flights.size,
      hits: this.#hits,
      misses: this.#misses,
      joins: this.#joins,
      abandoned: this.#abandoned,
    };
  }

  #start<A>(
    key: K,
    compute: (context: ComputeContext<K>, arg: A) => V | PromiseLike<V>,
    arg: A,
    canLeave: boolean,
  ): Flight<K, V> {
    const flight = new Flight<K, V>(key, this.#onLeft);
    flight.pinned = !canLeave;
    let result: V | PromiseLike<V>;
    try {
      // A first caller that cannot leave pins the flight for good: no scope is needed to cancel it.
      result = canLeave ? flight.runScoped(compute, arg) : compute(flight, arg);
    } catch (error) {
      result = Promise.reject(error);
    }
    const promise = result instanceof Promise ? (result as Promise<V>) : Promise.resolve(result);
    flight.promise = promise;
    this.#flights.set(key, canLeave ? flight : promise);
    promise.then(
      (value) => this.#fulfilled(flight, value),
      (error: unknown) => this.#failed(flight, error),
    );
    return flight;
  }

  #fulfilled(flight: Flight<K, V>, value: V): void {
    if (this.#detach(flight)) this.#store?.set(flight.key, { promise: flight.promise, ok: true, value });
    flight.fulfil(value);
  }

  #failed(flight: Flight<K, V>, error: unknown): void {
    if (this.#detach(flight) && this.#keepErrors && !flight.abandoned) {
      this.#store?.set(flight.key, { promise: flight.promise, ok: false, value: undefined });
    }
    flight.fail(error);
  }

  /** A caller that cannot leave joins `flight`: from now on it is held as its promise. */
  #pin(flight: Flight<K, V>): Promise<V> {
    flight.pinned = true;
    this.#flights.set(flight.key, flight.promise);
    return flight.promise;
  }

  /** Removes the flight from the running ones; false if it had already been forgotten or abandoned. */
  #detach(flight: Flight<K, V>): boolean {
    // Held as itself or, pinned, as its promise. (Two computations of one key returning the very same
    // promise object, the first one forgotten, would be taken for each other: harmless, same result.)
    const running = this.#flights.get(flight.key);
    if (running !== flight && running !== flight.promise) return false;
    this.#flights.delete(flight.key);
    return true;
  }

  #left(flight: Flight<K, V>): void {
    if (flight.pinned || flight.settled || flight.abandoned || flight.waiting > 0) return;
    this.#detach(flight);
    this.#abandoned++;
    flight.abandon();
  }
}
