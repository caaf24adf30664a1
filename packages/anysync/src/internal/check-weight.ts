import type { DecimalUnits } from './decimal-units.js';
import { invalidArgument } from './invalid-argument.js';

/** Slack for comparing a weight with the most allowed before counting it: 0.1 + 0.2 against 0.3 is equal. */
const SLACK = 1 + 2 ** -40;

function refuse(weight: unknown, label: string, most: number, mostName: string, why = ''): never {
  const expected = `a number > 0 and <= ${mostName} (${most})${why}`;
  throw invalidArgument(typeof weight === 'number' ? 'range' : 'type', label, expected, weight);
}

/**
 * A weight (a number > 0) in whole units of `units`. Refused when it could never be granted (more than
 * `most`, named `mostName` in the message: a wait for it would never end) or when it is finer than the
 * units can count. Messages are built only when a weight is refused: this runs on every weighted call.
 */
export function checkWeight(
  weight: unknown,
  label: string,
  units: DecimalUnits,
  most: number,
  mostName: string,
): number {
  if (typeof weight !== 'number' || !(weight > 0)) return refuse(weight, label, most, mostName);
  if (!(weight <= most * SLACK))
    return refuse(weight, label, most, mostName, ': a heavier one could never be granted');
  const counted = units.of(weight);
  if (counted > units.of(most))
    return refuse(weight, label, most, mostName, ': a heavier one could never be granted');
  if (counted === 0) {
    const expected = `at least ${units.finest} (the finest step counted here)`;
    throw invalidArgument('range', label, expected, weight);
  }
  return counted;
}
