import { LeaseLostError, Lock, Semaphore, type SemaphoreStore, type SharedPermit } from 'anysync/primitives';
import { describe, expect, it } from 'vitest';
import { sleep, type StoreFixture, useStore } from './store-fixture.js';

const request = (token: string, weight = 1, permits = 2, leaseMs = 5000) => ({
  token,
  weight,
  permits,
  leaseMs,
});

/** The conformance suite every `SemaphoreStore` passes. */
export function describeSemaphoreStore(
  label: string,
  open: () => Promise<StoreFixture<SemaphoreStore>>,
): void {
  describe(`SemaphoreStore conformance: ${label}`, () => {
    const fixture = useStore(open);

    it('grants up to the permits, queues the rest in arrival order, and hands freed permits to the head', async () => {
      const name = fixture.name('fifo');
      const { store } = fixture;
      const watchC = await store.watch(name, 'c');
      const watchD = await store.watch(name, 'd');
      const a = await store.acquire(name, request('a'));
      const b = await store.acquire(name, request('b'));
      const c = await store.acquire(name, request('c'));
      const d = await store.acquire(name, request('d'));
      expect([a.granted, b.granted, c.granted, d.granted]).toEqual([true, true, false, false]);
      expect(b.fence).toBeGreaterThan(a.fence);
      expect(d.ticket).toBeGreaterThan(c.ticket);
      expect((await store.acquire(name, request('c'))).granted).toBe(false); // asking again keeps its place
      expect(await store.release(name, 'a', 2)).toBe(true);
      const fenceC = await watchC.next(5000);
      expect(fenceC).toBeGreaterThan(b.fence);
      expect(await watchD.next(30)).toBeUndefined();
      const again = await store.acquire(name, request('c'));
      expect(again).toEqual({ granted: true, fence: fenceC, ticket: c.ticket });
      expect(await store.release(name, 'b', 2)).toBe(true);
      expect(await watchD.next(5000)).toBeGreaterThan(fenceC as number);
      expect(await store.release(name, 'x', 2)).toBe(false);
      for (const token of ['c', 'd']) await store.release(name, token, 2);
      watchC.close();
      watchD.close();
    });

    it('does not let a light waiter overtake a heavy head; tryAcquire never queues or jumps the queue', async () => {
      const name = fixture.name('weights');
      const { store } = fixture;
      expect((await store.acquire(name, request('a', 1, 3))).granted).toBe(true);
      expect((await store.acquire(name, request('heavy', 3, 3))).granted).toBe(false);
      expect((await store.acquire(name, request('light', 1, 3))).granted).toBe(false);
      expect((await store.tryAcquire(name, request('try', 1, 3))).granted).toBe(false);
      await store.release(name, 'a', 3);
      expect((await store.acquire(name, request('heavy', 3, 3))).granted).toBe(true);
      expect((await store.acquire(name, request('light', 1, 3))).granted).toBe(false);
      await store.release(name, 'heavy', 3);
      expect((await store.acquire(name, request('light', 1, 3))).granted).toBe(true);
      const tried = await store.tryAcquire(name, request('try', 1, 3));
      expect(tried.granted).toBe(true);
      await store.release(name, 'light', 3);
      await store.release(name, 'try', 3);
      expect((await store.tryAcquire(name, request('alone', 3, 3))).granted).toBe(true);
      await store.release(name, 'alone', 3);
    });

    it('drops a holder whose lease ran out and a waiter that stopped asking', async () => {
      const name = fixture.name('expiry');
      const { store } = fixture;
      expect((await store.acquire(name, request('dead', 1, 1, 100))).granted).toBe(true);
      expect((await store.acquire(name, request('quiet', 1, 1, 100))).granted).toBe(false);
      expect(await store.renew(name, 'dead', 100)).toBe(true);
      await sleep(250);
      expect(await store.renew(name, 'dead', 100)).toBe(false);
      const next = await store.acquire(name, request('next', 1, 1, 5000));
      expect(next.granted).toBe(true); // 'quiet' left the queue when its lease ran out
      await store.release(name, 'next', 1);
    });

    it('Semaphore and Lock over the store: never more holders than permits, FIFO, signals, lost leases', async () => {
      const name = fixture.name('semaphore');
      const { store } = fixture;
      const one = new Semaphore(2, { store, name, leaseMs: 3000 });
      const two = new Semaphore(2, { store, name, leaseMs: 3000 });
      let inside = 0;
      let most = 0;
      const order: number[] = [];
      const held = await one.acquire();
      const work = Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? one : two).run(async () => {
          order.push(i);
          most = Math.max(most, ++inside);
          await sleep(10);
          inside--;
        }),
      );
      await sleep(50);
      await held.releaseAsync();
      await Promise.all(work);
      expect(most).toBe(2);
      expect(order).toHaveLength(8);
      expect(await one.map([1, 2, 3], async (n) => n * 2)).toEqual([2, 4, 6]);
      const controller = new AbortController();
      const blocked = [await one.acquire(), await two.acquire()];
      const leaving = one.acquire({ signal: controller.signal });
      controller.abort(new Error('no longer needed'));
      await expect(leaving).rejects.toThrow('no longer needed');
      expect(await two.tryAcquire()).toBeUndefined();
      for (const permit of blocked) await permit.releaseAsync();
      const permit = await two.tryAcquire();
      expect(permit?.fencingToken).toBeGreaterThan(0);
      await permit?.releaseAsync();
      expect(() => one.value).toThrow(TypeError);
      expect(() => one.release()).toThrow(TypeError);

      const lost: LeaseLostError[] = [];
      const lockName = fixture.name('lock');
      const lock = new Lock({
        store,
        name: lockName,
        leaseMs: 1000,
        onLockLost: (error) => lost.push(error),
      });
      const mine: SharedPermit = await lock.acquire();
      // Another owner takes the lock by force: a store that drops the lease, as a failover could.
      await store.release(lockName, '(not the holder)', 1);
      await sleep(1200);
      expect(lost).toHaveLength(0); // renewed every third of the lease: still held past it
      expect(mine.lost).toBe(false);
      await mine.releaseAsync();
      const second = await lock.acquire();
      expect(second.fencingToken).toBeGreaterThan(mine.fencingToken);
      await second.releaseAsync();
      expect(lost.every((error) => error instanceof LeaseLostError)).toBe(true);
    });
  });
}
