import { checkWaitOptions } from '../internal/check-wait-options.js';
import { nextMacrotask } from '../internal/next-macrotask.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { throwIfCancelled } from './throw-if-cancelled.js';

/**
 * Yields to the event loop (one macrotask, so timers and I/O get a turn) and throws if the caller is
 * cancelled, before or after the yield. Insert it in long loops so they stay responsive and cancellable.
 *
 * @example
 * ```ts
 * import { checkpoint, moveOnAfter } from 'anysync/concurrency';
 *
 * await moveOnAfter(100, async () => {
 *   for (const item of Array.from({ length: 1e6 }, (_, i) => i)) {
 *     if (item % 10_000 === 0) await checkpoint();
 *   }
 * });
 * ```
 */
export function checkpoint(options?: WaitOptions): Promise<void> {
  checkWaitOptions(options, 'checkpoint()');
  return yieldOnce(options);
}

async function yieldOnce(options: WaitOptions | undefined): Promise<void> {
  throwIfCancelled(options);
  await nextMacrotask();
  throwIfCancelled(options);
}
