import { DualQueue, type DualQueueHandle, type DualQueueStats } from 'anysync/dual-queue';
import type { TryReceiveResult } from 'anysync/primitives';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/dual-queue types', () => {
  it('types both colours of access by the item type', async () => {
    const queue = new DualQueue<{ id: number }>({ maxItems: 10 });
    expectTypeOf(queue.put({ id: 1 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(queue.get()).toEqualTypeOf<Promise<{ id: number }>>();
    expectTypeOf(queue.getSync({ timeout: 10 })).toEqualTypeOf<{ id: number }>();
    expectTypeOf(queue.tryGet()).toEqualTypeOf<TryReceiveResult<{ id: number }>>();
    expectTypeOf(queue.handle).toEqualTypeOf<DualQueueHandle>();
    expectTypeOf(DualQueue.from<string>(queue.handle)).toEqualTypeOf<DualQueue<string>>();
    expectTypeOf(queue.stats()).toEqualTypeOf<DualQueueStats>();
    for await (const item of queue) expectTypeOf(item).toEqualTypeOf<{ id: number }>();
    // @ts-expect-error: items are checked
    queue.putSync('x');
  });
});
