import { Control } from '../protocol.js';
import { Stamp, stampWake } from './adaptive-wait.js';

/**
 * Rings the worker's doorbell: whatever the caller just did (a blocking request in the shared area, a
 * message on the port) is noticed by a worker lingering on shared memory, whether it polls `Control.doorbell`
 * or parks on it. A parked worker is woken by the notify; a polling one sees the word change. `stamps` is
 * the control block's `wakeStamps` view.
 */
export function ringDoorbell(control: Int32Array, stamps: Float64Array): void {
  Atomics.add(control, Control.doorbell, 1);
  stampWake(stamps, Stamp.toWorker);
  Atomics.notify(control, Control.doorbell, 1);
}
