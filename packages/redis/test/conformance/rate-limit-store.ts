import type { RateLimitAlgorithm, RateLimitRequest, RateLimitStore } from 'anysync/rate-limit';
import { RateLimiter } from 'anysync/rate-limit';
import { describe, expect, it } from 'vitest';
import { sleep, type StoreFixture, useStore } from './store-fixture.js';

const ALGORITHMS: RateLimitAlgorithm[] = ['sliding-log', 'sliding-counter', 'gcra'];

/** The conformance suite every `RateLimitStore` passes (the in-memory one and each Redis client's). */
export function describeRateLimitStore(
  label: string,
  open: () => Promise<StoreFixture<RateLimitStore>>,
): void {
  describe(`RateLimitStore conformance: ${label}`, () => {
    const fixture = useStore(open);

    it.each(ALGORITHMS)(
      '%s: admits up to the limit at once, then refuses with a retry delay',
      async (algorithm) => {
        const name = fixture.name(algorithm);
        const request: RateLimitRequest = { algorithm, limit: 5, interval: 10_000, weight: 1 };
        const remaining: number[] = [];
        for (let i = 0; i < 5; i++) {
          const decision = await fixture.store.consume(name, request);
          expect(decision.admitted).toBe(true);
          expect(decision.retryAfterMs).toBe(0);
          remaining.push(Math.round(decision.remaining));
        }
        expect(remaining).toEqual(algorithm === 'sliding-counter' ? [4, 3, 2, 1, 0] : [4, 3, 2, 1, 0]);
        const refused = await fixture.store.consume(name, request);
        expect(refused.admitted).toBe(false);
        expect(refused.remaining).toBeLessThan(1);
        expect(refused.retryAfterMs).toBeGreaterThan(0);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(20_000);
        expect(refused.resetMs).toBeGreaterThan(0);
      },
    );

    it.each(ALGORITHMS)('%s: admits again once the retry delay has passed', async (algorithm) => {
      const name = fixture.name(algorithm);
      const request: RateLimitRequest = { algorithm, limit: 2, interval: 300, weight: 1 };
      await fixture.store.consume(name, request);
      await fixture.store.consume(name, request);
      let decision = await fixture.store.consume(name, request);
      let waits = 0;
      while (!decision.admitted) {
        expect(decision.retryAfterMs).toBeGreaterThan(0);
        await sleep(decision.retryAfterMs + 1);
        decision = await fixture.store.consume(name, request);
        waits++;
      }
      expect(waits).toBeGreaterThanOrEqual(1);
    });

    it.each(ALGORITHMS)('%s: a peek admits nothing', async (algorithm) => {
      const name = fixture.name(algorithm);
      const request: RateLimitRequest = { algorithm, limit: 1, interval: 10_000, weight: 1 };
      for (let i = 0; i < 3; i++)
        expect((await fixture.store.consume(name, { ...request, peek: true })).admitted).toBe(true);
      expect((await fixture.store.consume(name, request)).admitted).toBe(true);
      expect((await fixture.store.consume(name, { ...request, peek: true })).admitted).toBe(false);
    });

    it.each(ALGORITHMS)(
      '%s: weights count as their weight, names and algorithms are apart',
      async (algorithm) => {
        const name = fixture.name(algorithm);
        const request: RateLimitRequest = { algorithm, limit: 10, interval: 10_000, weight: 7 };
        expect((await fixture.store.consume(name, request)).admitted).toBe(true);
        expect((await fixture.store.consume(name, { ...request, weight: 4 })).admitted).toBe(false);
        expect((await fixture.store.consume(name, { ...request, weight: 3 })).admitted).toBe(true);
        expect((await fixture.store.consume(`${name}-other`, request)).admitted).toBe(true);
        const other = ALGORITHMS.find((each) => each !== algorithm) as RateLimitAlgorithm;
        expect((await fixture.store.consume(name, { ...request, algorithm: other })).admitted).toBe(true);
      },
    );

    it('sliding-log: the weight that frees the head is the one the retry delay waits for', async () => {
      const name = fixture.name('log-order');
      const request: RateLimitRequest = { algorithm: 'sliding-log', limit: 3, interval: 400, weight: 1 };
      await fixture.store.consume(name, { ...request, weight: 2 });
      await sleep(150);
      await fixture.store.consume(name, request);
      // 3 used: one more waits for the first (weight 2) to leave, about 250 ms from now.
      const one = await fixture.store.consume(name, request);
      expect(one.admitted).toBe(false);
      // About 250 ms (the first leaving), not 400 (the second): a timer may fire a little early.
      expect(one.retryAfterMs).toBeLessThan(300);
      // Three more must also wait for the second one, which leaves later.
      const three = await fixture.store.consume(name, { ...request, weight: 3 });
      expect(three.retryAfterMs).toBeGreaterThan(one.retryAfterMs);
      expect(three.resetMs).toBe(three.retryAfterMs);
    });

    it('reset forgets every admission', async () => {
      const name = fixture.name('reset');
      for (const algorithm of ALGORITHMS) {
        const request: RateLimitRequest = { algorithm, limit: 1, interval: 60_000, weight: 1 };
        await fixture.store.consume(name, request);
        expect((await fixture.store.consume(name, request)).admitted).toBe(false);
      }
      await fixture.store.reset(name);
      for (const algorithm of ALGORITHMS) {
        expect(
          (await fixture.store.consume(name, { algorithm, limit: 1, interval: 60_000, weight: 1 })).admitted,
        ).toBe(true);
      }
    });

    it('refuses impossible requests with errors naming the field', async () => {
      const request: RateLimitRequest = { algorithm: 'gcra', limit: 5, interval: 1000, weight: 1 };
      await expect(fixture.store.consume('', request)).rejects.toThrow(TypeError);
      await expect(fixture.store.consume('x', { ...request, weight: 6 })).rejects.toThrow(/weight/);
      await expect(fixture.store.consume('x', { ...request, limit: 0 })).rejects.toThrow(/limit/);
      await expect(fixture.store.consume('x', { ...request, interval: Number.NaN })).rejects.toThrow(
        /interval/,
      );
      await expect(fixture.store.consume('x', { ...request, algorithm: 'leaky' as never })).rejects.toThrow(
        /algorithm/,
      );
    });

    it('a RateLimiter over the store queues callers in order and admits them as the store allows', async () => {
      const name = fixture.name('limiter');
      const store = fixture.store;
      const a = new RateLimiter({ limit: 2, interval: 250, store, name });
      const b = new RateLimiter({ limit: 2, interval: 250, store, name });
      const order: string[] = [];
      await Promise.all([
        ...[1, 2, 3].map((i) => a.acquire().then(() => order.push(`a${i}`))),
        ...[1, 2].map((i) => b.acquire().then(() => order.push(`b${i}`))),
      ]);
      expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
      expect(order).toHaveLength(5);
      const slow = fixture.name('slow');
      const c = new RateLimiter({ limit: 2, interval: 60_000, store, name: slow });
      const d = new RateLimiter({ limit: 2, interval: 60_000, store, name: slow });
      await c.acquire();
      await d.acquire();
      expect(await c.tryAcquire()).toBe(false);
      const decision = await d.consume();
      expect(decision.admitted).toBe(false);
      expect(decision.retryAfterMs).toBeGreaterThan(50_000);
      expect((await c.stats()).used).toBe(2);
      expect(await c.delayFor()).toBeGreaterThan(50_000);
      const controller = new AbortController();
      const leaving = c.acquire({ signal: controller.signal });
      controller.abort(new Error('gave up'));
      await expect(leaving).rejects.toThrow('gave up');
    });
  });
}
