import { checkFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkNumber } from '../internal/check-number.js';
import { CancelScope } from './cancel-scope.js';
import { checkTimeoutOptions } from './check-timeout-options.js';
import { CancelledError } from './cancelled-error.js';
import type { TimeoutOptions } from './move-on-after.js';
import { TimeoutError } from './timeout-error.js';

async function runOrFail<T>(
  scope: CancelScope,
  fn: (scope: CancelScope) => T | PromiseLike<T>,
  describe: () => string,
): Promise<T> {
  const result = await scope.run(fn);
  if (!scope.cancelledCaught) return result as T;
  const cancellation = scope.cancelError;
  if (cancellation instanceof CancelledError && cancellation.deadlineExceeded) {
    throw new TimeoutError(describe(), { cause: cancellation });
  }
  // Cancelled by hand (`scope.cancel()` inside fn): there is no value to return, so report the cancellation.
  throw scope.cancelError;
}

/**
 * Runs `fn` in a new cancel scope with a deadline `ms` milliseconds from now, and throws a
 * {@link TimeoutError} if the deadline cut it short. Resolves to `fn`'s result otherwise.
 *
 * @example
 * ```ts
 * import { failAfter, TimeoutError } from 'anysync/concurrency';
 *
 * const response = await failAfter(5000, (scope) => fetch('https://example.com', { signal: scope.signal }));
 * ```
 */
export function failAfter<T>(
  ms: number,
  fn: (scope: CancelScope) => T | PromiseLike<T>,
  options?: TimeoutOptions,
): Promise<T> {
  checkMilliseconds(ms, 'failAfter(): ms', true);
  checkFunction(fn, 'failAfter(): fn');
  checkTimeoutOptions(options, 'failAfter()');
  const scope = new CancelScope({ timeout: ms, shield: options?.shield, signal: options?.signal });
  return runOrFail(scope, fn, () => `failAfter(): the operation did not finish within ${ms} ms`);
}

/**
 * Like {@link failAfter}, with an absolute deadline on the `currentTime()` scale.
 *
 * @example
 * ```ts
 * import { currentTime, failAt, sleep } from 'anysync/concurrency';
 *
 * await failAt(currentTime() + 100, () => sleep(10));
 * ```
 */
export function failAt<T>(
  deadline: number,
  fn: (scope: CancelScope) => T | PromiseLike<T>,
  options?: TimeoutOptions,
): Promise<T> {
  checkNumber(deadline, 'failAt(): deadline');
  checkFunction(fn, 'failAt(): fn');
  checkTimeoutOptions(options, 'failAt()');
  const scope = new CancelScope({ deadline, shield: options?.shield, signal: options?.signal });
  return runOrFail(
    scope,
    fn,
    () => `failAt(): the operation did not finish by its deadline (${deadline} ms)`,
  );
}
