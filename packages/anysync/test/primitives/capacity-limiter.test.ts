import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { CapacityLimiter } from '../../src/primitives/capacity-limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CapacityLimiter', () => {
  it('lends one token per borrower and lists the borrowers', async () => {
    const limiter = new CapacityLimiter(2);
    const alice = { name: 'alice' };
    const bob = { name: 'bob' };
    const a = await limiter.acquire({ borrower: alice });
    await limiter.acquire({ borrower: bob });
    expect(limiter.stats()).toEqual({
      totalTokens: 2,
      borrowedTokens: 2,
      borrowers: [alice, bob],
      waiting: 0,
    });
    expect(() => limiter.acquire({ borrower: alice })).toThrow(
      "CapacityLimiter.acquire(): this borrower already holds one of this limiter's tokens",
    );
    a.release();
    limiter.release(bob);
    expect(limiter.borrowedTokens).toBe(0);
    expect(() => limiter.release(bob)).toThrow(
      'CapacityLimiter.release(): this borrower holds no token of this limiter',
    );
  });

  it('gives anonymous borrowers a token each', async () => {
    const limiter = new CapacityLimiter(3);
    const permits = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(limiter.availableTokens).toBe(0);
    expect(limiter.tryAcquire()).toBeUndefined();
    for (const permit of permits) permit.release();
    expect(limiter.availableTokens).toBe(3);
  });

  it('serves waiters first come first served and wakes them when the total grows', async () => {
    const limiter = new CapacityLimiter(1);
    const held = limiter.tryAcquire({ borrower: 'first' });
    const order: string[] = [];
    const waiting = ['second', 'third'].map((borrower) =>
      limiter.acquire({ borrower }).then(() => order.push(borrower)),
    );
    await tick();
    expect(limiter.stats().waiting).toBe(2);
    limiter.totalTokens = 3;
    await Promise.all(waiting);
    expect(order).toEqual(['second', 'third']);
    expect(limiter.stats().borrowers).toEqual(['first', 'second', 'third']);
    held?.release();
  });

  it('keeps existing loans when the total shrinks, and admits nobody until below it', async () => {
    const limiter = new CapacityLimiter(2);
    const a = limiter.tryAcquire();
    const b = limiter.tryAcquire();
    limiter.totalTokens = 1;
    expect(limiter.availableTokens).toBe(0);
    const waiting = limiter.acquire();
    a?.release();
    await tick();
    expect(limiter.stats().waiting).toBe(1); // 1 borrowed of 1 total
    b?.release();
    (await waiting).release();
  });

  it('runs a task under a token', async () => {
    const limiter = new CapacityLimiter(1);
    await expect(limiter.run(() => limiter.borrowedTokens, { borrower: 'job' })).resolves.toBe(1);
    expect(limiter.borrowedTokens).toBe(0);
  });

  it('never lends to an aborted waiter and rejects in cancelled scopes', async () => {
    const limiter = new CapacityLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire({ borrower: 'quitter', signal: controller.signal });
    controller.abort('bye');
    await expect(aborted).rejects.toBe('bye');
    held.release();
    expect(limiter.stats().borrowers).toEqual([]);
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(() => expect(limiter.acquire()).rejects.toBe(scope.cancelError));
  });

  it('validates the total', () => {
    expect(() => new CapacityLimiter(0)).toThrow(
      'CapacityLimiter: totalTokens must be an integer >= 1 or Infinity, got 0',
    );
    expect(() => new CapacityLimiter(1.5)).toThrow(/got 1.5/);
    expect(new CapacityLimiter(Number.POSITIVE_INFINITY).availableTokens).toBe(Number.POSITIVE_INFINITY);
  });
});
