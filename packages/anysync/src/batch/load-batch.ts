import type { BatchResults } from './batch-loader.js';
import { distinctKeys, routeRepeats } from './key-repeats.js';

const RESOLVED: Promise<void> = Promise.resolve();

function describeKey(key: unknown): string {
  return typeof key === 'string' ? `'${key}'` : String(key);
}

/**
 * The callers of one `BatchLoader` batch: one promise per request, in request order. Repeated keys are
 * shared in one of two ways: with a `maxSize`, at request time (`'eager'`: a map from key to promise,
 * since the size counts distinct keys); without one, when the batch goes out (`'deferred'`: see `routeRepeats`,
 * and a route from each request to its distinct key only if some key repeats), which is cheaper
 * when keys seldom repeat. `'none'` (the loader's `dedupe: false`) passes every request as a key. The keys
 * themselves are kept by the batch's collector, in request order; `run(load, keys)` loads them and
 * settles each promise.
 */
export class LoadBatch<K, V> {
  /** Each distinct key's promise, in `'eager'` mode. */
  readonly #promises: Map<K, Promise<V>> | undefined;
  readonly #deferred: boolean;
  readonly #resolves: ((value: V | Promise<never>) => void)[] = [];
  /** Distinct keys loaded (known once the batch went out). */
  keys = 0;

  constructor(dedupe: 'eager' | 'deferred' | 'none') {
    this.#promises = dedupe === 'eager' ? new Map() : undefined;
    this.#deferred = dedupe === 'deferred';
  }

  /** The promise already handed out for `key` in this batch (`'eager'` mode only). */
  existing(key: K): Promise<V> | undefined {
    return this.#promises?.get(key);
  }

  /** A new promise for a request of `key` (in `'eager'` mode, the caller checked `existing()` first). */
  request(key: K): Promise<V> {
    // An executor written here: TurboFan inlines it (a shared executor stored in a field is called, not
    // inlined, which measured 20% slower per load despite allocating less).
    const resolves = this.#resolves;
    const promise = new Promise<V>((resolve) => {
      resolves.push(resolve);
    });
    this.#promises?.set(key, promise);
    return promise;
  }

  /** Loads the batch's keys (`keys` holds one per request, in request order) and settles every request. */
  run(load: (keys: K[]) => BatchResults<K, V> | PromiseLike<BatchResults<K, V>>, keys: K[]): Promise<void> {
    const route = this.#deferred ? routeRepeats(keys) : undefined;
    const distinct = route === undefined ? keys : distinctKeys(keys, route);
    this.keys = distinct.length;
    let loading: BatchResults<K, V> | PromiseLike<BatchResults<K, V>>;
    try {
      loading = load(distinct);
    } catch (error) {
      this.#rejectAll(error);
      return RESOLVED;
    }
    // A promise chain rather than an async function: no generator object and resumption per batch.
    return Promise.resolve(loading).then(
      (results) => {
        if (results instanceof Map) this.#settleByKey(results as ReadonlyMap<K, V>, keys);
        else this.#settleInOrder(results as ArrayLike<V | Error>, distinct.length, route);
      },
      (error: unknown) => this.#rejectAll(error),
    );
  }

  /** Settles request `i` (whose key is `keys[i]`) with the result for its key. */
  #settleByKey(results: ReadonlyMap<K, V>, keys: K[]): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as K;
      const resolve = this.#resolves[i] as (value: V | Promise<never>) => void;
      if (results.has(key)) resolve(results.get(key) as V);
      else
        resolve(
          Promise.reject(new Error(`BatchLoader: load() returned no value for key ${describeKey(key)}`)),
        );
    }
  }

  /** Settles request `i` with `results[route[i]]` (or `results[i]` without a route). */
  #settleInOrder(results: ArrayLike<V | Error>, count: number, route: Int32Array | undefined): void {
    if (results === null || typeof results !== 'object' || results.length !== count) {
      const got =
        results !== null && typeof results === 'object' ? `${results.length} results` : String(results);
      const error = new TypeError(
        `BatchLoader: load() must return one result per key, in order, or a Map: got ${got} for ${count} keys`,
      );
      this.#rejectAll(error);
      return;
    }
    const resolves = this.#resolves;
    for (let i = 0; i < resolves.length; i++) {
      const result = results[route === undefined ? i : (route[i] as number)] as V | Error;
      (resolves[i] as (value: V | Promise<never>) => void)(
        result instanceof Error ? Promise.reject(result) : result,
      );
    }
  }

  #rejectAll(error: unknown): void {
    for (const resolve of this.#resolves) resolve(Promise.reject(error));
  }
}
