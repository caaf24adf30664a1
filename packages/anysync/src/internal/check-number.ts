import { invalidArgument } from './invalid-argument.js';

/** A number that is not NaN (±Infinity allowed: a deadline or priority may be unbounded). */
export function checkNumber(value: unknown, label: string): number {
  if (typeof value !== 'number') throw invalidArgument('type', label, 'a number', value);
  if (Number.isNaN(value)) throw invalidArgument('range', label, 'a number other than NaN', value);
  return value;
}

/** A finite number. */
export function checkFinite(value: unknown, label: string): number {
  if (typeof value !== 'number') throw invalidArgument('type', label, 'a finite number', value);
  if (!Number.isFinite(value)) throw invalidArgument('range', label, 'a finite number', value);
  return value;
}

/** A finite number > 0 (a limit, an interval, a weight). */
export function checkPositive(value: unknown, label: string): number {
  if (typeof value !== 'number') throw invalidArgument('type', label, 'a finite number > 0', value);
  if (!(value > 0 && value !== Number.POSITIVE_INFINITY)) {
    throw invalidArgument('range', label, 'a finite number > 0', value);
  }
  return value;
}

/** A finite number >= 0. */
export function checkNonNegative(value: unknown, label: string): number {
  if (typeof value !== 'number') throw invalidArgument('type', label, 'a finite number >= 0', value);
  if (!(value >= 0 && value !== Number.POSITIVE_INFINITY)) {
    throw invalidArgument('range', label, 'a finite number >= 0', value);
  }
  return value;
}
