import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { PrioritySemaphore } from '../../src/primitives/priority-semaphore.js';
import { withPriority } from '../../src/primitives/with-priority.js';

describe('PrioritySemaphore', () => {
  it('serves lower numbers first and arrival order within a priority', async () => {
    const semaphore = new PrioritySemaphore(1);
    const held = await semaphore.acquire();
    const order: string[] = [];
    const queued = [
      ['b5', 5],
      ['a1', 1],
      ['c5', 5],
      ['d-2', -2],
      ['e1', 1],
    ].map(([name, priority]) =>
      semaphore.run(() => order.push(name as string), { priority: priority as number }),
    );
    expect(semaphore.stats()).toEqual({ value: 0, waiting: 5, waitingByPriority: { 5: 2, 1: 2, '-2': 1 } });
    held.release();
    await Promise.all(queued);
    expect(order).toEqual(['d-2', 'a1', 'e1', 'b5', 'c5']);
    expect(semaphore.stats()).toEqual({ value: 1, waiting: 0, waitingByPriority: {} });
  });

  it('takes the priority from the ambient withPriority() scope, defaulting to 0', async () => {
    const semaphore = new PrioritySemaphore(1);
    const held = semaphore.tryAcquire();
    const order: string[] = [];
    const normal = semaphore.run(() => order.push('default'));
    const low = withPriority(10, () => semaphore.run(() => order.push('low')));
    const urgent = withPriority(10, () =>
      withPriority(-1, async () => {
        await null; // the priority survives an await
        return semaphore.run(() => order.push('urgent'));
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const explicit = withPriority(10, () => semaphore.run(() => order.push('explicit'), { priority: -5 }));
    held?.release();
    await Promise.all([normal, low, urgent, explicit]);
    expect(order).toEqual(['explicit', 'urgent', 'default', 'low']);
  });

  it('drops an aborted waiter from its priority queue without using a token', async () => {
    const semaphore = new PrioritySemaphore(1);
    const held = await semaphore.acquire();
    const controller = new AbortController();
    const aborted = semaphore.acquire({ priority: 0, signal: controller.signal });
    const later = semaphore.acquire({ priority: 3 });
    controller.abort('x');
    await expect(aborted).rejects.toBe('x');
    expect(semaphore.stats().waitingByPriority).toEqual({ 3: 1 });
    held.release();
    (await later).release();
    expect(semaphore.value).toBe(1);
  });

  it('rejects at once in a cancelled scope and leaves no empty queue behind', async () => {
    const semaphore = new PrioritySemaphore(0);
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(() => expect(semaphore.acquire({ priority: 7 })).rejects.toBe(scope.cancelError));
    expect(semaphore.stats()).toEqual({ value: 0, waiting: 0, waitingByPriority: {} });
  });

  it('rejects bad priorities and values', () => {
    const semaphore = new PrioritySemaphore(0);
    expect(() => semaphore.acquire({ priority: Number.NaN })).toThrow(
      new RangeError('PrioritySemaphore.acquire(): priority must be a number other than NaN, got NaN'),
    );
    // Checked on the fast path too: a free semaphore used to take any priority in silence.
    const free = new PrioritySemaphore(1);
    expect(() => free.acquire({ priority: '1' as never })).toThrow(TypeError);
    expect(() => free.acquire({ weight: 2 } as never)).toThrow(/weight is not an option here/);
    expect(() => new PrioritySemaphore(-1)).toThrow(
      'PrioritySemaphore: initialValue must be an integer >= 0, got -1',
    );
    expect(() => new PrioritySemaphore(1.5)).toThrow(RangeError); // whole tokens: no drift
    expect(() => withPriority(Number.NaN, () => 1)).toThrow(/withPriority\(\): priority must be a number/);
    expect(() => withPriority(1, 'fn' as never)).toThrow(
      "withPriority(): fn must be a function, got 'fn' (string)",
    );
  });
});
