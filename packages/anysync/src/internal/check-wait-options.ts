import { checkCallOptions } from './check-options.js';
import { checkSignal } from './check-signal.js';
import type { WaitOptions } from './wait-queue.js';

/**
 * The options of a wait: `undefined`, or an object whose `signal` is an `AbortSignal` or absent. Called at
 * the top of every wait, so it costs one comparison when there are no options.
 */
export function checkWaitOptions(options: WaitOptions | undefined, label: string): void {
  if (options === undefined) return;
  checkCallOptions(options, label);
  checkSignal(options.signal, `${label}: signal`);
}
