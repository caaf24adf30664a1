import type { DecimalUnits } from './decimal-units.js';
import { invalidArgument } from './invalid-argument.js';

/** Slack for comparing a weight with the most allowed before counting it: 0.1 + 0.2 against 0.3 is equal. */
const SLACK = 1 + 2 ** -40;

/**
 * A weight (a number > 0) in whole units of `units`. Refused when it could never be granted (more than
 * `most`, a quantity, named `mostText` in the message: a wait for it would never end) or when it is finer
 * than the units can count.
 */
export function checkWeight(
  weight: unknown,
  label: string,
  units: DecimalUnits,
  most: number,
  mostText: string,
): number {
  const expected = `a number > 0 and <= ${mostText}`;
  if (typeof weight !== 'number') throw invalidArgument('type', label, expected, weight);
  if (!(weight > 0 && weight !== Number.POSITIVE_INFINITY)) {
    throw invalidArgument('range', label, expected, weight);
  }
  const counted = weight <= most * SLACK ? units.of(weight) : Number.POSITIVE_INFINITY;
  if (counted > units.of(most)) {
    throw invalidArgument('range', label, `${expected} (a heavier one could never be granted)`, weight);
  }
  if (counted === 0) {
    throw invalidArgument('range', label, `at least ${units.finest} (the finest step counted here)`, weight);
  }
  return counted;
}
