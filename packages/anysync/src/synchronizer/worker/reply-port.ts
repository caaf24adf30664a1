import type { MessagePort, TransferListItem } from 'node:worker_threads';
import { Control, type ReplyMessage, Status, type WorkerMessage } from '../protocol.js';
import { Stamp, stampWake, wakeStamps } from '../wire/adaptive-wait.js';
import { toErrorRecord } from '../wire/error-record.js';

interface Gathered {
  message: ReplyMessage;
  transfer: readonly TransferListItem[];
}

/**
 * The worker's end of the reply channel. Every post is counted in `Control.posted`, so a caller blocked in
 * a call knows there is something to drain; posts that settle calls also bump `Control.signal` to wake it.
 *
 * Replies to promise-returning calls are gathered until the end of the current job and sent as one
 * message: a message costs microseconds on each side, so a burst of small calls pays it once.
 */
export class ReplyPort {
  #gathered: Gathered[] = [];
  /** The control block's wake stamps (see `AdaptiveWait`). */
  readonly stamps: Float64Array;

  constructor(
    private readonly port: MessagePort,
    readonly control: Int32Array,
  ) {
    this.stamps = wakeStamps(control);
  }

  /** Sends a message now, after any gathered replies, so the caller sees everything in order. */
  post(message: WorkerMessage, transfer?: readonly TransferListItem[], wake = true): void {
    this.flush();
    this.#send(message, transfer, wake);
  }

  /** Gathers a reply; it leaves with the others when the current job ends. */
  reply(message: ReplyMessage, transfer: readonly TransferListItem[]): void {
    if (this.#gathered.length === 0) queueMicrotask(() => this.flush());
    this.#gathered.push({ message, transfer });
  }

  flush(): void {
    const gathered = this.#gathered;
    if (gathered.length === 0) return;
    this.#gathered = [];
    if (gathered.length === 1) {
      this.#sendReply(gathered[0] as Gathered);
      return;
    }
    try {
      const replies = gathered.map((entry) => entry.message);
      this.#send(
        { kind: 'replies', replies },
        gathered.flatMap((entry) => entry.transfer),
        true,
      );
    } catch {
      // Some reply could not be cloned (nothing was sent): one by one, so only its own call fails.
      for (const entry of gathered) this.#sendReply(entry);
    }
  }

  #sendReply({ message, transfer }: Gathered): void {
    try {
      this.#send(message, transfer, true);
    } catch (error) {
      this.#send(
        { ...message, status: Status.error, values: [toErrorRecord(error)], marked: false },
        undefined,
        true,
      );
    }
  }

  #send(message: WorkerMessage, transfer: readonly TransferListItem[] | undefined, wake: boolean): void {
    this.port.postMessage(message, transfer);
    Atomics.add(this.control, Control.posted, 1);
    if (wake) this.wake();
  }

  /** Wakes a caller parked on `Control.signal`; `at` is the time (`now()`) if the waker just read it. */
  wake(at?: number): void {
    Atomics.add(this.control, Control.signal, 1);
    stampWake(this.stamps, Stamp.toCaller, at);
    Atomics.notify(this.control, Control.signal);
  }
}
