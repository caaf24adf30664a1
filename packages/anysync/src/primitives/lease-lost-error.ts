import { checkString } from '../internal/check-string.js';

/**
 * Why a {@link SharedPermit} was lost: its lease could not be renewed before it ran out (the store no
 * longer lists the holder, or the store could not be reached for a whole lease). Another process may hold
 * the permits now: stop the work, or check the fencing token where the work lands.
 *
 * @example
 * ```ts
 * import { LeaseLostError, Lock, MemorySemaphoreStore } from 'anysync/primitives';
 *
 * const lock = new Lock({
 *   store: new MemorySemaphoreStore(),
 *   name: 'migrations',
 *   onLockLost: (error) => console.log(error instanceof LeaseLostError, error.name),
 * });
 * ```
 */
export class LeaseLostError extends Error {
  constructor(
    /** The semaphore's or lock's name in the store. */
    readonly resource: string,
    reason: string,
  ) {
    checkString(resource, 'LeaseLostError: resource');
    checkString(reason, 'LeaseLostError: reason');
    super(`The lease on '${resource}' was lost: ${reason}`);
    this.name = 'LeaseLostError';
  }
}
