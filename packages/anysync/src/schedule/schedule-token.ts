import { checkFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkFinite } from '../internal/check-number.js';

/** How the scheduler marks a one-off payload delivered without a public method. */
export const settleToken: unique symbol = Symbol('anysync.settleToken');

/**
 * The handle of a scheduled payload (async-utils' `CancellationToken`): cancel it, or ask when it is next
 * due. Returned by `Scheduler.at()`, `after()` and `every()`.
 *
 * @example
 * ```ts
 * import { Scheduler, type ScheduleToken } from 'anysync/schedule';
 *
 * await using scheduler = new Scheduler<string>();
 * const token: ScheduleToken = scheduler.after(60_000, 'reminder');
 * console.log(token.active); // true
 * token.cancel();
 * console.log(token.active, scheduler.stats().scheduled); // false 0
 * ```
 */
export class ScheduleToken {
  #cancel: ((token: ScheduleToken) => void) | undefined;
  /** Wall-clock time (epoch ms) at which the payload is next due; `NaN` once it is no longer scheduled. */
  nextAt: number;
  /** For intervals, the period in milliseconds; `undefined` for a one-off payload. */
  readonly interval: number | undefined;

  /** Made by the scheduler; `cancel` runs once, on the first `cancel()`. */
  constructor(nextAt: number, interval: number | undefined, cancel: (token: ScheduleToken) => void) {
    this.nextAt = checkFinite(nextAt, 'ScheduleToken: nextAt');
    if (interval !== undefined) checkMilliseconds(interval, 'ScheduleToken: interval', false, true);
    this.interval = interval;
    this.#cancel = checkFunction(cancel, 'ScheduleToken: cancel');
  }

  /** Whether the payload is still to be delivered (for an interval: whether it still repeats). */
  get active(): boolean {
    return this.#cancel !== undefined;
  }

  /** Stops the payload from being delivered (again); a payload already taken by a consumer is not recalled. */
  cancel(): boolean {
    const cancel = this.#cancel;
    if (cancel === undefined) return false;
    this.#cancel = undefined;
    this.nextAt = Number.NaN;
    cancel(this);
    return true;
  }

  /** Marks a one-off payload as delivered (scheduler only). */
  [settleToken](): void {
    this.#cancel = undefined;
    this.nextAt = Number.NaN;
  }
}
