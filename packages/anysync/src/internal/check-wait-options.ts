import { describeValue } from './describe-value.js';
import { isAbortSignal } from './check-signal.js';
import { invalidArgument } from './invalid-argument.js';
import type { WaitOptions } from './wait-queue.js';

/**
 * The options of a wait: `undefined`, or an object whose `signal` is an `AbortSignal` or absent. Called at
 * the top of every wait: one comparison when there are no options, and no string is built unless the
 * options are refused.
 */
export function checkWaitOptions(options: WaitOptions | undefined, label: string): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${label}: options must be an object or undefined, got ${describeValue(options)}`);
  }
  const signal = options.signal;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw invalidArgument('type', `${label}: signal`, 'an AbortSignal or undefined', signal);
  }
}
