import { checkString } from '../internal/check-string.js';

/**
 * How `memoize` with a `store` turns results into text and back. The default, {@link jsonCodec}, refuses
 * values that JSON would silently change.
 *
 * @example
 * ```ts
 * import type { MemoizeCodec } from 'anysync/cache';
 *
 * const dates: MemoizeCodec<Date> = {
 *   encode: (date) => date.toISOString(),
 *   decode: (text) => new Date(text),
 * };
 * ```
 */
export interface MemoizeCodec<V> {
  encode(value: V): string;
  decode(text: string): V;
}

function describe(path: string): string {
  return path === '' ? 'the value' : `the value at ${path}`;
}

/** Throws a TypeError naming the first part of `value` that would not come back from JSON as it went in. */
function checkJson(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (Number.isFinite(value)) return;
      throw new TypeError(`jsonCodec: ${describe(path)} is ${value}, which JSON turns into null`);
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) throw new TypeError(`jsonCodec: ${describe(path)} is a circular reference`);
      seen.add(value);
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (item === undefined)
            throw new TypeError(
              `jsonCodec: ${describe(`${path}[${index}]`)} is undefined, which JSON turns into null`,
            );
          checkJson(item, `${path}[${index}]`, seen);
        });
      } else {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          const kind = (value as object).constructor?.name ?? 'object';
          throw new TypeError(
            `jsonCodec: ${describe(path)} is a ${kind}, which JSON does not bring back; pass a codec`,
          );
        }
        for (const [key, item] of Object.entries(value))
          if (item !== undefined) checkJson(item, `${path}.${key}`, seen);
      }
      seen.delete(value);
      return;
    }
    default:
      throw new TypeError(
        `jsonCodec: ${describe(path)} is a ${typeof value}, which JSON cannot hold; pass a codec`,
      );
  }
}

/**
 * The default codec of a shared `memoize`: JSON, strictly. Plain objects, arrays, strings, finite numbers,
 * booleans and `null` go through (an `undefined` result too; object properties that are `undefined` are
 * left out, as JSON does); anything JSON would quietly change (a `Date`, a `Map`, a class instance, `NaN`,
 * a `bigint`, an `undefined` array item) throws a TypeError naming where it is, so the result is never
 * cached in a different shape than it was computed.
 *
 * @example
 * ```ts
 * import { jsonCodec } from 'anysync/cache';
 *
 * console.log(jsonCodec.decode(jsonCodec.encode({ id: 1, tags: ['a'] }))); // { id: 1, tags: [ 'a' ] }
 * try {
 *   jsonCodec.encode({ at: new Date() });
 * } catch (error) {
 *   console.log((error as Error).message); // jsonCodec: the value at .at is a Date, which JSON does not bring back; pass a codec
 * }
 * ```
 */
export const jsonCodec: MemoizeCodec<unknown> = {
  encode(value: unknown): string {
    if (value === undefined) return 'u';
    checkJson(value, '', new Set());
    return `j${JSON.stringify(value)}`;
  },
  decode(text: string): unknown {
    checkString(text, 'jsonCodec.decode(): text');
    if (text === 'u') return undefined;
    if (text.charCodeAt(0) !== 106)
      throw new TypeError(`jsonCodec: not a value it encoded: ${text.slice(0, 40)}`);
    return JSON.parse(text.slice(1));
  },
};
