import { argKey, argsKey } from './args-key.js';
import { AsyncCache, type AsyncCacheOptions } from './async-cache.js';
import { currentScope } from '../concurrency/current-scope.js';
import { checkFunction, checkOptionalFunction } from '../internal/check-function.js';
import { checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { checkCacheOptions } from './check-cache-options.js';
import type { ComputeContext } from './flight.js';
import type { MemoizeCodec } from './memoize-codec.js';
import { type SharedMemoize, sharedMemoize } from './shared-memoize.js';
import type { SingleFlightStore } from './single-flight-store.js';

/**
 * Options of {@link memoize} and `memoizeLazy`: the cache's options, plus how a call becomes a key.
 *
 * @example
 * ```ts
 * import { memoize, type MemoizeOptions } from 'anysync/cache';
 *
 * const options: MemoizeOptions<[url: string, init?: RequestInit]> = { key: (url) => url, ttl: 10_000 };
 * const get = memoize((url: string, init?: RequestInit) => fetch(url, init).then((r) => r.text()), options);
 * ```
 */
export interface MemoizeOptions<A extends unknown[], R = unknown> extends AsyncCacheOptions {
  /**
   * Maps a call's arguments to its cache key (called with the call's `this`). By default a single
   * argument is its own key (objects by identity), and several arguments, or a method's `this` and its
   * arguments, are encoded together (objects by identity, primitives by value).
   */
  readonly key?: ((...args: A) => unknown) | undefined;
  /**
   * Share the work and the results through this store (e.g. `@anysync/redis`): one call computes a key
   * in all the processes using the store, the others wait for its result. Requires `name` and `ttl`;
   * arguments must then be primitives (or give a `key` returning a string), results go through `codec`.
   */
  readonly store?: SingleFlightStore | undefined;
  /** The function's name in the store: keys are `name:key` (required with `store`). */
  readonly name?: string | undefined;
  /**
   * Milliseconds a computing process holds its lease before another may take over (renewed every third
   * of it while the work runs; default 30 000). Only with `store`.
   */
  readonly leaseMs?: number | undefined;
  /** How results become text in the store (default `jsonCodec`, which refuses what JSON would change). */
  readonly codec?: MemoizeCodec<R> | undefined;
}

/**
 * A function made by {@link memoize}: same arguments, a promise of the result, plus its cache.
 *
 * @example
 * ```ts
 * import { memoize, type MemoizedFunction } from 'anysync/cache';
 *
 * const square: MemoizedFunction<[number], number> = memoize(async (n: number) => n * n);
 * console.log(await square(4), square.cache.stats().misses); // 16 1
 * ```
 */
export interface MemoizedFunction<A extends unknown[], R> {
  (...args: A): Promise<R>;
  /** The cache behind the function, for `stats()`, `clear()`, `set()` (priming) and `peek()`. */
  readonly cache: AsyncCache<unknown, R>;
  /** The same function, but each call stops waiting when `signal` aborts (it never cancels the work alone). */
  withSignal(signal: AbortSignal | undefined): (...args: A) => Promise<R>;
  /** Forgets the result of the call with these arguments (a running computation is no longer cached). */
  delete(...args: A): boolean;
  /** Forgets the result of the call here and, for a shared function, in its store. */
  forget(...args: A): Promise<void>;
}

/** How a call is passed to the computation without a closure per call. */
interface Call<A extends unknown[]> {
  readonly self: unknown;
  readonly args: A;
}

/** Whether `self` is a method receiver, rather than what a plain call passes. */
function isReceiver(self: unknown): boolean {
  return self !== undefined && self !== globalThis;
}

/**
 * What `memoize` and `memoizeLazy` share: the cache, the key function, and how a call runs. A class, so
 * that every memoized function calls the same `run` method: the JIT keeps one optimised call path however
 * many functions are memoized, instead of re-specialising it for each one's closures.
 */
export class Memoizer<A extends unknown[], R> {
  readonly cache: AsyncCache<unknown, R>;
  readonly keyOf: (self: unknown, args: A) => unknown;
  /** `keyOf(undefined, [arg])`, without the array. */
  readonly #keyOfOne: (arg: unknown) => unknown;
  readonly #fn: (...args: A) => R | PromiseLike<R>;
  /** Set when the function shares its work through a store. */
  readonly shared: SharedMemoize<A> | undefined;
  // Plain calls pass their argument array as is; only method calls pay for an object holding `this`.
  readonly #computeArgs = (_context: ComputeContext<unknown>, args: A): R | PromiseLike<R> =>
    this.#fn(...args);
  readonly #computeCall = (_context: ComputeContext<unknown>, call: Call<A>): R | PromiseLike<R> =>
    this.#fn.apply(call.self, call.args);

  constructor(
    fn: (...args: A) => R | PromiseLike<R>,
    options: MemoizeOptions<A, R> | undefined,
    caller: string,
  ) {
    this.#fn = checkFunction(fn, `${caller}: fn`);
    checkOptions(options, caller, ['key', 'max', 'ttl', 'errors', 'store', 'name', 'leaseMs', 'codec']);
    checkCacheOptions(options, caller);
    const key = checkOptionalFunction(options?.key, `${caller}: key`);
    this.shared = sharedMemoize(fn, options, caller);
    const shared = this.shared;
    const memoizer = this;
    // A plain call reaches `#fn` as a method of this object: that is not a receiver to key by.
    if (shared !== undefined) {
      this.#fn = function (this: unknown, ...args: A) {
        return shared.fn.apply(this === memoizer ? undefined : this, args);
      } as (...args: A) => R | PromiseLike<R>;
    }
    // Shared results live in the store; here, concurrent calls only share the one trip to it.
    const local = { max: options?.max, ttl: options?.ttl, errors: options?.errors };
    this.cache = new AsyncCache<unknown, R>(shared === undefined ? local : { ttl: 0 });
    this.keyOf = key === undefined ? argsKey : (self: unknown, args: A) => key.apply(self, args);
    this.#keyOfOne =
      key === undefined ? argKey : (arg: unknown) => (key as unknown as (arg: unknown) => unknown)(arg);
  }

  /**
   * `run(undefined, [arg], undefined)`, the common call (one argument, no receiver, no signal), which
   * builds the array of arguments only if the work has to start: a caller answered from the cache or
   * joining running work allocates nothing.
   */
  runOne(arg: unknown): Promise<R> {
    if (currentScope() === undefined) {
      const shared = this.cache.shared(this.#keyOfOne(arg));
      if (shared !== undefined) return shared;
    }
    const args = [arg] as unknown as A;
    return this.cache.getWith(this.keyOf(undefined, args), this.#computeArgs, args, undefined);
  }

  /** The result of calling with `self` (ignored when it is not a receiver) and `args`. */
  run(self: unknown, args: A, wait: WaitOptions | undefined): Promise<R> {
    if (wait === undefined && currentScope() === undefined) {
      const shared = this.cache.shared(this.keyOf(isReceiver(self) ? self : undefined, args));
      if (shared !== undefined) return shared;
    }
    return isReceiver(self)
      ? this.cache.getWith(this.keyOf(self, args), this.#computeCall, { self, args }, wait)
      : this.cache.getWith(this.keyOf(undefined, args), this.#computeArgs, args, wait);
  }

  /** `run()` with the key already computed (`memoizeLazy` computes it at call time). */
  runKeyed(key: unknown, self: unknown, args: A, wait: WaitOptions | undefined): Promise<R> {
    return isReceiver(self)
      ? this.cache.getWith(key, this.#computeCall, { self, args }, wait)
      : this.cache.getWith(key, this.#computeArgs, args, wait);
  }
}

/**
 * Memoizes an async function, the counterpart of async-utils' `taskcache`: calling it starts the work at
 * once (eagerly, like any async function) unless a result is cached or the same call is already running,
 * in which case the caller shares it. Results are kept for `ttl` milliseconds after they settle, within
 * an LRU bound of `max`; failures are not cached unless `errors: 'keep'`. A caller that stops waiting
 * (`withSignal(signal)`, or its cancel scope) leaves alone; when every waiting caller has left, the work
 * is cancelled (its cancel scope is the ambient one, so `currentSignal()` and anysync's waits inside it
 * see that) and nothing is cached.
 *
 * @example
 * ```ts
 * import { memoize } from 'anysync/cache';
 *
 * const fetchUser = memoize(
 *   async (id: number) => {
 *     const response = await fetch(`https://jsonplaceholder.typicode.com/users/${id}`);
 *     return (await response.json()) as { name: string };
 *   },
 *   { max: 1000, ttl: 60_000 },
 * );
 * const [a, b] = await Promise.all([fetchUser(1), fetchUser(1)]); // one request
 * console.log(a === b, fetchUser.cache.stats().joins); // true 1
 * ```
 */
export function memoize<A extends unknown[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  options?: NoInfer<MemoizeOptions<A, Awaited<R>>>,
): MemoizedFunction<A, Awaited<R>> {
  const memoizer = new Memoizer<A, Awaited<R>>(fn as never, options, 'memoize()');
  const { cache, keyOf } = memoizer;
  // Not a rest parameter: that would allocate an array per call, the largest cost of a cache hit.
  const call = function (this: unknown): Promise<Awaited<R>> {
    // biome-ignore lint/complexity/noArguments: reading arguments (never writing them) allocates nothing.
    const count = arguments.length;
    // biome-ignore lint/complexity/noArguments: as above.
    if (count === 1 && !isReceiver(this)) return memoizer.runOne(arguments[0]);
    // biome-ignore lint/complexity/noArguments: as above.
    return memoizer.run(this, Array.prototype.slice.call(arguments) as A, undefined);
  } as (...args: A) => Promise<Awaited<R>>;
  const withSignal = (signal: AbortSignal | undefined) => {
    checkSignal(signal, 'memoize().withSignal(): signal');
    return function (this: unknown, ...args: A): Promise<Awaited<R>> {
      return memoizer.run(this, args, { signal });
    };
  };
  // Called as `memoized.delete(...)`, `this` is the memoized function itself, not a method's receiver.
  const forget = function (this: unknown, ...args: A): boolean {
    return cache.delete(keyOf(this === call ? undefined : this, args));
  };
  const forgetEverywhere = function (this: unknown, ...args: A): Promise<void> {
    const self = this === call ? undefined : this;
    cache.delete(keyOf(self, args));
    return memoizer.shared?.forget(self, args) ?? Promise.resolve();
  };
  return Object.assign(call, { cache, withSignal, delete: forget, forget: forgetEverywhere });
}
