import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { WaitQueue } from '../../src/internal/wait-queue.js';

describe('WaitQueue', () => {
  it('grants in FIFO order and removes aborted waiters from anywhere in the queue', async () => {
    const aborted: number[] = [];
    const queue = new WaitQueue<string, number>((waiter) => aborted.push(waiter.data));
    const controller = new AbortController();
    const a = queue.wait(1);
    const b = queue.wait(2, { signal: controller.signal });
    const c = queue.wait(3);
    controller.abort('b out');
    await expect(b).rejects.toBe('b out');
    expect(aborted).toEqual([2]);
    expect([...queue].map((w) => w.data)).toEqual([1, 3]);
    expect(queue.resolveHead('first')).toBe(true);
    expect(queue.resolveHead('second')).toBe(true);
    expect(queue.resolveHead('none')).toBe(false);
    expect(await Promise.all([a, c])).toEqual(['first', 'second']);
  });

  it('unsubscribes granted waiters from their signal and scope', async () => {
    const queue = new WaitQueue<number>();
    const controller = new AbortController();
    const scope = new CancelScope();
    const result = scope.run(() => queue.wait(undefined, { signal: controller.signal }));
    queue.resolveHead(5);
    await expect(result).resolves.toBe(5);
    controller.abort(); // no effect after the grant
    scope.cancel();
    expect(queue.size).toBe(0);
  });

  it('rejects everyone with rejectAll()', async () => {
    const queue = new WaitQueue<number>();
    const waits = [queue.wait(undefined), queue.wait(undefined)];
    queue.rejectAll(new Error('closed'));
    for (const wait of waits) await expect(wait).rejects.toThrow('closed');
    expect(queue.size).toBe(0);
  });
});
