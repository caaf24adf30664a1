import { checkOptionalFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { currentClock } from '../internal/clock.js';
import { LruMap, type LruMapStats, type RemovalReason } from './lru-map.js';

/**
 * Options of {@link TtlLruMap}.
 *
 * @example
 * ```ts
 * import { TtlLruMap, type TtlLruMapOptions } from 'anysync/cache';
 *
 * const options: TtlLruMapOptions<string, string> = { max: 1000, ttl: 60_000 };
 * const sessions = new TtlLruMap(options);
 * ```
 */
export interface TtlLruMapOptions<K, V> {
  /** At most this many entries; the least recently used goes first. */
  readonly max: number;
  /** Milliseconds an entry lives after it was last `set()`; reads do not extend it. */
  readonly ttl: number;
  /** Called after an entry left the map, with the reason (`'expire'` once its time was up). */
  readonly onRemove?: ((key: K, value: V, reason: RemovalReason) => void) | undefined;
}

/**
 * What `TtlLruMap.stats()` reports.
 *
 * @example
 * ```ts
 * import { TtlLruMap, type TtlLruMapStats } from 'anysync/cache';
 *
 * const stats: TtlLruMapStats = new TtlLruMap({ max: 10, ttl: 1000 }).stats();
 * console.log(stats.expirations); // 0
 * ```
 */
export interface TtlLruMapStats extends LruMapStats {
  readonly ttl: number;
  /** Entries dropped because their time to live was up. */
  readonly expirations: number;
}

/** An entry, also a node of the list that keeps entries in expiry order. */
interface TtlEntry<K, V> {
  readonly key: K;
  value: V;
  expiresAt: number;
  older: TtlEntry<K, V> | undefined;
  newer: TtlEntry<K, V> | undefined;
}

/**
 * An {@link LruMap} whose entries also expire `ttl` milliseconds after they were last set (async-utils'
 * `TTLLRU`). Every entry shares one time to live, so the order of expiry is the order of writing: a
 * second list keeps it, and each operation drops the expired entries at its head in O(1) per entry, with
 * no timer and no heap. Expired entries are never returned, but they only leave memory on the next
 * operation on the map (or `purgeExpired()`). Time is anysync's clock, so `VirtualClock` drives it in tests.
 *
 * @example
 * ```ts
 * import { TtlLruMap } from 'anysync/cache';
 *
 * const tokens = new TtlLruMap<string, string>({ max: 100, ttl: 50 });
 * tokens.set('alice', 'secret');
 * console.log(tokens.get('alice')); // 'secret'
 * await new Promise((resolve) => setTimeout(resolve, 60));
 * console.log(tokens.get('alice'), tokens.size); // undefined 0
 * ```
 */
export class TtlLruMap<K, V> implements Iterable<[K, V]> {
  readonly #ttl: number;
  readonly #lru: LruMap<K, TtlEntry<K, V>>;
  readonly #onRemove: ((key: K, value: V, reason: RemovalReason) => void) | undefined;
  #oldest: TtlEntry<K, V> | undefined;
  #newest: TtlEntry<K, V> | undefined;
  #expirations = 0;
  /** Set while `#purge` deletes, so `onRemove` reports `'expire'` rather than `'delete'`. */
  #expiring = false;

  constructor(options: TtlLruMapOptions<K, V>) {
    checkOptions(options, 'TtlLruMap', ['max', 'ttl', 'onRemove'], '{ max, ttl }');
    const max = checkInteger(options.max, 'TtlLruMap: max', 1, 2 ** 31 - 2);
    this.#ttl = checkMilliseconds(options.ttl, 'TtlLruMap: ttl', true, true);
    this.#onRemove = checkOptionalFunction(options.onRemove, 'TtlLruMap: onRemove');
    this.#lru = new LruMap(max, { onRemove: (_key, entry, reason) => this.#removed(entry, reason) });
  }

  get size(): number {
    this.purgeExpired();
    return this.#lru.size;
  }

  get max(): number {
    return this.#lru.max;
  }

  get ttl(): number {
    return this.#ttl;
  }

  /** The value for `key`, marking it most recently used; `undefined` when absent or expired. */
  get(key: K): V | undefined {
    this.purgeExpired();
    return this.#lru.get(key)?.value;
  }

  /** The value for `key` without marking it used; `undefined` when absent or expired. */
  peek(key: K): V | undefined {
    this.purgeExpired();
    return this.#lru.peek(key)?.value;
  }

  has(key: K): boolean {
    this.purgeExpired();
    return this.#lru.has(key);
  }

  /** Stores `value`, which expires `ttl` milliseconds from now (restarting the count if `key` was there). */
  set(key: K, value: V): this {
    const now = currentClock().now();
    this.#purge(now);
    const entry = this.#lru.peek(key);
    if (entry === undefined) {
      const created: TtlEntry<K, V> = {
        key,
        value,
        expiresAt: now + this.#ttl,
        older: undefined,
        newer: undefined,
      };
      this.#lru.set(key, created);
      this.#linkNewest(created);
      return this;
    }
    const old = entry.value;
    entry.value = value;
    entry.expiresAt = now + this.#ttl;
    this.#unlink(entry);
    this.#linkNewest(entry);
    this.#lru.set(key, entry); // marks it most recently used
    if (this.#onRemove !== undefined && old !== value) this.#onRemove(key, old, 'set');
    return this;
  }

  delete(key: K): boolean {
    this.purgeExpired();
    return this.#lru.delete(key);
  }

  clear(): void {
    this.#lru.clear();
  }

  /** Drops every expired entry now; returns how many were dropped. */
  purgeExpired(): number {
    return this.#oldest === undefined ? 0 : this.#purge(currentClock().now());
  }

  /** Milliseconds `key` has left to live; `undefined` when absent or expired. */
  remainingTtl(key: K): number | undefined {
    this.purgeExpired();
    const entry = this.#lru.peek(key);
    return entry === undefined ? undefined : entry.expiresAt - currentClock().now();
  }

  /** Live entries from most to least recently used; iterating does not mark them used. */
  *entries(): IterableIterator<[K, V]> {
    this.purgeExpired();
    for (const [key, entry] of this.#lru.entries()) yield [key, entry.value];
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  stats(): TtlLruMapStats {
    this.purgeExpired();
    return { ...this.#lru.stats(), ttl: this.#ttl, expirations: this.#expirations };
  }

  #purge(now: number): number {
    let dropped = 0;
    for (let entry = this.#oldest; entry !== undefined && entry.expiresAt <= now; entry = this.#oldest) {
      this.#expirations++;
      dropped++;
      this.#expiring = true;
      try {
        this.#lru.delete(entry.key);
      } finally {
        this.#expiring = false;
      }
    }
    return dropped;
  }

  #removed(entry: TtlEntry<K, V>, reason: RemovalReason): void {
    this.#unlink(entry);
    this.#onRemove?.(entry.key, entry.value, this.#expiring ? 'expire' : reason);
  }

  #linkNewest(entry: TtlEntry<K, V>): void {
    entry.older = this.#newest;
    entry.newer = undefined;
    if (this.#newest === undefined) this.#oldest = entry;
    else this.#newest.newer = entry;
    this.#newest = entry;
  }

  #unlink(entry: TtlEntry<K, V>): void {
    const { older, newer } = entry;
    if (older === undefined) this.#oldest = newer;
    else older.newer = newer;
    if (newer === undefined) this.#newest = older;
    else newer.older = older;
    entry.older = undefined;
    entry.newer = undefined;
  }
}
