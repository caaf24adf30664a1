import { FifoLockout, Lockout, type LockoutStore } from 'anysync/rate-limit';
import { describe, expect, it } from 'vitest';
import { sleep, type StoreFixture, useStore } from './store-fixture.js';

/** The conformance suite every `LockoutStore` passes. */
export function describeLockoutStore(label: string, open: () => Promise<StoreFixture<LockoutStore>>): void {
  describe(`LockoutStore conformance: ${label}`, () => {
    const fixture = useStore(open);

    it('closes for a span, only ever extends, and opens when it ends', async () => {
      const name = fixture.name('span');
      const { store } = fixture;
      expect(await store.remaining(name)).toBe(0);
      expect(await store.lock(name, { ms: 300 })).toBe(300);
      const first = await store.remaining(name);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(300);
      await store.lock(name, { ms: 50 }); // shorter: changes nothing
      expect(await store.remaining(name)).toBeGreaterThan(50);
      await store.lock(name, { ms: 60_000 });
      expect(await store.remaining(name)).toBeGreaterThan(50_000);
      await store.unlock(name);
      expect(await store.remaining(name)).toBe(0);
      await store.lock(name, { ms: 30 });
      await sleep(80);
      expect(await store.remaining(name)).toBe(0);
    });

    it('reads a date against the store clock; a past date or a zero span closes nothing', async () => {
      const name = fixture.name('date');
      const { store } = fixture;
      const applied = await store.lock(name, { date: Date.now() + 20_000 });
      expect(applied).toBeGreaterThan(15_000);
      expect(applied).toBeLessThanOrEqual(20_000 + 1000);
      expect(await store.remaining(name)).toBeGreaterThan(15_000);
      const other = fixture.name('past');
      expect(await store.lock(other, { date: Date.now() - 5000 })).toBe(0);
      expect(await store.lock(other, { ms: 0 })).toBe(0);
      expect(await store.remaining(other)).toBe(0);
    });

    it('refuses a span that is not one, naming it', async () => {
      await expect(fixture.store.lock('x', { ms: Number.NaN })).rejects.toThrow(/span/);
      await expect(fixture.store.lock('x', {} as never)).rejects.toThrow(/span/);
      await expect(fixture.store.remaining('')).rejects.toThrow(TypeError);
    });

    it('Lockout and FifoLockout over the store: a lockout set by one holds the other', async () => {
      const name = fixture.name('gate');
      const { store } = fixture;
      const a = new Lockout({ store, name });
      const b = new FifoLockout({ store, name });
      await a.lockFor(200);
      expect(await b.locked).toBe(true);
      const order: number[] = [];
      const started = performance.now();
      await Promise.all([1, 2, 3].map((n) => b.wait().then(() => order.push(n))));
      expect(performance.now() - started).toBeGreaterThan(100);
      expect(order).toEqual([1, 2, 3]);
      expect(await a.lockForRetryAfter('1')).toBe(1000);
      expect((await b.stats()).locked).toBe(true);
      await b.unlock();
      expect(await a.remaining).toBe(0);
      expect(await a.lockForRetryAfter(null)).toBe(0);
      await a.lockUntil(performance.now() + 5000);
      expect(await b.remaining).toBeGreaterThan(4000);
      const controller = new AbortController();
      const waiting = b.wait({ signal: controller.signal });
      controller.abort(new Error('stop'));
      await expect(waiting).rejects.toThrow('stop');
      await a.unlock();
    });
  });
}
