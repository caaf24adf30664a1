import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/internal/describe-value.js';

describe('describeValue', () => {
  it('shows numbers as written and everything else with its type', () => {
    expect(
      [3, -0, Number.NaN, Number.NEGATIVE_INFINITY, '3', 3n, true, Symbol('s'), undefined, null].map(
        describeValue,
      ),
    ).toEqual([
      '3',
      '-0',
      'NaN',
      '-Infinity',
      "'3' (string)",
      '3n (bigint)',
      'true (boolean)',
      'Symbol(s) (symbol)',
      'undefined',
      'null',
    ]);
  });

  it('names the kind of object and cuts long strings', () => {
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(describeValue([1, 2])).toBe('an array (length 2)');
    expect(describeValue(new Date(0))).toBe('an instance of Date');
    expect(describeValue(function named() {})).toBe('a function (named)');
    expect(describeValue(() => {})).toBe('a function');
    expect(describeValue('x'.repeat(50))).toBe(`'${'x'.repeat(40)}…' (string)`);
  });
});
