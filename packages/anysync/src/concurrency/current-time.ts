import { currentClock } from '../internal/clock.js';

/**
 * The current time in milliseconds on anysync's clock: monotonic, the scale of every deadline, and virtual
 * when a test installed `VirtualClock`.
 *
 * @example
 * ```ts
 * import { currentTime, moveOnAt } from 'anysync/concurrency';
 *
 * await moveOnAt(currentTime() + 500, async () => {});
 * ```
 */
export function currentTime(): number {
  return currentClock().now();
}
