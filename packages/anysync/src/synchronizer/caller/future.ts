let create: <T>(wait: () => T, id: number | undefined) => Settleable<T>;
let callId: (future: Future<unknown>) => number | undefined;

interface Settleable<T> {
  future: Future<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

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
  #wait: (() => T) | undefined;
  #id: number | undefined;

  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  static {
    create = <V>(wait: () => V, id: number | undefined) => {
      let resolve!: (value: V) => void;
      let reject!: (error: unknown) => void;
      const future = new Future<V>((onValue, onError) => {
        resolve = onValue;
        reject = onError;
      });
      future.#wait = wait;
      future.#id = id;
      return { future, resolve, reject };
    };
    callId = (future) => future.#id;
  }

  /** Blocks the calling thread until the call settles, then returns its value or throws its error. */
  result(): T {
    const wait = this.#wait;
    if (!wait) throw new TypeError('result() works only on futures returned by synchronizer calls');
    // The caller consumes a rejection here; it must not also surface as an unhandled rejection.
    this.catch(() => {});
    return wait();
  }
}

/** Creates a future settled through the returned functions, blocking in `result()` through `wait`. */
export function createFuture<T>(wait: () => T, id?: number): Settleable<T> {
  return create(wait, id);
}

/** The id of the call a future stands for. */
export function futureCallId(future: Future<unknown>): number | undefined {
  return callId(future);
}
