import { primitiveKeyPart } from './primitive-key-part.js';

/** Identity numbers for objects and functions used as arguments; weak, so keys never keep them alive. */
const objectIds = new WeakMap<object, number>();
/** Symbols that are not registered cannot be WeakMap keys everywhere, so they are held; they are rare. */
const symbolIds = new Map<symbol, number>();
let nextId = 0;

function identity(value: object | symbol): number {
  if (typeof value === 'symbol') {
    const known = symbolIds.get(value);
    if (known !== undefined) return known;
    symbolIds.set(value, nextId);
    return nextId++;
  }
  const known = objectIds.get(value);
  if (known !== undefined) return known;
  objectIds.set(value, nextId);
  return nextId++;
}

/** One argument as a tagged, length-prefixed part, so no two different argument lists encode alike. */
function part(value: unknown): string {
  const primitive = primitiveKeyPart(value);
  if (primitive !== undefined) return primitive;
  switch (typeof value) {
    case 'symbol': {
      const registered = Symbol.keyFor(value);
      return registered === undefined ? `y${identity(value)}` : `r${registered.length}:${registered}`;
    }
    default:
      return `o${identity(value as object)}`;
  }
}

/** `argsKey(undefined, [arg])` without the array: the default key of a call with one argument. */
export function argKey(arg: unknown): unknown {
  return typeof arg !== 'string' || arg.charCodeAt(0) !== 0 ? arg : argsKey(undefined, [arg]);
}

/**
 * The default cache key of a call. One argument (and no `this`) is its own key, compared like a Map key:
 * primitives by value, objects by identity. Anything else becomes a string that encodes every argument,
 * objects by an identity number; such strings start with NUL, and so does the encoding of a lone string
 * argument that itself starts with NUL, so the two forms never collide.
 */
export function argsKey(self: unknown, args: readonly unknown[]): unknown {
  const withSelf = self !== undefined && self !== globalThis;
  if (!withSelf && args.length === 1) {
    const only = args[0];
    if (typeof only !== 'string' || only.charCodeAt(0) !== 0) return only;
  }
  let key = withSelf ? `\u0000${part(self)}` : '\u0000';
  for (const arg of args) key += `,${part(arg)}`;
  return key;
}
