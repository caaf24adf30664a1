import { describe, expect, it } from 'vitest';
import { ownLayoutText } from '../../../src/synchronizer/wire/own-layout-text.js';

describe('ownLayoutText()', () => {
  it('names fields by id and methods by id, kind and length, in order', () => {
    expect(
      ownLayoutText(
        [
          ['x', 3],
          ['y', 4],
        ],
        [['scale', 5, 'function', 1]],
      ),
    ).toBe('3,4|5:function:1');
    expect(ownLayoutText([], [])).toBe('|');
  });

  it('tells apart layouts that differ in order, kind or arity', () => {
    const texts = [
      ownLayoutText(
        [
          ['x', 3],
          ['y', 4],
        ],
        [],
      ),
      ownLayoutText(
        [
          ['y', 4],
          ['x', 3],
        ],
        [],
      ),
      ownLayoutText([], [['m', 5, 'function', 1]]),
      ownLayoutText([], [['m', 5, 'function', 2]]),
      ownLayoutText([], [['m', 5, 'generator', 1]]),
      ownLayoutText([['m', 5]], []),
    ];
    expect(new Set(texts).size).toBe(texts.length);
  });
});
