import { invalidArgument } from './invalid-argument.js';

/** An iterable, or with `async` an async iterable too: checked when it is given, not when first read. */
export function checkIterable<T>(value: T, label: string, async: boolean): T {
  const object = value === null || value === undefined ? undefined : Object(value);
  const ok =
    object !== undefined &&
    (typeof object[Symbol.iterator] === 'function' ||
      (async && typeof object[Symbol.asyncIterator] === 'function'));
  if (!ok) {
    throw invalidArgument('type', label, async ? 'an iterable or async iterable' : 'an iterable', value);
  }
  return value;
}
