import { type BatchError, BatchLoader, Batcher, type BatcherStats, type BatchResults } from 'anysync/batch';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/batch types', () => {
  it('types the batcher by its item', () => {
    const batcher = new Batcher<{ id: number }>({
      maxSize: 10,
      maxWait: 100,
      dispatch: (items, signal) => {
        expectTypeOf(items).toEqualTypeOf<{ id: number }[]>();
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
      },
      onError: (_error, items) => expectTypeOf(items).toEqualTypeOf<{ id: number }[]>(),
    });
    batcher.add({ id: 1 });
    // @ts-expect-error: items are checked
    batcher.add('x');
    expectTypeOf(batcher.stop()).toEqualTypeOf<Promise<void>>();
    expectTypeOf(batcher.stats()).toEqualTypeOf<BatcherStats>();
    expectTypeOf<BatchError>().toMatchTypeOf<AggregateError>();
  });

  it('types the loader by key and value, and accepts arrays or maps of results', async () => {
    const byOrder = new BatchLoader<number, string>({ load: async (ids) => ids.map(String) });
    const byKey = new BatchLoader<number, string>({ load: (ids) => new Map(ids.map((id) => [id, `${id}`])) });
    expectTypeOf(byOrder.load(1)).toEqualTypeOf<Promise<string>>();
    expectTypeOf(await byKey.loadMany([1, 2])).toEqualTypeOf<string[]>();
    expectTypeOf<[string, Error]>().toMatchTypeOf<BatchResults<number, string>>();
    // @ts-expect-error: results must match the value type
    new BatchLoader<number, string>({ load: async (ids) => ids });
  });
});
