import { currentScope } from '../concurrency/current-scope.js';
import type { WaitOptions } from './wait-queue.js';

/**
 * A rejected promise when a wait starting now must not proceed (aborted signal, cancelled scope), else
 * `undefined`. Fast paths call it so that even an uncontended wait inside a cancelled scope rejects:
 * cancellation is level-triggered, as in Trio.
 */
export function rejectIfCancelled(options: WaitOptions | undefined): Promise<never> | undefined {
  const signal = options?.signal;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const scope = currentScope();
  if (scope?.cancelled) return Promise.reject(scope.cancelError);
  return undefined;
}
