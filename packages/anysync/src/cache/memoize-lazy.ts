import { checkFunction } from '../internal/check-function.js';
import { checkSignal } from '../internal/check-signal.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import type { AsyncCache } from './async-cache.js';
import { type MemoizeOptions, Memoizer } from './memoize.js';

/**
 * The result of a call to a function made by {@link memoizeLazy}: a promise-like that looks the call up
 * (and, on a miss, starts the work) only when it is first awaited or `then`-ed. Awaiting it again, or
 * from several places, shares that one lookup.
 *
 * @example
 * ```ts
 * import { memoizeLazy, type LazyResult } from 'anysync/cache';
 *
 * const load = memoizeLazy(async (name: string) => name.toUpperCase());
 * const pending: LazyResult<string> = load('config'); // nothing runs yet
 * console.log(pending.started, await pending, pending.started); // false 'CONFIG' true
 * ```
 */
export class LazyResult<R> implements PromiseLike<R> {
  #start: (() => Promise<R>) | undefined;
  #promise: Promise<R> | undefined;

  /** Made by `memoizeLazy`; `start` runs once, on the first `then`. */
  constructor(start: () => Promise<R>) {
    this.#start = checkFunction(start, 'LazyResult: start');
  }

  /** Whether it was awaited (so the lookup happened). */
  get started(): boolean {
    return this.#start === undefined;
  }

  // biome-ignore lint/suspicious/noThenProperty: being awaitable without starting early is the point.
  then<T = R, E = never>(
    onfulfilled?: ((value: R) => T | PromiseLike<T>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: the same parameter type as Promise, so handlers port as is.
    onrejected?: ((reason: any) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    return this.#started().then(onfulfilled, onrejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the same parameter type as Promise, so handlers port as is.
  catch<E = never>(onrejected?: ((reason: any) => E | PromiseLike<E>) | null): Promise<R | E> {
    return this.#started().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<R> {
    return this.#started().finally(onfinally);
  }

  #started(): Promise<R> {
    const start = this.#start;
    if (start !== undefined) {
      this.#start = undefined;
      this.#promise = start();
    }
    return this.#promise as Promise<R>;
  }
}

/**
 * A function made by {@link memoizeLazy}.
 *
 * @example
 * ```ts
 * import { memoizeLazy, type LazyMemoizedFunction } from 'anysync/cache';
 *
 * const half: LazyMemoizedFunction<[number], number> = memoizeLazy(async (n: number) => n / 2);
 * console.log(await half(8)); // 4
 * ```
 */
export interface LazyMemoizedFunction<A extends unknown[], R> {
  (...args: A): LazyResult<R>;
  /** The cache behind the function. */
  readonly cache: AsyncCache<unknown, R>;
  /** The same function, but each call stops waiting when `signal` aborts (it never cancels the work alone). */
  withSignal(signal: AbortSignal | undefined): (...args: A) => LazyResult<R>;
  /** Forgets the result of the call with these arguments. */
  delete(...args: A): boolean;
  /** Forgets the result of the call here and, for a shared function, in its store. */
  forget(...args: A): Promise<void>;
}

/**
 * Memoizes an async function lazily, the counterpart of async-utils' `corocache`: a call returns a
 * {@link LazyResult} and nothing happens until it is awaited; then it behaves like `memoize` (shared
 * running work, `ttl` from settlement, LRU bound, `errors`, callers that leave alone, abandoned work
 * cancelled). The key is computed at call time, the lookup at await time, and the cancel scope that can
 * make the caller leave is the one around the `await`. Use it to hand out results that may never be
 * needed, at no cost unless they are.
 *
 * @example
 * ```ts
 * import { memoizeLazy } from 'anysync/cache';
 *
 * let runs = 0;
 * const settings = memoizeLazy(async (section: string) => (runs++, { section }), { ttl: 5000 });
 * const maybe = settings('ui'); // not awaited: never runs
 * const used = await settings('db');
 * console.log(runs, used.section, maybe.started); // 1 'db' false
 * ```
 */
export function memoizeLazy<A extends unknown[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  options?: NoInfer<MemoizeOptions<A, Awaited<R>>>,
): LazyMemoizedFunction<A, Awaited<R>> {
  const memoizer = new Memoizer<A, Awaited<R>>(fn as never, options, 'memoizeLazy()');
  const { cache, keyOf } = memoizer;
  const lazy = (self: unknown, args: A, wait: WaitOptions | undefined): LazyResult<Awaited<R>> => {
    const key = keyOf(self, args);
    return new LazyResult(() => memoizer.runKeyed(key, self, args, wait));
  };
  const call = function (this: unknown, ...args: A): LazyResult<Awaited<R>> {
    return lazy(this, args, undefined);
  };
  const withSignal = (signal: AbortSignal | undefined) => {
    checkSignal(signal, 'memoizeLazy().withSignal(): signal');
    return function (this: unknown, ...args: A): LazyResult<Awaited<R>> {
      return lazy(this, args, { signal });
    };
  };
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
