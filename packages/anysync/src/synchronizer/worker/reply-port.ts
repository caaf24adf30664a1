import type { MessagePort, TransferListItem } from 'node:worker_threads';
import { Control, type WorkerMessage } from '../protocol.js';

/**
 * The worker's end of the reply channel. Every post is counted in `Control.posted`, so a caller blocked in
 * a call knows there is something to drain; posts that settle calls also bump `Control.signal` to wake it.
 */
export class ReplyPort {
  constructor(
    private readonly port: MessagePort,
    readonly control: Int32Array,
  ) {}

  post(message: WorkerMessage, transfer?: readonly TransferListItem[], wake = true): void {
    this.port.postMessage(message, transfer);
    Atomics.add(this.control, Control.posted, 1);
    if (wake) this.wake();
  }

  /** Wakes a caller parked on `Control.signal`. */
  wake(): void {
    Atomics.add(this.control, Control.signal, 1);
    Atomics.notify(this.control, Control.signal);
  }
}
