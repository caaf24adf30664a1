import { batch, buffer, filter, map, merge, take, tee, zip } from 'anysync/iterate';
import { describe, expectTypeOf, it } from 'vitest';

declare const numbers: AsyncIterable<number>;
declare const words: string[];

describe('anysync/iterate types', () => {
  it('types map and filter by their functions', () => {
    expectTypeOf(map(numbers, async (n) => `${n}`)).toEqualTypeOf<AsyncGenerator<string, void, undefined>>();
    expectTypeOf(
      map(words, (word, index, signal) => {
        expectTypeOf(index).toEqualTypeOf<number>();
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
        return word.length;
      }),
    ).toEqualTypeOf<AsyncGenerator<number, void, undefined>>();
    expectTypeOf(filter(numbers, (n) => n > 0)).toEqualTypeOf<AsyncGenerator<number, void, undefined>>();
    // @ts-expect-error: the predicate must return a boolean
    filter(numbers, (n) => `${n}`);
  });

  it('types the structural tools', () => {
    expectTypeOf(take(words, 2)).toEqualTypeOf<AsyncGenerator<string, void, undefined>>();
    expectTypeOf(batch(numbers, { size: 2 })).toEqualTypeOf<AsyncGenerator<number[], void, undefined>>();
    expectTypeOf(buffer(numbers, 4)).toEqualTypeOf<AsyncGenerator<number, void, undefined>>();
    expectTypeOf(merge(numbers, [1, 2])).toEqualTypeOf<AsyncGenerator<number, void, undefined>>();
    expectTypeOf(zip(numbers, words)).toEqualTypeOf<AsyncGenerator<[number, string], void, undefined>>();
    expectTypeOf(tee(words, 3)).toEqualTypeOf<AsyncIterableIterator<string>[]>();
    // @ts-expect-error: not iterable
    take(42, 1);
  });
});
