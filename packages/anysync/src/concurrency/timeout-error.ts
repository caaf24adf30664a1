import { checkCallOptions } from '../internal/check-options.js';
import { checkOptionalString } from '../internal/check-string.js';

/**
 * Thrown by `failAfter` and `failAt` when the deadline passed before the work finished. The scope's
 * {@link CancelledError} is its `cause`.
 *
 * @example
 * ```ts
 * import { TimeoutError, failAfter, sleep } from 'anysync/concurrency';
 *
 * try {
 *   await failAfter(10, () => sleep(1000));
 * } catch (error) {
 *   console.log(error instanceof TimeoutError); // true
 * }
 * ```
 */
export class TimeoutError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    checkOptionalString(message, 'TimeoutError: message');
    checkCallOptions(options, 'TimeoutError');
    super(message, options);
    this.name = 'TimeoutError';
  }
}
