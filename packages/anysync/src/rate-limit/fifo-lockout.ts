import { fifoMode, Lockout, type LockoutOptions } from './lockout.js';
import type { LockoutStore } from './lockout-store.js';

/**
 * A {@link Lockout} that keeps arrival order, async-utils' `FIFOLockout`: a caller never passes one that
 * is already waiting, even at the instant the gate reopens, and waiters are let through one per turn of
 * the event loop, the gate re-checked before each, so a lockout set by the first one through (a fresh 429)
 * holds all the others. Slightly slower to drain than `Lockout`, which lets everyone through at once.
 *
 * @example
 * ```ts
 * import { FifoLockout } from 'anysync/rate-limit';
 *
 * const gate = new FifoLockout();
 * gate.lockFor(50);
 * const order: number[] = [];
 * await Promise.all([1, 2, 3].map((n) => gate.wait().then(() => order.push(n))));
 * console.log(order); // [1, 2, 3]
 * ```
 */
export class FifoLockout<Store extends LockoutStore | undefined = undefined> extends Lockout<Store> {
  constructor(options?: LockoutOptions<Store>) {
    super(options, fifoMode);
  }
}
