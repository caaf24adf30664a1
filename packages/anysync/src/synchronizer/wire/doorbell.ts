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

/** Most waits that park at once after polls came back empty, before polling is tried again. */
const MAX_BACKOFF = 63;

/**
 * Whether to poll before parking, learned from the last polls. When a poll comes back empty (the other
 * side now takes longer than the window, or has no core to run on), the next waits park at once, ever more
 * of them (1, 3, 7 ... up to 63), and polling is tried again after that; a poll that succeeds resets it.
 * Polling in vain only takes CPU time from the other side, which matters most on a busy machine.
 */
export class PollBackoff {
  #skip = 0;
  #backoff = 0;

  /** Polls `control[index]` while it holds `value`, unless backing off; true once it changed. */
  poll(control: Int32Array, index: number, value: number, microseconds: number): boolean {
    if (microseconds <= 0) return false;
    if (this.#skip > 0) {
      this.#skip--;
      return false;
    }
    if (pollWhile(control, index, value, microseconds)) {
      this.#backoff = 0;
      return true;
    }
    this.#backoff = Math.min(this.#backoff * 2 + 1, MAX_BACKOFF);
    this.#skip = this.#backoff;
    return false;
  }
}
