import { isLeafBuiltin } from '../synchronizer/wire/cloneable-builtin.js';
import { hasMethods } from '../synchronizer/worker/describer.js';

/**
 * Whether `value` holds something the Synchronizer treats otherwise than synckit's structured clone: a
 * function, a symbol, or an object with methods (a class instance such as a parser's AST node, an
 * iterator, a promise). The Synchronizer keeps those on the worker as handles in results and refuses them
 * in arguments; synckit copies their own enumerable properties, or fails with a `DataCloneError`.
 * Everything else (primitives, records, arrays, `Map`s, `Set`s, errors and the leaf built-ins) crosses
 * alike.
 *
 * It runs on every call through `anysync/synckit`, so records and arrays, most of what it meets, are told
 * apart by their prototype before any other test. The walk is iterative and visits each object once, so
 * deep or cyclic values cost no stack.
 */
export function needsStructuredClone(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return true;
  if (typeof value !== 'object' || value === null) return false;
  const seen = new Set<object>();
  const pending: object[] = [value];
  while (pending.length > 0) {
    const next = pending.pop() as object;
    if (seen.has(next)) continue;
    seen.add(next);
    if (differs(next, pending)) return true;
  }
  return false;
}

/** Whether this one object differs; queues the objects it holds, which structured clone would copy. */
function differs(value: object, pending: object[]): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (queue(value[i], pending)) return true;
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    if (isLeafBuiltin(value)) return false;
    if (value instanceof Map) return queueEntries(value, pending);
    if (value instanceof Set) return queueMembers(value, pending);
    if (value instanceof Error) {
      if (queue(value.cause, pending)) return true;
    } else if (hasMethods(value)) {
      return true;
    }
  }
  for (const key of Object.keys(value))
    if (queue((value as Record<string, unknown>)[key], pending)) return true;
  return false;
}

function queueEntries(map: Map<unknown, unknown>, pending: object[]): boolean {
  for (const [key, entry] of map) if (queue(key, pending) || queue(entry, pending)) return true;
  return false;
}

function queueMembers(set: Set<unknown>, pending: object[]): boolean {
  for (const member of set) if (queue(member, pending)) return true;
  return false;
}

/** True on a function or a symbol; an object is queued for its own look. */
function queue(member: unknown, pending: object[]): boolean {
  if (typeof member === 'function' || typeof member === 'symbol') return true;
  if (typeof member === 'object' && member !== null) pending.push(member);
  return false;
}
