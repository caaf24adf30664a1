import { invalidArgument } from './invalid-argument.js';

/**
 * A duration in milliseconds: a number >= 0 (> 0 when `positive`), and Infinity only where `infinite` says
 * it means "never" (no timeout). Negative durations are refused rather than read as zero: they are a sign of a mix-up
 * between a duration and a deadline, or of a subtraction gone wrong.
 */
export function checkMilliseconds(
  value: unknown,
  label: string,
  infinite: boolean,
  positive = false,
): number {
  const bound = positive ? '> 0' : '>= 0';
  const expected = infinite
    ? `a number of milliseconds ${bound} (or Infinity)`
    : `a finite number of milliseconds ${bound}`;
  if (typeof value !== 'number') throw invalidArgument('type', label, expected, value);
  if (!(positive ? value > 0 : value >= 0) || (value === Number.POSITIVE_INFINITY && !infinite)) {
    throw invalidArgument('range', label, expected, value);
  }
  return value;
}
