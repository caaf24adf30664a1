import { memoize, type SingleFlightStore } from 'anysync/cache';
import { describe, expect, it } from 'vitest';
import { sleep, type StoreFixture, useStore } from './store-fixture.js';

/** The conformance suite every `SingleFlightStore` passes. */
export function describeSingleFlightStore(
  label: string,
  open: () => Promise<StoreFixture<SingleFlightStore>>,
): void {
  describe(`SingleFlightStore conformance: ${label}`, () => {
    const fixture = useStore(open);

    it('gives the lease to one owner, tells the others how long it runs, then serves the outcome', async () => {
      const key = fixture.name('lease');
      const { store } = fixture;
      const watch = await store.watch(key);
      expect(await store.begin(key, 'a', 5000)).toEqual({ leader: true, leaseMs: 5000 });
      const waiting = await store.begin(key, 'b', 5000);
      expect(waiting.leader).toBe(false);
      expect(waiting.outcome).toBeUndefined();
      expect(waiting.leaseMs).toBeGreaterThan(4000);
      expect((await store.begin(key, 'a', 5000)).leader).toBe(true); // its own lease again
      const next = watch.next(5000);
      await store.settle(key, 'a', 'v42', 10_000);
      expect(await next).toBe('v42');
      expect(await store.begin(key, 'b', 5000)).toEqual({ outcome: 'v42', leader: false, leaseMs: 0 });
      await store.delete(key);
      expect((await store.begin(key, 'b', 5000)).leader).toBe(true);
      await store.settle(key, 'b', '', 0);
      watch.close();
    });

    it('renews only its own lease; a lease not renewed passes to the next owner', async () => {
      const key = fixture.name('renew');
      const { store } = fixture;
      await store.begin(key, 'a', 150);
      expect(await store.renew(key, 'a', 150)).toBe(true);
      expect(await store.renew(key, 'b', 150)).toBe(false);
      await sleep(250);
      expect(await store.renew(key, 'a', 150)).toBe(false);
      expect((await store.begin(key, 'b', 150)).leader).toBe(true);
    });

    it('keeps nothing for a zero TTL or an empty outcome, and wakes the watchers either way', async () => {
      const key = fixture.name('ttl0');
      const { store } = fixture;
      const watch = await store.watch(key);
      await store.begin(key, 'a', 5000);
      await store.settle(key, 'a', 'v1', 0);
      expect(await watch.next(5000)).toBe('v1');
      expect((await store.begin(key, 'b', 5000)).leader).toBe(true);
      await store.settle(key, 'b', '', 5000);
      expect(await watch.next(5000)).toBe('');
      expect((await store.begin(key, 'c', 5000)).leader).toBe(true);
      expect(await watch.next(30)).toBeUndefined();
      watch.close();
    });

    it('memoize over the store: concurrent calls from two functions compute once; errors reach every caller', async () => {
      const name = fixture.name('memo');
      const { store } = fixture;
      let runs = 0;
      const compute = async (n: number) => {
        runs++;
        await sleep(50);
        if (n < 0) throw new RangeError(`negative: ${n}`);
        return { n, square: n * n };
      };
      const one = memoize(compute, { store, name, ttl: 10_000, leaseMs: 2000 });
      const two = memoize(compute, { store, name, ttl: 10_000, leaseMs: 2000 });
      const results = await Promise.all([one(7), two(7), one(7), two(7)]);
      expect(results.map((r) => r.square)).toEqual([49, 49, 49, 49]);
      expect(runs).toBe(1);
      expect(await two(7)).toEqual({ n: 7, square: 49 });
      expect(runs).toBe(1);
      const failures = await Promise.allSettled([one(-1), two(-1)]);
      expect(failures.map((f) => f.status)).toEqual(['rejected', 'rejected']);
      for (const failure of failures)
        expect(String((failure as PromiseRejectedResult).reason)).toMatch(/negative: -1/);
      expect(runs).toBe(2);
      await one.forget(7);
      await two(7);
      expect(runs).toBe(3);
      expect(() => memoize(compute, { store, name, leaseMs: 2000 } as never)).toThrow(/ttl/);
      await expect(one({} as never)).rejects.toThrow(/key option/);
    });
  });
}
