import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { Event } from '../../src/primitives/event.js';

describe('Event', () => {
  it('wakes every waiter when set, and later waits return at once', async () => {
    const event = new Event();
    const woke: number[] = [];
    const waiting = [1, 2, 3].map((n) => event.wait().then(() => woke.push(n)));
    expect(event.stats()).toEqual({ isSet: false, waiting: 3 });
    event.set();
    event.set();
    await Promise.all(waiting);
    expect(woke).toEqual([1, 2, 3]);
    await event.wait();
    expect(event.stats()).toEqual({ isSet: true, waiting: 0 });
  });

  it('lets a waiter give up through its signal', async () => {
    const event = new Event();
    const controller = new AbortController();
    const waiting = event.wait({ signal: controller.signal });
    controller.abort('timeout');
    await expect(waiting).rejects.toBe('timeout');
    expect(event.stats().waiting).toBe(0);
  });

  it('rejects in a cancelled scope even when already set', async () => {
    const event = new Event();
    event.set();
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(() => expect(event.wait()).rejects.toBe(scope.cancelError));
  });
});
