import { describe, expect, it } from 'vitest';
import { checkOptionalBoolean } from '../../src/internal/check-boolean.js';
import { checkFunction, checkOptionalFunction } from '../../src/internal/check-function.js';
import { checkInteger } from '../../src/internal/check-integer.js';
import { checkMilliseconds } from '../../src/internal/check-milliseconds.js';
import {
  checkFinite,
  checkNonNegative,
  checkNumber,
  checkPositive,
} from '../../src/internal/check-number.js';
import { checkOneOf } from '../../src/internal/check-one-of.js';
import { checkCallOptions, checkOptions } from '../../src/internal/check-options.js';
import { checkSignal } from '../../src/internal/check-signal.js';
import { checkOptionalString, checkOptionalStringArray } from '../../src/internal/check-string.js';

describe('the shared input checks', () => {
  it('tell a wrong type (TypeError) from an impossible value (RangeError)', () => {
    expect(() => checkInteger('3', 'X: n', 1)).toThrow(
      new TypeError("X: n must be an integer >= 1, got '3' (string)"),
    );
    expect(() => checkInteger(0.5, 'X: n', 1)).toThrow(
      new RangeError('X: n must be an integer >= 1, got 0.5'),
    );
    expect(() => checkInteger(Number.POSITIVE_INFINITY, 'X: n', 1)).toThrow(RangeError);
    expect(checkInteger(Number.POSITIVE_INFINITY, 'X: n', 1, Number.POSITIVE_INFINITY)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(() => checkInteger(2 ** 31, 'X: n', 1, 2 ** 31 - 1)).toThrow(
      'X: n must be an integer from 1 to 2^31 - 1, got 2147483648',
    );
    expect(() => checkMilliseconds(-1, 'X: ms', true)).toThrow(
      new RangeError('X: ms must be a number of milliseconds >= 0 (or Infinity), got -1'),
    );
    expect(() => checkMilliseconds(Number.POSITIVE_INFINITY, 'X: ms', false)).toThrow(RangeError);
    expect(() => checkMilliseconds('10', 'X: ms', false)).toThrow(TypeError);
    expect(() => checkNumber(Number.NaN, 'X: n')).toThrow(
      new RangeError('X: n must be a number other than NaN, got NaN'),
    );
    expect(checkNumber(Number.NEGATIVE_INFINITY, 'X: n')).toBe(Number.NEGATIVE_INFINITY);
    expect(() => checkFinite(Number.POSITIVE_INFINITY, 'X: n')).toThrow(RangeError);
    expect(() => checkPositive(0, 'X: n')).toThrow(RangeError);
    expect(() => checkNonNegative(null, 'X: n')).toThrow(TypeError);
  });

  it('check callbacks, flags, strings and modes', () => {
    expect(() => checkFunction(undefined, 'X: fn')).toThrow(
      new TypeError('X: fn must be a function, got undefined'),
    );
    expect(checkOptionalFunction(undefined, 'X: fn')).toBeUndefined();
    expect(() => checkOptionalBoolean('false', 'X: flag')).toThrow(
      "X: flag must be true, false or undefined, got 'false' (string)",
    );
    expect(() => checkOptionalString(1, 'X: s')).toThrow(TypeError);
    expect(() => checkOptionalStringArray(['a', 1], 'X: list')).toThrow(TypeError);
    expect(() => checkOneOf('kept', 'X: mode', ['evict', 'keep'])).toThrow(
      new RangeError("X: mode must be 'evict' or 'keep', got 'kept' (string)"),
    );
    expect(() => checkOneOf(1, 'X: mode', ['evict', 'keep'])).toThrow(TypeError);
  });

  it('accept AbortSignals from any realm, nothing else', () => {
    expect(checkSignal(AbortSignal.abort(), 'X: signal')?.aborted).toBe(true);
    const foreign = { aborted: false, addEventListener() {}, removeEventListener() {} };
    expect(checkSignal(foreign, 'X: signal')).toBe(foreign);
    expect(() => checkSignal('x', 'X: signal')).toThrow(
      new TypeError("X: signal must be an AbortSignal or undefined, got 'x' (string)"),
    );
    expect(() => checkSignal(new AbortController(), 'X: signal')).toThrow(TypeError);
  });

  it('refuse option bags that are not objects, or that hold unknown keys', () => {
    expect(() => checkOptions({ maxsize: 1 }, 'X', ['maxSize'])).toThrow(
      new TypeError("X: unknown option 'maxsize' (did you mean 'maxSize'?)"),
    );
    expect(() => checkOptions({ tll: 1 }, 'X', ['max', 'ttl'])).toThrow("did you mean 'ttl'?");
    expect(() => checkOptions({ timout: 1 }, 'X', ['timeout'])).toThrow("did you mean 'timeout'?");
    expect(() => checkOptions({ concurency: 1 }, 'X', ['concurrency'])).toThrow(
      "did you mean 'concurrency'?",
    );
    // Keys of a wider configuration object that resemble nothing known are let through.
    expect(() =>
      checkOptions({ url: 'x', work: 1, retries: 3 }, 'X', ['ttl', 'load', 'maxSize']),
    ).not.toThrow();
    expect(() => checkOptions(undefined, 'X', ['a'], '{ a }')).toThrow(
      'X: options must be an object such as { a }, got undefined',
    );
    expect(() => checkOptions(null, 'X', ['a'])).toThrow(
      'X: options must be an object or undefined, got null',
    );
    expect(() => checkOptions(undefined, 'X', ['a'])).not.toThrow();
    expect(() => checkCallOptions('x', 'X.run()')).toThrow(
      "X.run(): options must be an object or undefined, got 'x' (string)",
    );
    expect(() => checkCallOptions({ anything: 1 }, 'X.run()')).not.toThrow();
  });
});
