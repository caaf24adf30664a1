import {
  AsyncCache,
  type ComputeContext,
  type LazyResult,
  LruMap,
  memoize,
  memoizeLazy,
  TtlLruMap,
} from 'anysync/cache';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/cache types', () => {
  it('memoize keeps the parameters and awaits the result type', () => {
    const load = memoize(async (id: number, verbose?: boolean) => ({ id, verbose }));
    expectTypeOf(load).parameters.toEqualTypeOf<[id: number, verbose?: boolean]>();
    expectTypeOf(load(1)).toEqualTypeOf<Promise<{ id: number; verbose: boolean | undefined }>>();
    expectTypeOf(memoize((s: string) => s.length)('x')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(load.withSignal(undefined)).toEqualTypeOf<
      (id: number, verbose?: boolean) => Promise<{ id: number; verbose: boolean | undefined }>
    >();
    // @ts-expect-error: the arguments are checked
    void load('1');
  });

  it('infers the key function from the memoized one, not the other way round', () => {
    memoize(async (url: string, _init?: RequestInit) => url, { key: (url) => url.toLowerCase() });
    memoize(async (url: string, _init?: RequestInit) => url, {
      key: (url, init) => `${url} ${init?.method}`,
    });
    // @ts-expect-error: the key function must accept the same arguments
    memoize(async (url: string) => url, { key: (url: number) => url });
  });

  it('memoizeLazy returns awaitable lazy results', async () => {
    const lazy = memoizeLazy(async (name: string) => name.length);
    expectTypeOf(lazy('a')).toEqualTypeOf<LazyResult<number>>();
    expectTypeOf(await lazy('a')).toEqualTypeOf<number>();
    expectTypeOf(lazy('a')).toMatchTypeOf<PromiseLike<number>>();
  });

  it('types AsyncCache and the maps by key and value', () => {
    const cache = new AsyncCache<string, Uint8Array>({ max: 10 });
    expectTypeOf(
      cache.get('k', (context) => {
        expectTypeOf(context).toEqualTypeOf<ComputeContext<string>>();
        return new Uint8Array(1);
      }),
    ).toEqualTypeOf<Promise<Uint8Array>>();
    expectTypeOf(cache.peek('k')).toEqualTypeOf<Uint8Array | undefined>();
    const lru = new LruMap<number, string>(4);
    expectTypeOf(lru.get(1)).toEqualTypeOf<string | undefined>();
    expectTypeOf([...lru]).toEqualTypeOf<[number, string][]>();
    const ttl = new TtlLruMap<number, string>({ max: 4, ttl: 100 });
    expectTypeOf(ttl.remainingTtl(1)).toEqualTypeOf<number | undefined>();
    // @ts-expect-error: the value type is checked
    ttl.set(1, 2);
  });
});
