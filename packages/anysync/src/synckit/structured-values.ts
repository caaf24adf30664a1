import { isLeafBuiltin } from '../synchronizer/wire/cloneable-builtin.js';
import { hasMethods } from '../synchronizer/worker/describer.js';

/**
 * Whether `value` holds something the Synchronizer treats otherwise than synckit's structured clone: a
 * function, a symbol, or an object with methods (a class instance such as a parser's AST node, an iterator, a
 * promise). The Synchronizer keeps those on the worker as handles in results and refuses them in
 * arguments; synckit copies their own enumerable properties, or fails with a `DataCloneError`. Everything
 * else (primitives, records, arrays, `Map`s, `Set`s, errors and the leaf built-ins) crosses alike.
 *
 * The walk is iterative and visits each object once, so deep or cyclic values cost no stack.
 */
export function needsStructuredClone(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return true;
  if (typeof value !== 'object' || value === null) return false;
  const seen = new Set<object>();
  const pending: object[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    if (isLeafBuiltin(next)) continue;
    if (!isContainer(next) && hasMethods(next)) return true;
    for (const member of members(next)) {
      if (typeof member === 'function' || typeof member === 'symbol') return true;
      if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return false;
}

/** Built-ins structured clone copies with what they hold: their own methods exist on both sides. */
function isContainer(value: object): boolean {
  return Array.isArray(value) || value instanceof Map || value instanceof Set || value instanceof Error;
}

/** What structured clone copies out of an object: entries of maps and sets, own enumerable properties. */
function* members(value: object): Iterable<unknown> {
  if (value instanceof Map) {
    for (const [key, entry] of value) yield* [key, entry];
  } else if (value instanceof Set) {
    yield* value;
  } else {
    if (value instanceof Error) yield value.cause;
    for (const key of Object.keys(value)) yield (value as Record<string, unknown>)[key];
  }
}
