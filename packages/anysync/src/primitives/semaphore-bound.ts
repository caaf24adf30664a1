import { MAX_UNITS } from '../internal/decimal-units.js';
import { invalidArgument } from '../internal/invalid-argument.js';

/**
 * A semaphore's `maxValue`: the one given, checked, or by default its initial value, so that `new
 * Semaphore(4)` is a limit of 4 (a fifth release, or a wait for 5, is a bug to report, not a wait that
 * never ends). A semaphore created with 0 has nothing to bound it by: its tokens only come from
 * `release()`, so it is unbounded unless told otherwise. An unbounded one counts whole tokens only.
 */
export function semaphoreBound(initialValue: number, maxValue: unknown): number {
  const bound = maxValue ?? (initialValue > 0 ? initialValue : Number.POSITIVE_INFINITY);
  const expected = `a number >= initialValue (${initialValue}) and > 0, at most 2^51 or Infinity`;
  if (typeof bound !== 'number') throw invalidArgument('type', 'Semaphore: maxValue', expected, bound);
  if (!(bound >= initialValue && bound > 0 && (bound <= MAX_UNITS || bound === Number.POSITIVE_INFINITY))) {
    throw invalidArgument('range', 'Semaphore: maxValue', expected, bound);
  }
  if (bound === Number.POSITIVE_INFINITY && !Number.isSafeInteger(initialValue)) {
    const wanted = 'a whole number on an unbounded semaphore (fractional tokens need a finite maxValue)';
    throw invalidArgument('range', 'Semaphore: initialValue', wanted, initialValue);
  }
  return bound;
}
