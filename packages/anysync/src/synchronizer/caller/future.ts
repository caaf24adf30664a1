/** How each future blocks until its call settles; kept outside the object so it stays a plain promise. */
const waiters = new WeakMap<object, () => unknown>();

/**
 * The promise returned by every `.async` twin of a synchronizer call. Async code awaits it like any
 * promise; sync code can start many calls at once and collect them later with `result()`, which blocks
 * until that call settles (synchronicity's `_future=True`). Chained promises (`then`, `catch`) are plain
 * `Promise`s.
 *
 * @example
 * ```ts
 * import { Synchronizer } from 'anysync/synchronizer';
 *
 * const sync = new Synchronizer();
 * const api = sync.load<typeof import('./api.js')>(new URL('./api.js', import.meta.url));
 * const futures = [1, 2, 3].map((id) => api.fetchUser.async(id)); // all three run on the worker at once
 * const users = futures.map((future) => future.result()); // blocks until each has settled
 * ```
 */
export class Future<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** Blocks the calling thread until the call settles, then returns its value or throws its error. */
  result(): T {
    const wait = waiters.get(this);
    if (!wait) throw new TypeError('result() works only on futures returned by synchronizer calls');
    // The caller consumes a rejection here; it must not also surface as an unhandled rejection.
    this.catch(() => {});
    return wait() as T;
  }
}

/** Creates a future settled through the returned functions, blocking in `result()` through `wait`. */
export function createFuture<T>(wait: () => T): {
  future: Future<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const future = new Future<T>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  waiters.set(future, wait);
  return { future, resolve, reject };
}
