import { abortable } from '../concurrency/abortable.js';
import { currentScope } from '../concurrency/current-scope.js';
import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkIterable } from '../internal/check-iterable.js';
import { checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { Semaphore } from '../primitives/semaphore.js';
import { BatchCollector, checkBatchLimits } from './batch-collector.js';
import { LoadBatch } from './load-batch.js';

/**
 * What a `BatchLoader`'s `load` function returns: one result per key, in key order (an `Error` instance
 * rejects that key alone), or a Map from key to value (a missing key rejects).
 *
 * @example
 * ```ts
 * import type { BatchResults } from 'anysync/batch';
 *
 * const byOrder: BatchResults<number, string> = ['one', new Error('no two')];
 * const byKey: BatchResults<number, string> = new Map([[1, 'one']]);
 * ```
 */
export type BatchResults<K, V> = ArrayLike<V | Error> | ReadonlyMap<K, V>;

/**
 * Options of {@link BatchLoader}.
 *
 * @example
 * ```ts
 * import { BatchLoader, type BatchLoaderOptions } from 'anysync/batch';
 *
 * const options: BatchLoaderOptions<number, string> = {
 *   load: async (ids) => ids.map((id) => `user ${id}`),
 *   maxSize: 100,
 *   maxWait: 5,
 *   concurrency: 4,
 * };
 * const users = new BatchLoader(options);
 * ```
 */
export interface BatchLoaderOptions<K, V> {
  /** Loads a batch of distinct keys. */
  readonly load: (keys: K[]) => BatchResults<K, V> | PromiseLike<BatchResults<K, V>>;
  /** At most this many keys per batch (default: no limit). */
  readonly maxSize?: number | undefined;
  /** Milliseconds a batch stays open after its first key (default 0: until the promise jobs queued now have run). */
  readonly maxWait?: number | undefined;
  /** How many batches may load at once (default: no limit). */
  readonly concurrency?: number | undefined;
  /**
   * Load a key requested several times in one batch only once (default `true`). With `false`, each
   * request is a key of the batch, as DataLoader does with `cache: false`, which saves a map lookup per
   * load when keys never repeat.
   */
  readonly dedupe?: boolean | undefined;
}

/**
 * What `BatchLoader.stats()` reports.
 *
 * @example
 * ```ts
 * import { BatchLoader, type BatchLoaderStats } from 'anysync/batch';
 *
 * const stats: BatchLoaderStats = new BatchLoader<number, number>({ load: (keys) => keys }).stats();
 * console.log(stats); // { pending: 0, loading: 0, batches: 0, keys: 0 }
 * ```
 */
export interface BatchLoaderStats {
  /** Distinct keys gathered for the next batch. */
  readonly pending: number;
  /** Batches loading now (including those waiting for a `concurrency` slot). */
  readonly loading: number;
  /** Batches loaded so far, and the distinct keys they held. */
  readonly batches: number;
  readonly keys: number;
}

/**
 * Coalesces individual `load(key)` calls into batch requests, like DataLoader, with the batch window of a
 * `Batcher`: a batch goes out when it holds `maxSize` distinct keys or `maxWait` ms after its first key
 * (by default once the code running now and the promise callbacks it queued are done, as DataLoader does). Keys requested twice in
 * one batch are loaded once. Each caller may stop waiting with `{ signal }` or its cancel scope. It does
 * not cache across batches: put an `AsyncCache` in front for that.
 *
 * @example
 * ```ts
 * import { BatchLoader } from 'anysync/batch';
 *
 * const requests: number[][] = [];
 * const users = new BatchLoader<number, string>({
 *   load: async (ids) => {
 *     requests.push(ids);
 *     return ids.map((id) => `user ${id}`);
 *   },
 * });
 * const names = await Promise.all([users.load(1), users.load(2), users.load(1)]);
 * console.log(names, requests); // ['user 1', 'user 2', 'user 1'] [[1, 2]]
 * ```
 */
export class BatchLoader<K, V> {
  readonly #load: (keys: K[]) => BatchResults<K, V> | PromiseLike<BatchResults<K, V>>;
  readonly #collector: BatchCollector<K>;
  readonly #limit: Semaphore | undefined;
  readonly #dedupe: 'eager' | 'deferred' | 'none';
  #batch: LoadBatch<K, V>;
  #loading = 0;
  #batches = 0;
  #keys = 0;

  constructor(options: BatchLoaderOptions<K, V>) {
    const known = ['load', 'maxSize', 'maxWait', 'concurrency', 'dedupe'];
    checkOptions(options, 'BatchLoader', known, '{ load }');
    this.#load = checkFunction(options.load, 'BatchLoader: load');
    const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    checkBatchLimits(maxSize, options.maxWait ?? 0, 'BatchLoader');
    const concurrency = options.concurrency ?? Number.POSITIVE_INFINITY;
    checkInteger(concurrency, 'BatchLoader: concurrency', 1, Number.POSITIVE_INFINITY);
    checkOptionalBoolean(options.dedupe, 'BatchLoader: dedupe');
    this.#limit = Number.isFinite(concurrency) ? new Semaphore(concurrency) : undefined;
    // Without a size limit, repeated keys can be found when the batch goes out, more cheaply (see LoadBatch).
    this.#dedupe =
      options.dedupe === false ? 'none' : maxSize === Number.POSITIVE_INFINITY ? 'deferred' : 'eager';
    this.#batch = new LoadBatch<K, V>(this.#dedupe);
    // The collector keeps the keys, the size and the window; the batch object holds the callers.
    this.#collector = new BatchCollector<K>(maxSize, options.maxWait ?? 0, (keys) => this.#send(keys));
  }

  /** The value for `key`, loaded with the other keys requested in the same window. */
  load(key: K, options?: WaitOptions): Promise<V> {
    checkWaitOptions(options, 'BatchLoader.load()');
    const signal = options?.signal;
    const scope = currentScope();
    // The common caller cannot leave: no signal to check, no wrapper around its promise.
    if (signal === undefined && scope === undefined) return this.#request(key);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (scope?.cancelled) return Promise.reject(scope.cancelError);
    return abortable(this.#request(key), options);
  }

  /** The values for `keys`, in order; rejects with the first failure (use `load` per key to get each). */
  loadMany(keys: Iterable<K>, options?: WaitOptions): Promise<V[]> {
    checkIterable(keys, 'BatchLoader.loadMany(): keys', false);
    checkWaitOptions(options, 'BatchLoader.loadMany()');
    return Promise.all(Array.from(keys, (key) => this.load(key, options)));
  }

  stats(): BatchLoaderStats {
    const gathered = this.#collector.items;
    return {
      pending: this.#dedupe === 'deferred' ? new Set(gathered).size : gathered.length,
      loading: this.#loading,
      batches: this.#batches,
      keys: this.#keys,
    };
  }

  /** The promise for `key` in the batch being gathered; a key new to the batch joins the collector. */
  #request(key: K): Promise<V> {
    const batch = this.#batch;
    if (this.#dedupe === 'eager') {
      const existing = batch.existing(key);
      if (existing !== undefined) return existing;
    }
    const promise = batch.request(key);
    this.#collector.add(key);
    return promise;
  }

  #send(keys: K[]): void {
    const batch = this.#batch;
    this.#batch = new LoadBatch<K, V>(this.#dedupe);
    this.#loading++;
    const run = (): Promise<void> => batch.run(this.#load, keys);
    const done = this.#limit === undefined ? run() : this.#limit.run(run);
    void done.then(() => {
      this.#loading--;
      this.#batches++;
      this.#keys += batch.keys;
    });
  }
}
