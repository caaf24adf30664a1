import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { Lock } from '../../src/primitives/lock.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Lock', () => {
  it('grants the lock to one holder at a time, first come first served', async () => {
    const lock = new Lock();
    const order: number[] = [];
    const first = await lock.acquire();
    const waiters = [1, 2, 3].map((n) =>
      lock.acquire().then((permit) => {
        order.push(n);
        permit.release();
      }),
    );
    expect(lock.stats()).toEqual({ locked: true, waiting: 3 });
    first.release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect(lock.stats()).toEqual({ locked: false, waiting: 0 });
  });

  it('hands the lock over on release, so a newcomer cannot barge in', async () => {
    const lock = new Lock();
    const first = await lock.acquire();
    const queued = lock.acquire();
    first.release();
    expect(lock.locked).toBe(true); // already owned by the queued waiter
    expect(lock.tryAcquire()).toBeUndefined();
    (await queued).release();
    expect(lock.locked).toBe(false);
  });

  it('releases with using, and the permit only once', async () => {
    const lock = new Lock();
    {
      using permit = await lock.acquire();
      expect(permit.released).toBe(false);
      permit.release();
      const other = lock.tryAcquire();
      expect(other).toBeDefined();
      permit.release(); // no effect on the new holder
      expect(lock.locked).toBe(true);
      other?.release();
    }
    expect(lock.locked).toBe(false);
  });

  it('run() holds the lock for the task and releases it however the task ends', async () => {
    const lock = new Lock();
    let inside = 0;
    let overlaps = 0;
    const task = async (fail: boolean) => {
      inside++;
      if (inside > 1) overlaps++;
      await tick();
      inside--;
      if (fail) throw new Error('task failed');
      return 'ok';
    };
    const results = await Promise.allSettled([
      lock.run(() => task(false)),
      lock.run(() => task(true)),
      lock.run(() => task(false)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(overlaps).toBe(0);
    expect(lock.locked).toBe(false);
    await expect(
      lock.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(lock.locked).toBe(false);
    await expect(lock.run(() => 5)).resolves.toBe(5);
  });

  it('removes an aborted waiter without ever giving it the lock', async () => {
    const lock = new Lock();
    const held = await lock.acquire();
    const controller = new AbortController();
    const aborted = lock.acquire({ signal: controller.signal });
    const next = lock.acquire();
    controller.abort('gave up');
    await expect(aborted).rejects.toBe('gave up');
    expect(lock.stats().waiting).toBe(1);
    held.release();
    (await next).release();
    expect(lock.locked).toBe(false);
  });

  it('rejects at once inside a cancelled scope, even when the lock is free', async () => {
    const lock = new Lock();
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(async () => {
      await expect(lock.acquire()).rejects.toBe(scope.cancelError);
      await expect(lock.run(() => 1)).rejects.toBe(scope.cancelError);
    });
    expect(lock.locked).toBe(false);
    await expect(lock.acquire({ signal: AbortSignal.abort('x') })).rejects.toBe('x');
  });

  it('wakes a waiter with a rejection when its scope is cancelled while it waits', async () => {
    const lock = new Lock();
    const held = await lock.acquire();
    const scope = new CancelScope();
    const waiting = scope.run(() => lock.run(() => 'never'));
    await tick();
    scope.cancel();
    await expect(waiting).resolves.toBeUndefined();
    expect(lock.stats().waiting).toBe(0);
    held.release();
  });

  it('release() frees the lock and complains when it is not held', () => {
    const lock = new Lock();
    expect(() => lock.release()).toThrow('Lock.release(): the lock is not held');
    lock.tryAcquire();
    lock.release();
    expect(lock.locked).toBe(false);
  });
});
