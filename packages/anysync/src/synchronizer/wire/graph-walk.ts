import type { TransferListItem } from 'node:worker_threads';
import { takeTransfer } from '../transfer.js';

/** What a `Classify` returns for an array, a record, a `Map`, a `Set` or an `Error` to walk into. */
export const WALK: unique symbol = Symbol('walk into');

/**
 * One side's rules for the objects, functions and symbols of the values it sends: `WALK` to walk into an
 * array or record, or what to send in its place (the value itself to send it as it is, or a marker).
 * Throwing a `Refusal` refuses the value.
 */
export type Classify = (value: object | symbol) => unknown;

/** Why a value cannot be sent; the caller of the walk turns it into an error that names its path. */
export class Refusal {
  constructor(
    readonly value: unknown,
    readonly reason: string,
    readonly closed = false,
  ) {}
}

/** Deeper values are sent as they are: the structured clone copies them without a look. */
const MAX_DEPTH = 64;
/** About 25 ms of walking without a set, at worst: less than serializing 250,000 objects costs anyway. */
const SHARED_VISITS = 1 << 18;
const DATA = { enumerable: true, writable: true, configurable: true } as const;
const ERROR_PARTS = ['cause', 'errors'] as const;

/**
 * A walk over values on their way to the other side, replacing what `classify` says to replace and
 * copying only the arrays and records on the way to a replacement. The result has the shape structured
 * clone would give the originals: an object reached twice is sent as one object, cycles stay cycles.
 *
 * Adding every object to a set would cost several times the rest of the walk, and plain data rarely
 * reaches an object twice, so objects are remembered only when they changed (a `Map` lookup of an object
 * that was never hashed costs next to nothing), cycles are found on the path from the root, and a set is
 * kept only past `SHARED_VISITS` visits, for data that shares objects so much (each level referring twice
 * to the next) that walking it again each time it is reached would never end.
 */
export class GraphWalk {
  #eager = false;
  #cycle = false;
  #visits = 0;
  #path: object[] = [];
  #seen: Set<object> | undefined;
  /** What `classify` replaced objects by, so each is replaced once however often it is reached. */
  #replaced: Map<object, unknown> | undefined;
  /** The copies of arrays and records that changed, so each is sent once however often it is reached. */
  #copies: Map<object, unknown> | undefined;

  /** `transfer`: where the transfer lists of marked objects met go (see `transfer`). */
  constructor(
    private readonly classify: Classify,
    readonly transfer: TransferListItem[] = [],
  ) {}

  /**
   * `values` translated: the same array when nothing changed. Those for which `skip(index)` holds are left
   * as they are.
   */
  values(values: unknown[], skip?: (index: number) => boolean): unknown[] {
    const result = this.#values(values, skip);
    if (!this.#cycle || !this.#copies) return result;
    // A cycle through an object that changed: a copy made when the change was found may still point at
    // the original. Walk again, copying each array and record before walking into it. Replacements are
    // remembered, so none is made twice.
    this.#copies = undefined;
    this.#eager = true;
    this.#visits = 0;
    this.#seen = undefined;
    return this.#values(values, skip);
  }

  #values(values: unknown[], skip: ((index: number) => boolean) | undefined): unknown[] {
    let result = values;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (!isStructured(value) || skip?.(i)) continue;
      const next = this.#translate(value, 0);
      if (next !== value) {
        if (result === values) result = values.slice();
        result[i] = next;
      }
    }
    return result;
  }

  #translate(value: object | symbol, depth: number): unknown {
    if (typeof value === 'symbol') return this.classify(value);
    const known = this.#replaced?.get(value) ?? this.#copies?.get(value);
    if (known !== undefined) return known;
    const marks = takeTransfer(value);
    if (marks) this.transfer.push(...marks);
    const rule = this.classify(value);
    if (rule !== WALK) {
      if (rule !== value) {
        this.#replaced ??= new Map();
        this.#replaced.set(value, rule);
      }
      return rule;
    }
    if (depth > MAX_DEPTH) return value;
    if (this.#path.includes(value)) {
      this.#cycle = true;
      return value;
    }
    if (this.#seen?.has(value)) return value;
    if (++this.#visits > SHARED_VISITS) {
      this.#seen ??= new Set();
      this.#seen.add(value);
    }
    this.#path.push(value);
    const next = Array.isArray(value)
      ? this.#array(value, depth)
      : value instanceof Map
        ? this.#map(value, depth)
        : value instanceof Set
          ? this.#set(value, depth)
          : value instanceof Error
            ? this.#error(value, depth)
            : this.#record(value as Record<string, unknown>, depth);
    this.#path.pop();
    if (next !== value) this.#remember(value, next);
    return next;
  }

  // Index loops rather than iterators: these run on every object argument of every call.
  #array(value: unknown[], depth: number): unknown[] {
    let copy = this.#eager ? this.#copy(value) : undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (!isStructured(item)) continue;
      const next = this.#translate(item, depth + 1);
      if (next !== item) {
        copy ??= this.#copy(value);
        copy[i] = next;
      }
    }
    return copy ?? value;
  }

  #record(value: Record<string, unknown>, depth: number): object {
    let copy = this.#eager ? this.#copy(value) : undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = value[key];
      if (!isStructured(item)) continue;
      const next = this.#translate(item, depth + 1);
      if (next !== item) {
        copy ??= this.#copy(value);
        // An own `__proto__` property must stay a property: assigning it would set the prototype.
        if (key === '__proto__') Object.defineProperty(copy, key, { value: next, ...DATA });
        else copy[key] = next;
      }
    }
    return copy ?? value;
  }

  /** A `Map`'s keys and values, both translated; a changed map is copied as a plain `Map`. */
  #map(value: Map<unknown, unknown>, depth: number): Map<unknown, unknown> {
    let copy = this.#eager ? this.#freshCopy(value, new Map()) : undefined;
    let index = 0;
    for (const [key, item] of value) {
      const nextKey = isStructured(key) ? this.#translate(key, depth + 1) : key;
      const nextItem = isStructured(item) ? this.#translate(item, depth + 1) : item;
      if (copy === undefined && (nextKey !== key || nextItem !== item)) {
        copy = new Map([...value].slice(0, index));
      }
      copy?.set(nextKey, nextItem);
      index++;
    }
    return copy ?? value;
  }

  /** A `Set`'s members translated; a changed set is copied as a plain `Set`, in the same order. */
  #set(value: Set<unknown>, depth: number): Set<unknown> {
    let copy = this.#eager ? this.#freshCopy(value, new Set()) : undefined;
    let index = 0;
    for (const item of value) {
      const next = isStructured(item) ? this.#translate(item, depth + 1) : item;
      if (copy === undefined && next !== item) copy = new Set([...value].slice(0, index));
      copy?.add(next);
      index++;
    }
    return copy ?? value;
  }

  /**
   * An `Error` crosses whole, rebuilt on the other side from its own fields, so what its `cause` (or an
   * `AggregateError`'s `errors`) holds is walked but cannot be replaced there: a handle, a function or a
   * signal in it is refused, rather than sent as a copy of its data.
   */
  #error(value: Error, depth: number): Error {
    // Walked lazily with copies of its own: an eager walk's copies differ from their originals even where
    // nothing inside changed, and these are never sent anyway.
    const eager = this.#eager;
    const copies = this.#copies;
    this.#eager = false;
    this.#copies = undefined;
    try {
      for (const key of ERROR_PARTS) {
        if (!Object.hasOwn(value, key)) continue;
        const part = (value as unknown as Record<string, unknown>)[key];
        if (isStructured(part) && this.#translate(part, depth + 1) !== part) {
          throw new Refusal(
            value,
            `holds in its ${key} a value that cannot cross inside an Error (pass it beside the error)`,
          );
        }
      }
    } finally {
      this.#eager = eager;
      this.#copies = copies;
    }
    return value;
  }

  /** An empty collection that stands for `original` from the start of an eager walk (see `#copy`). */
  #freshCopy<T extends object>(original: object, copy: T): T {
    this.#remember(original, copy);
    return copy;
  }

  #remember(original: object, copy: unknown): void {
    this.#copies ??= new Map();
    this.#copies.set(original, copy);
  }

  /**
   * A copy as structured clone would make it: a plain array (holes kept, whatever the array's class) or
   * a plain object of the own enumerable properties. In an eager walk it stands for the original from
   * the start, so references reached later, cycles included, point at it.
   */
  #copy<T extends object>(value: T): T {
    let copy: object;
    if (!Array.isArray(value)) copy = { ...value };
    else if (Object.getPrototypeOf(value) === Array.prototype) copy = value.slice();
    else copy = plainArray(value);
    if (this.#eager) this.#remember(value, copy);
    return copy as T;
  }
}

/** Whether `item` may hold something to translate: only objects, functions and symbols can. */
export function isStructured(item: unknown): item is object | symbol {
  return (
    item !== null && (typeof item === 'object' || typeof item === 'function' || typeof item === 'symbol')
  );
}

/** An array of a subclass, copied without calling its class (`slice` would construct one). */
function plainArray(value: unknown[]): unknown[] {
  const copy = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) if (i in value) copy[i] = value[i];
  return copy;
}
