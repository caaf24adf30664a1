import { describeValue } from './describe-value.js';
import { invalidArgument } from './invalid-argument.js';
import { nearMiss } from './near-miss.js';

/**
 * The option bag of a constructor or factory: `undefined`, or an object. A key that looks like a
 * misspelling of a known option (`maxsize`, `tll`, `timout`) is refused, since the option it was meant to
 * set would otherwise keep its default in silence; other unknown keys are let through, so that a wider
 * configuration object can be passed as it is. Called once per object created, never per operation. With
 * `required`, `undefined` is refused too and the message says what the bag must hold, e.g.
 * `{ maxSize, maxWait, dispatch }`.
 */
export function checkOptions(
  options: unknown,
  label: string,
  known: readonly string[],
  required?: string,
): void {
  if (options === undefined && required === undefined) return;
  if (typeof options !== 'object' || options === null) {
    const expected = required === undefined ? 'an object or undefined' : `an object such as ${required}`;
    throw invalidArgument('type', `${label}: options`, expected, options);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const meant = nearMiss(key, known);
    if (meant !== undefined)
      throw new TypeError(`${label}: unknown option '${key}' (did you mean '${meant}'?)`);
  }
}

/**
 * The option bag of one call (a wait, a run): `undefined` or an object. Unknown keys are not looked for
 * here: these calls are the hot paths, and a wider object (say, the options of another call) is common.
 */
export function checkCallOptions(options: unknown, label: string): void {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${label}: options must be an object or undefined, got ${describeValue(options)}`);
  }
}
