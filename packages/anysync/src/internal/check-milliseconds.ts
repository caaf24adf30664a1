import { invalidArgument } from './invalid-argument.js';

function refuse(value: unknown, label: string, infinite: boolean, positive: boolean): never {
  const bound = positive ? '> 0' : '>= 0';
  const expected = infinite
    ? `a number of milliseconds ${bound} (or Infinity)`
    : `a finite number of milliseconds ${bound}`;
  throw invalidArgument(typeof value === 'number' ? 'range' : 'type', label, expected, value);
}

/**
 * A duration in milliseconds: a number >= 0 (> 0 when `positive`), and Infinity only where `infinite` says
 * it means "never" (no timeout). Negative durations are refused rather than read as zero: they are a sign
 * of a mix-up between a duration and a deadline, or of a subtraction gone wrong.
 */
export function checkMilliseconds(
  value: unknown,
  label: string,
  infinite: boolean,
  positive = false,
): number {
  if (typeof value !== 'number') return refuse(value, label, infinite, positive);
  const ok = (positive ? value > 0 : value >= 0) && (infinite || value !== Number.POSITIVE_INFINITY);
  return ok ? value : refuse(value, label, infinite, positive);
}
