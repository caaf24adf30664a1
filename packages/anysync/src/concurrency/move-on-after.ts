import { checkFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkNumber } from '../internal/check-number.js';
import { CancelScope } from './cancel-scope.js';
import { checkTimeoutOptions } from './check-timeout-options.js';

/**
 * Options shared by `moveOnAfter`, `moveOnAt`, `failAfter` and `failAt`.
 *
 * @example
 * ```ts
 * import { moveOnAfter, type TimeoutOptions } from 'anysync/concurrency';
 *
 * const options: TimeoutOptions = { shield: true }; // outer cancellation cannot interrupt the cleanup
 * await moveOnAfter(1000, async () => {}, options);
 * ```
 */
export interface TimeoutOptions {
  /** Ignore cancellation from enclosing scopes; only this deadline (or `signal`) applies. */
  readonly shield?: boolean | undefined;
  /** A foreign signal that also cancels the work; its reason propagates out unchanged. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs `fn` in a new cancel scope that is cancelled `ms` milliseconds from now. If that happens, every
 * wait inside rejects, the cancellation unwinds `fn`, and `moveOnAfter` resolves to `undefined` instead of
 * throwing. Check `scope.cancelledCaught` to tell the two outcomes apart when `fn` may return `undefined`.
 *
 * @example
 * ```ts
 * import { moveOnAfter, sleep } from 'anysync/concurrency';
 *
 * const result = await moveOnAfter(50, async () => {
 *   await sleep(1000);
 *   return 'slow';
 * });
 * console.log(result); // undefined
 * ```
 */
export function moveOnAfter<T>(
  ms: number,
  fn: (scope: CancelScope) => T | PromiseLike<T>,
  options?: TimeoutOptions,
): Promise<T | undefined> {
  checkMilliseconds(ms, 'moveOnAfter(): ms', true);
  checkFunction(fn, 'moveOnAfter(): fn');
  checkTimeoutOptions(options, 'moveOnAfter()');
  return new CancelScope({ timeout: ms, shield: options?.shield, signal: options?.signal }).run(fn);
}

/**
 * Like {@link moveOnAfter}, with an absolute deadline on the `currentTime()` scale.
 *
 * @example
 * ```ts
 * import { currentTime, moveOnAt, sleep } from 'anysync/concurrency';
 *
 * const deadline = currentTime() + 100;
 * for (const job of ['a', 'b', 'c']) {
 *   await moveOnAt(deadline, () => sleep(40)); // all three share one budget
 * }
 * ```
 */
export function moveOnAt<T>(
  deadline: number,
  fn: (scope: CancelScope) => T | PromiseLike<T>,
  options?: TimeoutOptions,
): Promise<T | undefined> {
  checkNumber(deadline, 'moveOnAt(): deadline');
  checkFunction(fn, 'moveOnAt(): fn');
  checkTimeoutOptions(options, 'moveOnAt()');
  return new CancelScope({ deadline, shield: options?.shield, signal: options?.signal }).run(fn);
}
