import { invalidArgument } from './invalid-argument.js';

/** A function, e.g. a callback: refused at the call rather than failing later where it is called. */
export function checkFunction<F>(value: F, label: string): F {
  if (typeof value !== 'function') throw invalidArgument('type', label, 'a function', value);
  return value;
}

/** A function or `undefined` (an optional callback). */
export function checkOptionalFunction<F>(value: F, label: string): F {
  if (value !== undefined && typeof value !== 'function') {
    throw invalidArgument('type', label, 'a function or undefined', value);
  }
  return value;
}
