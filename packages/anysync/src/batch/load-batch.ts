import type { BatchResults } from './batch-loader.js';

function describeKey(key: unknown): string {
  return typeof key === 'string' ? `'${key}'` : String(key);
}

/**
 * The callers of one `BatchLoader` batch: its distinct keys in request order and one promise per key,
 * shared by every caller of that key. `run(load)` loads the keys and settles each promise.
 */
export class LoadBatch<K, V> {
  readonly keys: K[] = [];
  readonly #index = new Map<K, number>();
  readonly #promises: Promise<V>[] = [];
  readonly #resolves: ((value: V) => void)[] = [];
  readonly #rejects: ((error: unknown) => void)[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The promise for `key`: the existing one if the key is already in the batch. */
  request(key: K): Promise<V> {
    const index = this.#index.get(key);
    if (index !== undefined) return this.#promises[index] as Promise<V>;
    this.#index.set(key, this.keys.length);
    this.keys.push(key);
    const promise = new Promise<V>((resolve, reject) => {
      this.#resolves.push(resolve);
      this.#rejects.push(reject);
    });
    this.#promises.push(promise);
    return promise;
  }

  async run(load: (keys: K[]) => BatchResults<K, V> | PromiseLike<BatchResults<K, V>>): Promise<void> {
    let results: BatchResults<K, V>;
    try {
      results = await load(this.keys);
    } catch (error) {
      for (const reject of this.#rejects) reject(error);
      return;
    }
    if (results instanceof Map) this.#settleByKey(results as ReadonlyMap<K, V>);
    else this.#settleInOrder(results as ArrayLike<V | Error>);
  }

  #settleByKey(results: ReadonlyMap<K, V>): void {
    const { keys } = this;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as K;
      if (results.has(key)) (this.#resolves[i] as (value: V) => void)(results.get(key) as V);
      else this.#rejects[i]?.(new Error(`BatchLoader: load() returned no value for key ${describeKey(key)}`));
    }
  }

  #settleInOrder(results: ArrayLike<V | Error>): void {
    const count = this.keys.length;
    if (results === null || typeof results !== 'object' || results.length !== count) {
      const got =
        results !== null && typeof results === 'object' ? `${results.length} results` : String(results);
      const error = new TypeError(
        `BatchLoader: load() must return one result per key, in order, or a Map: got ${got} for ${count} keys`,
      );
      for (const reject of this.#rejects) reject(error);
      return;
    }
    for (let i = 0; i < count; i++) {
      const result = results[i] as V | Error;
      if (result instanceof Error) this.#rejects[i]?.(result);
      else (this.#resolves[i] as (value: V) => void)(result);
    }
  }
}
