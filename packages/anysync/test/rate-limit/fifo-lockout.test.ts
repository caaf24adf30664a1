import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FifoLockout } from '../../src/rate-limit/fifo-lockout.js';
import { Lockout } from '../../src/rate-limit/lockout.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('FifoLockout', () => {
  it('lets waiters through in arrival order', async () => {
    const gate = new FifoLockout();
    gate.lockFor(50);
    const order: number[] = [];
    const waits = [1, 2, 3, 4].map((n) => gate.wait().then(() => order.push(n)));
    await clock.runAll();
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(gate).toBeInstanceOf(Lockout);
  });

  it('a caller arriving as it reopens queues behind the waiters (a plain Lockout lets it pass)', async () => {
    for (const [Kind, expected] of [
      [FifoLockout, ['waiter', 'newcomer']],
      [Lockout, ['newcomer', 'waiter']],
    ] as const) {
      const gate = new Kind();
      const order: string[] = [];
      gate.lockFor(10);
      const waiter = gate.wait().then(() => order.push('waiter'));
      // The clock reaches the end of the lockout; the newcomer arrives before the timer callback runs.
      const now = clock.now();
      const late = new VirtualClock({ start: now + 10 });
      {
        using _ = late.install();
        void gate.wait().then(() => order.push('newcomer'));
      }
      await clock.runAll();
      await waiter;
      await clock.settle();
      expect(order).toEqual(expected);
    }
  });

  it('a lockout set by the first one through holds the others', async () => {
    const gate = new FifoLockout();
    gate.lockFor(10);
    const through: string[] = [];
    const first = gate.wait().then(() => {
      through.push(`first@${clock.now()}`);
      gate.lockFor(100); // e.g. it met a fresh 429
    });
    const second = gate.wait().then(() => through.push(`second@${clock.now()}`));
    await clock.runAll();
    await Promise.all([first, second]);
    expect(through).toEqual(['first@10', 'second@110']);
  });

  it('an aborted waiter is skipped', async () => {
    const gate = new FifoLockout();
    gate.lockFor(10);
    const controller = new AbortController();
    const skipped = gate.wait({ signal: controller.signal });
    const next = gate.wait().then(() => clock.now());
    controller.abort('left');
    await expect(skipped).rejects.toBe('left');
    await clock.runAll();
    expect(await next).toBe(10);
  });
});
