import { checkWaitOptions } from '../internal/check-wait-options.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { currentScope } from './current-scope.js';

/**
 * Throws, synchronously, if `options.signal` is aborted or the current cancel scope is cancelled: a
 * cancellation point for CPU-bound loops that have nothing to await.
 *
 * @example
 * ```ts
 * import { moveOnAfter, throwIfCancelled } from 'anysync/concurrency';
 *
 * await moveOnAfter(50, async () => {
 *   for (let i = 0; ; i++) {
 *     if (i % 1000 === 0) throwIfCancelled();
 *     if (i % 100_000 === 0) await new Promise((r) => setTimeout(r)); // let the deadline timer fire
 *   }
 * });
 * ```
 */
export function throwIfCancelled(options?: WaitOptions): void {
  checkWaitOptions(options, 'throwIfCancelled()');
  const signal = options?.signal;
  if (signal?.aborted) throw signal.reason;
  const scope = currentScope();
  if (scope?.cancelled) throw scope.cancelError;
}
