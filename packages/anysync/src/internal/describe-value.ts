/** Longer strings are cut here in messages: the start is what tells a typo from a wrong argument. */
const MAX_STRING = 40;

function describeObject(value: object): string {
  if (Array.isArray(value)) return `an array (length ${value.length})`;
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = prototype?.constructor?.name;
  if (prototype === null || prototype === Object.prototype) return 'an object';
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object';
}

/**
 * How an error message shows a value it rejects: numbers as written (`-1`, `NaN`), anything else with its
 * type (`'3' (string)`), so that a number passed as a string does not read as the number itself.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string': {
      const text = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
      return `'${text}' (string)`;
    }
    case 'bigint':
      return `${value}n (bigint)`;
    case 'boolean':
      return `${value} (boolean)`;
    case 'symbol':
      return `${value.toString()} (symbol)`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return value.name === '' ? 'a function' : `a function (${value.name})`;
    default:
      return value === null ? 'null' : describeObject(value as object);
  }
}
