import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { BrokenResourceError } from './broken-resource-error.js';
import { type ChannelState, type ChannelStats, checkChannelState } from './channel-state.js';
import { ClosedResourceError } from './closed-resource-error.js';
import { EndOfStreamError } from './end-of-stream-error.js';

/**
 * What `ReceiveChannel.tryReceive()` returns: the item, or `ok: false` when receiving would have to wait.
 *
 * @example
 * ```ts
 * import { createChannel, type TryReceiveResult } from 'anysync/primitives';
 *
 * const [, receive] = createChannel<number>(1);
 * const result: TryReceiveResult<number> = receive.tryReceive();
 * console.log(result.ok); // false
 * ```
 */
export type TryReceiveResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const WOULD_BLOCK: TryReceiveResult<never> = Object.freeze({ ok: false });
const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The receiving end of a memory channel made by `createChannel()`. Each item goes to exactly one
 * receiver. Iterate it with `for await`: the loop ends once every sending end is closed and the buffer
 * is drained. Clone it to share the work between consumers.
 *
 * @example
 * ```ts
 * import { createChannel } from 'anysync/primitives';
 *
 * const [send, receive] = createChannel<number>();
 * const producer = (async () => {
 *   using _ = send; // closes the sending end when the producer is done
 *   for (let i = 0; i < 3; i++) await send.send(i);
 * })();
 * for await (const n of receive) console.log(n); // 0, 1, 2
 * await producer;
 * ```
 */
export class ReceiveChannel<T> implements Disposable, AsyncIterable<T> {
  readonly #state: ChannelState<T>;
  #closed = false;

  /** Created by `createChannel()` and `clone()`. */
  constructor(state: ChannelState<T>) {
    this.#state = checkChannelState(state, 'ReceiveChannel');
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Takes the next item, waiting for one if needed. Rejects with EndOfStreamError once every sender is
   * closed and the buffer is empty, ClosedResourceError after `close()`.
   */
  receive(options?: WaitOptions): Promise<T> {
    checkWaitOptions(options, 'ReceiveChannel.receive()');
    if (this.#closed)
      return Promise.reject(new ClosedResourceError('ReceiveChannel.receive(): this end is closed'));
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    const state = this.#state;
    if (state.buffer.length > 0) {
      const value = state.buffer.shift() as T;
      state.refill();
      return Promise.resolve(value);
    }
    const sender = state.senders.shift();
    if (sender !== undefined) {
      sender.resolve(undefined);
      return Promise.resolve(sender.data.value);
    }
    if (state.openSenders === 0) return Promise.reject(new EndOfStreamError());
    return state.receivers.wait(this, options);
  }

  /** Takes an item if one is available without waiting. Throws as `receive()` rejects. */
  tryReceive(): TryReceiveResult<T> {
    if (this.#closed) throw new ClosedResourceError('ReceiveChannel.tryReceive(): this end is closed');
    const state = this.#state;
    if (state.buffer.length > 0) {
      const value = state.buffer.shift() as T;
      state.refill();
      return { ok: true, value };
    }
    const sender = state.senders.shift();
    if (sender !== undefined) {
      sender.resolve(undefined);
      return { ok: true, value: sender.data.value };
    }
    if (state.openSenders === 0) throw new EndOfStreamError();
    return WOULD_BLOCK;
  }

  /** Another receiving end on the same channel; senders break only when all of them are closed. */
  clone(): ReceiveChannel<T> {
    if (this.#closed) throw new ClosedResourceError('ReceiveChannel.clone(): this end is closed');
    this.#state.openReceivers++;
    return new ReceiveChannel(this.#state);
  }

  /**
   * Closes this end. When it was the last receiving end, buffered items are dropped and waiting senders
   * get BrokenResourceError.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const state = this.#state;
    for (const waiter of state.receivers) {
      if (waiter.data === this)
        state.receivers.abort(waiter, new ClosedResourceError('ReceiveChannel was closed'));
    }
    if (--state.openReceivers > 0) return;
    state.buffer.clear();
    state.senders.rejectAll(new BrokenResourceError());
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** The channel's buffer, open ends and waiters (the same from every end). */
  stats(): ChannelStats {
    return this.#state.stats();
  }

  /** Yields items until the end of the stream; breaking out of the loop leaves this end open. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    const next = (): Promise<IteratorResult<T, undefined>> =>
      this.receive().then(
        (value) => ({ done: false, value }),
        (error: unknown) => {
          if (error instanceof EndOfStreamError) return DONE;
          throw error;
        },
      );
    return {
      next,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
