import { checkWaitOptions } from '../internal/check-wait-options.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { isPromiseLike } from '../internal/is-promise-like.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';

/**
 * Waits for `promise`, but stops waiting (rejecting with the cancellation) as soon as the signal aborts or
 * the current cancel scope is cancelled. The underlying work is not stopped, only the wait; a rejection of
 * `promise` that arrives after that is handled, so it never surfaces as an unhandled rejection.
 *
 * @example
 * ```ts
 * import { abortable, moveOnAfter } from 'anysync/concurrency';
 *
 * const neverSettles = new Promise<string>(() => {});
 * const value = await moveOnAfter(20, () => abortable(neverSettles));
 * console.log(value); // undefined: the scope moved on after 20 ms
 * ```
 */
export function abortable<T>(promise: PromiseLike<T>, options?: WaitOptions): Promise<T> {
  if (!isPromiseLike(promise))
    throw invalidArgument('type', 'abortable(): promise', 'a promise or thenable', promise);
  checkWaitOptions(options, 'abortable()');
  const queue = new WaitQueue<T>();
  const result = queue.wait(undefined, options);
  Promise.resolve(promise).then(
    (value) => queue.resolveHead(value),
    (error: unknown) => queue.shift()?.reject(error),
  );
  return result;
}
