/**
 * A primitive that means the same in every process (string, number, bigint, boolean, null, undefined) as
 * a tagged, length-prefixed part of a key, so no two different values encode alike; `undefined` for
 * anything else (symbols and objects, whose identity only one process knows).
 */
export function primitiveKeyPart(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'bigint':
      return `b${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    default:
      return value === null ? 'l' : undefined;
  }
}
