/*
 * Checks of every option a synchronizer takes, at the call: a wrong type is a `TypeError`, an impossible
 * value a `RangeError`, each naming the option and the value it got. Nothing is silently accepted or left
 * to fail later (a negative timeout used to give "timed out after -1 ms" on the first call).
 */

import { checkTransferList } from '../transfer.js';

/** setTimeout's largest delay: longer timeouts would fire at once. */
export const MAX_TIMEOUT = 2 ** 31 - 1;

/** How a value is shown in an error message: strings quoted, objects by kind. */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return `'${value.length > 60 ? `${value.slice(0, 60)}…` : value}' (a string)`;
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  if (typeof value === 'symbol') return `${String(value)} (a symbol)`;
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return String(value);
}

/** A plain options object (or undefined), else a `TypeError` naming what `what` got. */
export function checkBag(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} must be an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Refuses keys that are not options: a misspelt option would otherwise be ignored without a word. */
export function checkKnown(bag: Record<string, unknown>, known: readonly string[], what: string): void {
  for (const key of Object.keys(bag)) {
    if (!known.includes(key) && bag[key] !== undefined) {
      throw new TypeError(`unknown ${what} '${key}' (the options are ${known.join(', ')})`);
    }
  }
}

/** A timeout in milliseconds: > 0, at most `MAX_TIMEOUT`, or `Infinity` for none. */
export function checkTimeout(value: unknown, name: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number of milliseconds, got ${show(value)}`);
  }
  if (value === Number.POSITIVE_INFINITY) return;
  if (!(value > 0) || value > MAX_TIMEOUT) {
    throw new RangeError(
      `${name} must be more than 0 and at most ${MAX_TIMEOUT} ms (or Infinity for none), got ${value}`,
    );
  }
}

/** A finite number in `[min, max]`, integral when `integer`. */
export function checkNumber(
  value: unknown,
  name: string,
  min: number,
  max: number,
  unit: string,
  integer = false,
): void {
  if (value === undefined) return;
  if (typeof value !== 'number')
    throw new TypeError(`${name} must be a number of ${unit}, got ${show(value)}`);
  if (!(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'an integer' : 'a number';
    throw new RangeError(`${name} must be ${kind} from ${min} to ${max} ${unit}, got ${value}`);
  }
}

export function checkBoolean(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`${name} must be true or false, got ${show(value)}`);
  }
}

export function checkString(value: unknown, name: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${show(value)}`);
  if (value === '') throw new RangeError(`${name} must not be empty`);
}

export function checkStringArray(value: unknown, name: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new TypeError(`${name} must be an array of strings, got ${show(value)}`);
  value.forEach((item, index) => {
    if (typeof item !== 'string') {
      throw new TypeError(`${name}[${index}] must be a string, got ${show(item)}`);
    }
  });
}

/** Environment variables: string values (undefined removes a variable). */
export function checkEnv(value: unknown, name: string): void {
  if (value === undefined) return;
  const bag = checkBag(value, name);
  for (const [key, item] of Object.entries(bag)) {
    if (item !== undefined && typeof item !== 'string') {
      throw new TypeError(`${name}.${key} must be a string (or undefined to remove it), got ${show(item)}`);
    }
  }
}

/** Error classes to rebuild by name: constructors whose instances are `Error`s. */
export function checkErrorClasses(value: unknown, name: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value))
    throw new TypeError(`${name} must be an array of error classes, got ${show(value)}`);
  for (const [index, item] of value.entries()) checkErrorClass(item, `${name}[${index}]`);
}

export function checkErrorClass(value: unknown, name: string): void {
  const proto = typeof value === 'function' ? (value as { prototype?: unknown }).prototype : undefined;
  if (!(proto instanceof Error) && proto !== Error.prototype) {
    throw new TypeError(`${name} must be an error class (a subclass of Error), got ${show(value)}`);
  }
}

const CALL_OPTIONS = ['timeout', 'signal', 'transfer'] as const;

/** The options of one call (`fn.with(options)`). */
export function checkCallOptions(value: unknown, what = 'call options'): void {
  const bag = checkBag(value, what);
  checkKnown(bag, CALL_OPTIONS, 'call option');
  checkTimeout(bag.timeout, 'timeout');
  const signal = bag.signal;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new TypeError(`signal must be an AbortSignal, got ${show(signal)}`);
  }
  if (bag.transfer !== undefined) checkTransferList(bag.transfer, 'transfer');
}

function isAbortSignal(value: unknown): boolean {
  if (typeof AbortSignal === 'function' && value instanceof AbortSignal) return true;
  // A signal from another realm (a vm context, a polyfill) still has the shape.
  const candidate = value as { aborted?: unknown; addEventListener?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function'
  );
}
