import { describeValue } from './describe-value.js';

/**
 * The error for an input that breaks its contract: a `TypeError` when it is not even of the right type,
 * a `RangeError` when it is but its value is impossible. The message names the input and shows the value,
 * e.g. `Semaphore: initialValue must be a number >= 0, got '3' (string)`.
 */
export function invalidArgument(
  kind: 'type' | 'range',
  label: string,
  expected: string,
  value: unknown,
): TypeError | RangeError {
  const message = `${label} must be ${expected}, got ${describeValue(value)}`;
  return kind === 'type' ? new TypeError(message) : new RangeError(message);
}
