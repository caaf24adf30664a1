import { Control } from '../protocol.js';

const FREE = 0;
const HELD = 1;
const CONTENDED = 2;

/**
 * The lock on the shared request area (a futex mutex): uncontended it costs one compare-and-swap each way
 * and never a notify. Contention only happens after a timed-out call, when the caller writes its next
 * request while the worker may still be reading the abandoned one.
 */
export function lockRequests(control: Int32Array): void {
  if (Atomics.compareExchange(control, Control.requestLock, FREE, HELD) === FREE) return;
  while (Atomics.exchange(control, Control.requestLock, CONTENDED) !== FREE) {
    Atomics.wait(control, Control.requestLock, CONTENDED, 1);
  }
}

export function unlockRequests(control: Int32Array): void {
  if (Atomics.exchange(control, Control.requestLock, FREE) === CONTENDED) {
    Atomics.notify(control, Control.requestLock);
  }
}
