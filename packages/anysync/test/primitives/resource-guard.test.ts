import { describe, expect, it } from 'vitest';
import { BusyResourceError } from '../../src/primitives/busy-resource-error.js';
import { ResourceGuard } from '../../src/primitives/resource-guard.js';

describe('ResourceGuard', () => {
  it('throws BusyResourceError on concurrent use, naming the action', async () => {
    const guard = new ResourceGuard('reading from');
    const first = guard.run(() => new Promise((resolve) => setTimeout(resolve, 1)));
    await expect(guard.run(() => 1)).rejects.toThrow(new BusyResourceError('reading from'));
    expect(() => guard.enter()).toThrow('Another task is already reading from this resource');
    expect(guard.stats()).toEqual({ busy: true });
    await first;
    expect(guard.busy).toBe(false);
  });

  it('frees the resource when the handle is disposed, once', () => {
    const guard = new ResourceGuard();
    const inside = guard.enter();
    inside[Symbol.dispose]();
    const again = guard.enter();
    inside[Symbol.dispose](); // stale handle: must not free the new user's entry
    expect(guard.busy).toBe(true);
    again[Symbol.dispose]();
    expect(guard.busy).toBe(false);
    expect(new BusyResourceError().message).toBe('Another task is already using this resource');
  });

  it('frees the resource when the task fails', async () => {
    const guard = new ResourceGuard();
    await expect(
      guard.run(() => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    expect(guard.busy).toBe(false);
  });
});
