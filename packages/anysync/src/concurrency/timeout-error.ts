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
    super(message, options);
    this.name = 'TimeoutError';
  }
}
