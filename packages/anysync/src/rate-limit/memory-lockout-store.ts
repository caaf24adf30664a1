import { checkStoreName } from '../internal/check-store-name.js';
import { currentClock } from '../internal/clock.js';
import { checkLockoutSpan } from './check-lockout-span.js';
import type { LockoutSpan, LockoutStore } from './lockout-store.js';

/**
 * The in-process {@link LockoutStore}: every `Lockout` given the same instance and name shares one gate.
 * What `@anysync/redis` falls back to. Time is anysync's clock; lockouts that ended are dropped.
 *
 * @example
 * ```ts
 * import { Lockout, MemoryLockoutStore } from 'anysync/rate-limit';
 *
 * const store = new MemoryLockoutStore();
 * const a = new Lockout({ store, name: 'api' });
 * const b = new Lockout({ store, name: 'api' });
 * await a.lockFor(50);
 * console.log(await b.locked); // true
 * ```
 */
export class MemoryLockoutStore implements LockoutStore {
  readonly #until = new Map<string, number>();
  #sweepAt = 1024;

  /** How many lockouts are in force or not yet dropped. */
  get size(): number {
    return this.#until.size;
  }

  async lock(name: string, span: LockoutSpan): Promise<number> {
    checkStoreName(name, 'MemoryLockoutStore.lock()');
    checkLockoutSpan(span, 'MemoryLockoutStore.lock()');
    const clock = currentClock();
    const now = clock.now();
    const ms = Math.max(0, 'ms' in span ? span.ms : span.date - clock.dateNow());
    const until = this.#until.get(name);
    if ((until === undefined || until < now + ms) && ms > 0) this.#until.set(name, now + ms);
    if (this.#until.size >= this.#sweepAt) this.#sweep(now);
    return ms;
  }

  async remaining(name: string): Promise<number> {
    checkStoreName(name, 'MemoryLockoutStore.remaining()');
    const until = this.#until.get(name);
    if (until === undefined) return 0;
    const left = until - currentClock().now();
    if (left <= 0) this.#until.delete(name);
    return Math.max(0, left);
  }

  async unlock(name: string): Promise<void> {
    checkStoreName(name, 'MemoryLockoutStore.unlock()');
    this.#until.delete(name);
    return;
  }

  #sweep(now: number): void {
    for (const [name, until] of this.#until) if (until <= now) this.#until.delete(name);
    this.#sweepAt = Math.max(1024, this.#until.size * 2);
  }
}
