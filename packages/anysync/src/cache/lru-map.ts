import { checkFunction, checkOptionalFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkOptions } from '../internal/check-options.js';

/** Slots are linked by 32-bit indices (Int32Array), with -1 for none. */
const MAX_SLOTS = 2 ** 31 - 2;

/**
 * Why an entry left an {@link LruMap}: pushed out by a newer one (`'evict'`), replaced by `set()` on the
 * same key (`'set'`), removed by `delete()` or `clear()` (`'delete'`), or past its time to live
 * (`'expire'`, only in a `TtlLruMap`).
 *
 * @example
 * ```ts
 * import { LruMap, type RemovalReason } from 'anysync/cache';
 *
 * const seen: RemovalReason[] = [];
 * const map = new LruMap<string, number>(1, { onRemove: (_key, _value, reason) => seen.push(reason) });
 * map.set('a', 1).set('a', 2).set('b', 3);
 * console.log(seen); // ['set', 'evict']
 * ```
 */
export type RemovalReason = 'evict' | 'set' | 'delete' | 'expire';

/**
 * Options of {@link LruMap}.
 *
 * @example
 * ```ts
 * import { LruMap, type LruMapOptions } from 'anysync/cache';
 *
 * const options: LruMapOptions<string, WebSocket> = { onRemove: (_url, socket) => socket.close() };
 * const sockets = new LruMap<string, WebSocket>(16, options);
 * ```
 */
export interface LruMapOptions<K, V> {
  /** Called after an entry left the map, with the reason; not called for values `set()` re-stores. */
  readonly onRemove?: ((key: K, value: V, reason: RemovalReason) => void) | undefined;
}

/**
 * What `LruMap.stats()` reports. Hits and misses count `get()` calls only.
 *
 * @example
 * ```ts
 * import { LruMap, type LruMapStats } from 'anysync/cache';
 *
 * const stats: LruMapStats = new LruMap(10).stats();
 * console.log(stats); // { size: 0, max: 10, hits: 0, misses: 0, evictions: 0 }
 * ```
 */
export interface LruMapStats {
  readonly size: number;
  readonly max: number;
  readonly hits: number;
  readonly misses: number;
  /** Entries pushed out because the map was full. */
  readonly evictions: number;
}

const NONE = -1;
const INITIAL_CAPACITY = 16;

/**
 * A map that holds at most `max` entries and, when full, drops the least recently used one. `get()` and
 * `set()` count as uses; `peek()` and `has()` do not. Both are O(1) and allocate nothing once the map has
 * grown: entries live in parallel arrays linked by index (typed arrays hold the links), so a full map
 * never churns the garbage collector.
 *
 * @example
 * ```ts
 * import { LruMap } from 'anysync/cache';
 *
 * const recent = new LruMap<string, number>(2);
 * recent.set('a', 1).set('b', 2);
 * recent.get('a'); // 'a' is now the most recently used
 * recent.set('c', 3); // evicts 'b'
 * console.log([...recent.keys()], recent.stats().evictions); // ['c', 'a'] 1
 * ```
 */
export class LruMap<K, V> implements Iterable<[K, V]> {
  readonly #max: number;
  readonly #onRemove: ((key: K, value: V, reason: RemovalReason) => void) | undefined;
  readonly #index = new Map<K, number>();
  #keys: (K | undefined)[];
  #values: (V | undefined)[];
  /** Links towards the most recently used end (`next`) and the least recently used end (`prev`). */
  #next: Int32Array;
  #prev: Int32Array;
  #free: number[] = [];
  #used = 0;
  /** Least recently used slot. */
  #head = NONE;
  /** Most recently used slot. */
  #tail = NONE;
  #hits = 0;
  #misses = 0;
  #evictions = 0;

  constructor(max: number, options?: LruMapOptions<K, V>) {
    this.#max = checkInteger(max, 'LruMap: max', 1, MAX_SLOTS);
    checkOptions(options, 'LruMap', ['onRemove']);
    this.#onRemove = checkOptionalFunction(options?.onRemove, 'LruMap: onRemove');
    const capacity = Math.min(max, INITIAL_CAPACITY);
    this.#keys = new Array(capacity);
    this.#values = new Array(capacity);
    this.#next = new Int32Array(capacity);
    this.#prev = new Int32Array(capacity);
  }

  get size(): number {
    return this.#index.size;
  }

  get max(): number {
    return this.#max;
  }

  /** The value for `key`, marking it most recently used; `undefined` when absent. */
  get(key: K): V | undefined {
    const slot = this.#index.get(key);
    if (slot === undefined) {
      this.#misses++;
      return undefined;
    }
    this.#hits++;
    if (slot !== this.#tail) this.#moveToTail(slot);
    return this.#values[slot];
  }

  /** The value for `key` without marking it used. */
  peek(key: K): V | undefined {
    const slot = this.#index.get(key);
    return slot === undefined ? undefined : this.#values[slot];
  }

  /** Whether `key` is present; does not mark it used. */
  has(key: K): boolean {
    return this.#index.has(key);
  }

  /** Stores `value` as the most recently used entry, evicting the least recently used one when full. */
  set(key: K, value: V): this {
    const slot = this.#index.get(key);
    if (slot !== undefined) {
      const old = this.#values[slot] as V;
      this.#values[slot] = value;
      if (slot !== this.#tail) this.#moveToTail(slot);
      if (this.#onRemove !== undefined && old !== value) this.#onRemove(key, old, 'set');
      return this;
    }
    if (this.#index.size < this.#max) this.#append(key, value, this.#allocate());
    else this.#evictInto(key, value);
    return this;
  }

  /** Returns the value for `key`, first storing `create(key)` when absent (async-utils' `setdefault`). */
  getOrSet(key: K, create: (key: K) => V): V {
    checkFunction(create, 'LruMap.getOrSet(): create');
    const slot = this.#index.get(key);
    if (slot !== undefined) return this.get(key) as V;
    const value = create(key);
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    const slot = this.#index.get(key);
    if (slot === undefined) return false;
    this.#remove(slot, 'delete');
    return true;
  }

  /** Removes every entry (calling `onRemove` for each, oldest first). */
  clear(): void {
    while (this.#head !== NONE) this.#remove(this.#head, 'delete');
  }

  /** Entries from most to least recently used; iterating does not mark them used. */
  *entries(): IterableIterator<[K, V]> {
    for (let slot = this.#tail; slot !== NONE; slot = this.#prev[slot] as number) {
      yield [this.#keys[slot] as K, this.#values[slot] as V];
    }
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

  stats(): LruMapStats {
    const { size } = this.#index;
    return { size, max: this.#max, hits: this.#hits, misses: this.#misses, evictions: this.#evictions };
  }

  /** The least recently used key, or `undefined` when empty (what the next eviction would drop). */
  get oldestKey(): K | undefined {
    return this.#head === NONE ? undefined : this.#keys[this.#head];
  }

  #allocate(): number {
    const reused = this.#free.pop();
    if (reused !== undefined) return reused;
    if (this.#used === this.#next.length) this.#grow();
    return this.#used++;
  }

  #grow(): void {
    const capacity = Math.min(this.#max, this.#next.length * 2);
    const next = new Int32Array(capacity);
    next.set(this.#next);
    this.#next = next;
    const prev = new Int32Array(capacity);
    prev.set(this.#prev);
    this.#prev = prev;
    this.#keys.length = capacity;
    this.#values.length = capacity;
  }

  #append(key: K, value: V, slot: number): void {
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#index.set(key, slot);
    this.#linkAtTail(slot);
  }

  /** The map is full: the least recently used slot takes the new entry. */
  #evictInto(key: K, value: V): void {
    const slot = this.#head;
    const oldKey = this.#keys[slot] as K;
    const oldValue = this.#values[slot] as V;
    this.#index.delete(oldKey);
    this.#evictions++;
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#index.set(key, slot);
    this.#moveToTail(slot);
    this.#onRemove?.(oldKey, oldValue, 'evict');
  }

  #remove(slot: number, reason: RemovalReason): void {
    const key = this.#keys[slot] as K;
    const value = this.#values[slot] as V;
    this.#index.delete(key);
    this.#unlink(slot);
    this.#keys[slot] = undefined;
    this.#values[slot] = undefined;
    this.#free.push(slot);
    this.#onRemove?.(key, value, reason);
  }

  #moveToTail(slot: number): void {
    this.#unlink(slot);
    this.#linkAtTail(slot);
  }

  #linkAtTail(slot: number): void {
    this.#prev[slot] = this.#tail;
    this.#next[slot] = NONE;
    if (this.#tail === NONE) this.#head = slot;
    else this.#next[this.#tail] = slot;
    this.#tail = slot;
  }

  #unlink(slot: number): void {
    const prev = this.#prev[slot] as number;
    const next = this.#next[slot] as number;
    if (prev === NONE) this.#head = next;
    else this.#next[prev] = next;
    if (next === NONE) this.#tail = prev;
    else this.#prev[next] = prev;
  }
}
