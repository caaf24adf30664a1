import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkNumber } from '../internal/check-number.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { currentClock } from '../internal/clock.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';

/** One timer racing one abortable wait; the timer is cleared as soon as the wait is aborted. */
function sleepFor(delay: number, options: WaitOptions | undefined): Promise<void> {
  const clock = currentClock();
  let timer: unknown;
  const queue = new WaitQueue<void>(() => clock.clearTimer(timer));
  const done = queue.wait(undefined, options);
  if (queue.size > 0 && delay !== Number.POSITIVE_INFINITY) {
    timer = clock.setTimer(() => queue.resolveHead(undefined), Math.max(0, delay));
  }
  return done;
}

/**
 * Resolves after `ms` milliseconds of the current clock (real, or the virtual clock in tests). Rejects at
 * once if the signal aborts or the current scope is cancelled, and clears its timer when it does.
 *
 * @example
 * ```ts
 * import { sleep } from 'anysync/concurrency';
 *
 * await sleep(100);
 * await sleep(100, { signal: AbortSignal.timeout(10) }).catch((error) => console.log(error.name)); // TimeoutError
 * ```
 */
export function sleep(ms: number, options?: WaitOptions): Promise<void> {
  checkMilliseconds(ms, 'sleep(): ms', true);
  checkWaitOptions(options, 'sleep()');
  return sleepFor(ms, options);
}

/**
 * Resolves when the current clock reaches `deadline` (on the `currentTime()` scale).
 *
 * @example
 * ```ts
 * import { currentTime, sleepUntil } from 'anysync/concurrency';
 *
 * const start = currentTime();
 * await sleepUntil(start + 50);
 * ```
 */
export function sleepUntil(deadline: number, options?: WaitOptions): Promise<void> {
  checkNumber(deadline, 'sleepUntil(): deadline');
  checkWaitOptions(options, 'sleepUntil()');
  return sleepFor(deadline - currentClock().now(), options);
}

/**
 * Waits until cancelled: never resolves, rejects when the signal aborts or the current scope is cancelled.
 * Useful for a task whose only job is to hold something open until its group shuts down.
 *
 * @example
 * ```ts
 * import { moveOnAfter, sleepForever } from 'anysync/concurrency';
 *
 * await moveOnAfter(10, () => sleepForever()); // returns after 10 ms
 * ```
 */
export function sleepForever(options?: WaitOptions): Promise<never> {
  checkWaitOptions(options, 'sleepForever()');
  return sleepFor(Number.POSITIVE_INFINITY, options) as Promise<never>;
}
