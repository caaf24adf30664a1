import type { BatchResults } from './batch-loader.js';

function describeKey(key: unknown): string {
  return typeof key === 'string' ? `'${key}'` : String(key);
}

// One shared executor instead of a closure per load (as anysync's wait queue does): it runs synchronously,
// so the two variables are read back before anything else can overwrite them.
let capturedResolve: (value: never) => void = () => {};
let capturedReject: (reason: unknown) => void = () => {};
function capture(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * The callers of one `BatchLoader` batch: one promise per key, in request order, shared by every caller
 * of that key unless the loader was made with `dedupe: false`. The keys themselves are kept by the batch's collector, in the same order;
 * `run(load, keys)` loads them and settles each promise.
 */
export class LoadBatch<K, V> {
  /** Each distinct key's promise; `undefined` when the loader does not share repeated keys. */
  readonly #promises: Map<K, Promise<V>> | undefined;
  readonly #resolves: ((value: V) => void)[] = [];
  readonly #rejects: ((error: unknown) => void)[] = [];

  constructor(dedupe: boolean) {
    this.#promises = dedupe ? new Map() : undefined;
  }

  get size(): number {
    return this.#resolves.length;
  }

  /** The promise for `key`: the one already in the batch for it, if repeated keys are shared. */
  request(key: K): Promise<V> {
    const promises = this.#promises;
    const existing = promises?.get(key);
    if (existing !== undefined) return existing;
    const promise = new Promise<V>(capture);
    promises?.set(key, promise);
    this.#resolves.push(capturedResolve as (value: V) => void);
    this.#rejects.push(capturedReject);
    return promise;
  }

  async run(
    load: (keys: K[]) => BatchResults<K, V> | PromiseLike<BatchResults<K, V>>,
    keys: K[],
  ): Promise<void> {
    let results: BatchResults<K, V>;
    try {
      results = await load(keys);
    } catch (error) {
      for (const reject of this.#rejects) reject(error);
      return;
    }
    if (results instanceof Map) this.#settleByKey(results as ReadonlyMap<K, V>, keys);
    else this.#settleInOrder(results as ArrayLike<V | Error>);
  }

  #settleByKey(results: ReadonlyMap<K, V>, keys: K[]): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as K;
      if (results.has(key)) (this.#resolves[i] as (value: V) => void)(results.get(key) as V);
      else this.#rejects[i]?.(new Error(`BatchLoader: load() returned no value for key ${describeKey(key)}`));
    }
  }

  #settleInOrder(results: ArrayLike<V | Error>): void {
    const count = this.#resolves.length;
    if (results === null || typeof results !== 'object' || results.length !== count) {
      const got =
        results !== null && typeof results === 'object' ? `${results.length} results` : String(results);
      const error = new TypeError(
        `BatchLoader: load() must return one result per key, in order, or a Map: got ${got} for ${count} keys`,
      );
      for (const reject of this.#rejects) reject(error);
      return;
    }
    const resolves = this.#resolves;
    for (let i = 0; i < count; i++) {
      const result = results[i] as V | Error;
      if (result instanceof Error) this.#rejects[i]?.(result);
      else (resolves[i] as (value: V) => void)(result);
    }
  }
}
