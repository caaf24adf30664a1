import { isAbortSignal } from './check-signal.js';
import { describeValue } from './describe-value.js';
import { invalidArgument } from './invalid-argument.js';
import type { WaitOptions } from './wait-queue.js';

function refuse(options: unknown, label: string): never {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${label}: options must be an object or undefined, got ${describeValue(options)}`);
  }
  const signal = (options as WaitOptions).signal;
  throw invalidArgument('type', `${label}: signal`, 'an AbortSignal or undefined', signal);
}

/**
 * The options of a wait: `undefined`, or an object whose `signal` is an `AbortSignal` or absent. Called at
 * the top of every wait, so it is kept small enough to be inlined there: one comparison when there are no
 * options, and the message is built only when they are refused.
 */
export function checkWaitOptions(options: WaitOptions | undefined, label: string): void {
  if (
    options !== undefined &&
    (typeof options !== 'object' ||
      options === null ||
      (options.signal !== undefined && !isAbortSignal(options.signal)))
  ) {
    refuse(options, label);
  }
}
