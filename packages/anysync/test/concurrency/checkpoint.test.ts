import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { checkpoint } from '../../src/concurrency/checkpoint.js';

describe('checkpoint()', () => {
  it('yields to the event loop so a queued macrotask runs first', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('macrotask'));
    await checkpoint();
    order.push('after checkpoint');
    expect(order).toEqual(['macrotask', 'after checkpoint']);
  });

  it('throws when called in a cancelled scope or with an aborted signal', async () => {
    await expect(checkpoint({ signal: AbortSignal.abort('no') })).rejects.toBe('no');
    const scope = new CancelScope();
    await scope.run(async () => {
      scope.cancel();
      await expect(checkpoint()).rejects.toBe(scope.cancelError);
    });
  });

  it('throws when the cancellation happens during the yield', async () => {
    const controller = new AbortController();
    setImmediate(() => controller.abort('during'));
    await expect(checkpoint({ signal: controller.signal })).rejects.toBe('during');
  });
});
