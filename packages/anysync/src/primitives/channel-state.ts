import { Deque } from '../internal/deque.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { WaitQueue } from '../internal/wait-queue.js';

/** A send that could not complete at once: the item and the end it was sent from. */
export interface PendingSend<T> {
  readonly value: T;
  readonly channel: object;
}

/**
 * What `stats()` on either end of a channel reports.
 *
 * @example
 * ```ts
 * import { createChannel, type ChannelStats } from 'anysync/primitives';
 *
 * const [send] = createChannel<number>(4);
 * send.trySend(1);
 * const stats: ChannelStats = send.stats();
 * console.log(stats.bufferUsed, stats.maxBufferSize); // 1 4
 * ```
 */
export interface ChannelStats {
  readonly bufferUsed: number;
  readonly maxBufferSize: number;
  readonly openSendChannels: number;
  readonly openReceiveChannels: number;
  readonly waitingSend: number;
  readonly waitingReceive: number;
}

/**
 * The state both ends of a memory channel share: the bounded buffer, the queues of blocked senders (each
 * carrying its item) and receivers, and how many clones of each end are open.
 */
export class ChannelState<T> {
  readonly buffer = new Deque<T>();
  readonly senders = new WaitQueue<void, PendingSend<T>>();
  readonly receivers = new WaitQueue<T, object>();
  openSenders = 1;
  openReceivers = 1;

  constructor(readonly maxBufferSize: number) {}

  stats(): ChannelStats {
    return {
      bufferUsed: this.buffer.length,
      maxBufferSize: this.maxBufferSize,
      openSendChannels: this.openSenders,
      openReceiveChannels: this.openReceivers,
      waitingSend: this.senders.size,
      waitingReceive: this.receivers.size,
    };
  }

  /** After a receive freed a slot, moves the oldest blocked sender's item into the buffer. */
  refill(): void {
    const sender = this.senders.shift();
    if (sender === undefined) return;
    this.buffer.push(sender.data.value);
    sender.resolve(undefined);
  }
}

/** The ends of a channel are made by `createChannel()`; anything else given to their constructors is refused. */
export function checkChannelState<T>(state: ChannelState<T>, what: string): ChannelState<T> {
  if (!(state instanceof ChannelState)) {
    throw invalidArgument(
      'type',
      `${what}: state`,
      'the state of a channel (create channels with createChannel())',
      state,
    );
  }
  return state;
}
