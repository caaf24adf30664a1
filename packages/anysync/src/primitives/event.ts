import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';

/**
 * What `Event.stats()` reports.
 *
 * @example
 * ```ts
 * import { Event, type EventStats } from 'anysync/primitives';
 *
 * const stats: EventStats = new Event().stats();
 * console.log(stats); // { isSet: false, waiting: 0 }
 * ```
 */
export interface EventStats {
  readonly isSet: boolean;
  readonly waiting: number;
}

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * A one-shot flag that tasks can wait for, as in Trio and AnyIO: `set()` wakes every waiter and every
 * later `wait()` returns at once. It cannot be cleared; create a new Event for the next round.
 *
 * @example
 * ```ts
 * import { Event } from 'anysync/primitives';
 *
 * const ready = new Event();
 * setTimeout(() => ready.set(), 10);
 * await ready.wait({ signal: AbortSignal.timeout(1000) });
 * console.log(ready.isSet); // true
 * ```
 */
export class Event {
  #isSet = false;
  readonly #waiters = new WaitQueue<void>();

  get isSet(): boolean {
    return this.#isSet;
  }

  /** Sets the flag and wakes every waiter. Setting twice is harmless. */
  set(): void {
    if (this.#isSet) return;
    this.#isSet = true;
    while (this.#waiters.resolveHead(undefined));
  }

  /** Resolves once the flag is set (at once if it is), unless cancelled first. */
  wait(options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'Event.wait()');
    if (!this.#isSet) return this.#waiters.wait(undefined, options);
    return rejectIfCancelled(options) ?? RESOLVED;
  }

  stats(): EventStats {
    return { isSet: this.#isSet, waiting: this.#waiters.size };
  }
}
