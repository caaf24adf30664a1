import { Control } from '../protocol.js';

/**
 * Rings the worker's doorbell: whatever the caller just did (a blocking request in the shared area, a
 * message on the port) is noticed by a worker lingering on shared memory, whether it polls `Control.doorbell`
 * or parks on it. A parked worker is woken by the notify; a polling one sees the word change.
 */
export function ringDoorbell(control: Int32Array): void {
  Atomics.add(control, Control.doorbell, 1);
  Atomics.notify(control, Control.doorbell, 1);
}

/**
 * Polls `control[index]` while it still holds `value`, for at most `microseconds`; true once it changed.
 *
 * A futex wake-up costs several microseconds on each side of a round trip (much more on a virtual
 * machine), more than a small call itself, so both sides poll briefly before they park: a reply or the
 * next request of a burst that arrives within the window is seen without sleeping or waking anyone.
 */
export function pollWhile(control: Int32Array, index: number, value: number, microseconds: number): boolean {
  if (microseconds <= 0) return Atomics.load(control, index) !== value;
  const until = performance.now() + microseconds / 1000;
  do {
    // The clock is read once per 64 loads: reading it costs more than a load.
    for (let i = 0; i < 64; i++) if (Atomics.load(control, index) !== value) return true;
  } while (performance.now() < until);
  return false;
}
