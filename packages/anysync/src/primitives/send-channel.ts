import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { BrokenResourceError } from './broken-resource-error.js';
import { type ChannelState, type ChannelStats, checkChannelState } from './channel-state.js';
import { ClosedResourceError } from './closed-resource-error.js';
import { EndOfStreamError } from './end-of-stream-error.js';

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * The sending end of a memory channel made by `createChannel()`. `send()` waits while the buffer is full
 * (always, for a zero-size rendezvous channel, until a receiver takes the item). Clone it to give each
 * producer its own end: receivers see the end of the stream once every clone is closed.
 *
 * @example
 * ```ts
 * import { createChannel } from 'anysync/primitives';
 *
 * const [send, receive] = createChannel<string>(10);
 * await send.send('hello');
 * console.log(send.trySend('world')); // true: there was room
 * send.close();
 * for await (const message of receive) console.log(message); // hello, world
 * ```
 */
export class SendChannel<T> implements Disposable {
  readonly #state: ChannelState<T>;
  #closed = false;

  /** Created by `createChannel()` and `clone()`. */
  constructor(state: ChannelState<T>) {
    this.#state = checkChannelState(state, 'SendChannel');
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Delivers `value` to a waiting receiver or the buffer, waiting for room if needed. Rejects with
   * BrokenResourceError when no receiver is left, ClosedResourceError after `close()`; an aborted send
   * leaves nothing behind.
   */
  send(value: T, options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'SendChannel.send()');
    const state = this.#state;
    const broken = this.#check('send');
    if (broken !== undefined) return Promise.reject(broken);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if (state.receivers.resolveHead(value)) return RESOLVED;
    if (state.buffer.length < state.maxBufferSize) {
      state.buffer.push(value);
      return RESOLVED;
    }
    return state.senders.wait({ value, channel: this }, options);
  }

  /** Delivers `value` if that needs no waiting; returns false otherwise. Throws as `send()` rejects. */
  trySend(value: T): boolean {
    const state = this.#state;
    const broken = this.#check('trySend');
    if (broken !== undefined) throw broken;
    if (state.receivers.resolveHead(value)) return true;
    if (state.buffer.length >= state.maxBufferSize) return false;
    state.buffer.push(value);
    return true;
  }

  /** Another sending end on the same channel; the channel ends when all of them are closed. */
  clone(): SendChannel<T> {
    if (this.#closed) throw new ClosedResourceError('SendChannel.clone(): this end is closed');
    this.#state.openSenders++;
    return new SendChannel(this.#state);
  }

  /** Closes this end. When it was the last sending end, waiting receivers get EndOfStreamError. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const state = this.#state;
    for (const waiter of state.senders) {
      if (waiter.data.channel === this)
        state.senders.abort(waiter, new ClosedResourceError('SendChannel was closed'));
    }
    if (--state.openSenders === 0) state.receivers.rejectAll(new EndOfStreamError());
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** The channel's buffer, open ends and waiters (the same from every end). */
  stats(): ChannelStats {
    return this.#state.stats();
  }

  #check(method: string): Error | undefined {
    if (this.#closed) return new ClosedResourceError(`SendChannel.${method}(): this end is closed`);
    if (this.#state.openReceivers === 0) {
      return new BrokenResourceError(`SendChannel.${method}(): every receiving end of the channel is closed`);
    }
    return undefined;
  }
}
