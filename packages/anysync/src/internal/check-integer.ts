import { invalidArgument } from './invalid-argument.js';

/** How a bound reads in a message: the large powers of two as `2^31 - 1`, not as ten digits. */
function boundText(bound: number): string {
  for (let offset = 0; offset <= 2; offset++) {
    const exponent = Math.log2(bound + offset);
    if (Number.isInteger(exponent) && exponent >= 20) {
      return offset === 0 ? `2^${exponent}` : `2^${exponent} - ${offset}`;
    }
  }
  return String(bound);
}

function refuse(value: unknown, label: string, min: number, max: number): never {
  const expected =
    max === Number.POSITIVE_INFINITY
      ? `an integer >= ${min} or Infinity`
      : max === Number.MAX_SAFE_INTEGER
        ? `an integer >= ${min}`
        : `an integer from ${min} to ${boundText(max)}`;
  throw invalidArgument(typeof value === 'number' ? 'range' : 'type', label, expected, value);
}

/**
 * An integer from `min` to `max`. With `max` Infinity, Infinity itself is accepted too (a count with no
 * limit, e.g. a concurrency); by default the largest integer a number holds exactly. The message is
 * built only when the value is refused: some callers check on every call.
 */
export function checkInteger(
  value: unknown,
  label: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number') return refuse(value, label, min, max);
  const ok =
    value === Number.POSITIVE_INFINITY
      ? max === value
      : Number.isInteger(value) && value >= min && value <= max;
  return ok ? value : refuse(value, label, min, max);
}
