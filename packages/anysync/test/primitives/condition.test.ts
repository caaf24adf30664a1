import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { Condition } from '../../src/primitives/condition.js';
import { Lock } from '../../src/primitives/lock.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Condition', () => {
  it('releases the lock while waiting and holds it again when notified', async () => {
    const condition = new Condition();
    const log: string[] = [];
    const waiter = (async () => {
      using _held = await condition.acquire();
      log.push('waiting');
      await condition.wait();
      log.push(`woken, locked=${condition.locked}`);
    })();
    await tick();
    expect(condition.stats()).toEqual({ locked: false, waiting: 1 });
    {
      using _held = await condition.acquire();
      condition.notify();
      log.push('notified');
    }
    await waiter;
    expect(log).toEqual(['waiting', 'notified', 'woken, locked=true']);
    expect(condition.locked).toBe(false);
  });

  it('notifies waiters in arrival order, n at a time or all at once', async () => {
    const condition = new Condition();
    const woken: number[] = [];
    const waiters = [1, 2, 3, 4].map(async (n) => {
      using _held = await condition.acquire();
      await condition.wait();
      woken.push(n);
    });
    await tick();
    const permit = await condition.acquire();
    condition.notify(2);
    permit.release();
    await tick();
    expect(woken).toEqual([1, 2]);
    const again = await condition.acquire();
    condition.notifyAll();
    again.release();
    await Promise.all(waiters);
    expect(woken).toEqual([1, 2, 3, 4]);
  });

  it('waitFor() waits until the predicate holds and returns its value', async () => {
    const condition = new Condition(new Lock());
    const items: string[] = [];
    const taker = (async () => {
      using _held = await condition.acquire();
      return await condition.waitFor(() => items.shift());
    })();
    for (const item of ['a']) {
      await tick();
      using _held = await condition.acquire();
      items.push(item);
      condition.notifyAll();
    }
    await expect(taker).resolves.toBe('a');
  });

  it('re-acquires the lock before reporting a cancellation, and wastes no notification', async () => {
    const condition = new Condition();
    const controller = new AbortController();
    let lockedWhenCancelled: boolean | undefined;
    const quitter = (async () => {
      using _held = await condition.acquire();
      await condition.wait({ signal: controller.signal }).catch((error) => {
        lockedWhenCancelled = condition.locked;
        throw error;
      });
    })();
    const stayer = (async () => {
      using _held = await condition.acquire();
      await condition.wait();
      return 'notified';
    })();
    await tick();
    const blocker = await condition.acquire(); // the quitter cannot get the lock back yet
    controller.abort('quit');
    condition.notify();
    blocker.release();
    await expect(quitter).rejects.toBe('quit');
    expect(lockedWhenCancelled).toBe(true);
    await expect(stayer).resolves.toBe('notified');
    expect(condition.locked).toBe(false);
  });

  it('re-acquires the lock even when the enclosing scope is cancelled', async () => {
    const condition = new Condition();
    const scope = new CancelScope();
    let locked: boolean | undefined;
    const waiting = scope.run(async () => {
      using _held = await condition.acquire();
      try {
        await condition.wait();
      } finally {
        locked = condition.locked;
      }
    });
    await tick();
    scope.cancel();
    await waiting;
    expect(locked).toBe(true);
    expect(condition.locked).toBe(false);
  });

  it('refuses to wait or notify without the lock, and fails fast when already cancelled', async () => {
    const condition = new Condition();
    await expect(condition.wait()).rejects.toThrow("Condition.wait(): acquire the condition's lock first");
    expect(() => condition.notify()).toThrow(/Condition.notify\(\)/);
    expect(() => condition.notifyAll()).toThrow(/Condition.notifyAll\(\)/);
    const permit = await condition.acquire();
    await expect(condition.wait({ signal: AbortSignal.abort('no') })).rejects.toBe('no');
    expect(condition.locked).toBe(true);
    condition.release();
    expect(permit.released).toBe(false);
  });
});
