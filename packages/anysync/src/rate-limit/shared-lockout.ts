import { Alarm } from '../internal/alarm.js';
import { currentClock } from '../internal/clock.js';
import { nextMacrotask } from '../internal/next-macrotask.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { checkLockoutSpan } from './check-lockout-span.js';
import type { LockoutSpan, LockoutStore } from './lockout-store.js';
import { parseRetryAfter } from './parse-retry-after.js';

/**
 * The engine of a `Lockout` with a `store`. Every `wait()` that finds nobody queued here asks the store
 * (so a lockout set anywhere holds it within one round trip); callers that find the gate closed queue, and
 * one loop asks the store again when the gate should open, since another process may have extended it.
 */
export class SharedLockout {
  readonly #waiters = new WaitQueue<void>();
  readonly #alarm = new Alarm();
  #pumping = false;

  constructor(
    readonly store: LockoutStore,
    readonly name: string,
    readonly fifo: boolean,
  ) {}

  lock(span: LockoutSpan, caller: string): Promise<number> {
    checkLockoutSpan(span, caller);
    return this.store.lock(this.name, span);
  }

  lockUntil(deadline: number): Promise<void> {
    return this.lock({ ms: deadline - currentClock().now() }, 'Lockout.lockUntil()').then(() => {});
  }

  async lockForRetryAfter(header: string | null | undefined, fallbackMs: number): Promise<number> {
    const span = parseRetryAfter(header) ?? { ms: fallbackMs };
    if ('ms' in span && !(span.ms > 0)) return 0;
    return this.lock(span, 'Lockout.lockForRetryAfter()');
  }

  async unlock(): Promise<void> {
    await this.store.unlock(this.name);
    this.#alarm.wake();
  }

  remaining(): Promise<number> {
    return this.store.remaining(this.name);
  }

  async wait(options: WaitOptions | undefined): Promise<void> {
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if (this.#waiters.size === 0 && (await this.remaining()) <= 0) return;
    const waiting = this.#waiters.wait(undefined, options);
    if (!this.#pumping) void this.#pump();
    return waiting;
  }

  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Lets the queue through once the store says the gate is open: all at once, or (FIFO) one per turn of
   * the event loop, asking the store again before each. A store error rejects the waiters it would have
   * let through, since the gate's state is then unknown.
   */
  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      while (this.#waiters.size > 0) {
        let left: number;
        try {
          left = await this.remaining();
        } catch (error) {
          const head = this.#waiters.head;
          if (this.fifo && head !== undefined) this.#waiters.abort(head, error);
          else this.#waiters.rejectAll(error);
          continue;
        }
        if (left > 0) await this.#alarm.wait(left);
        else if (!this.fifo) while (this.#waiters.resolveHead(undefined));
        else if (this.#waiters.resolveHead(undefined) && this.#waiters.size > 0) await nextMacrotask();
      }
    } finally {
      this.#pumping = false;
    }
  }
}
