import { checkInteger } from '../internal/check-integer.js';
import { ChannelState } from './channel-state.js';
import { ReceiveChannel } from './receive-channel.js';
import { SendChannel } from './send-channel.js';

/**
 * Creates an in-memory channel, AnyIO's memory object stream: a sending end and a receiving end around a
 * buffer of `maxBufferSize` items. The default, 0, is a rendezvous: every send waits for a receiver, which
 * gives natural backpressure. `Infinity` makes sends never wait (use with care). Each end can be cloned;
 * receivers see the end of the stream when every sending end is closed, and senders break when every
 * receiving end is closed.
 *
 * @example
 * ```ts
 * import { withTaskGroup } from 'anysync/concurrency';
 * import { createChannel } from 'anysync/primitives';
 *
 * const [send, receive] = createChannel<number>(16);
 * await withTaskGroup((group) => {
 *   group.spawn(async () => {
 *     using _ = send;
 *     for (let i = 0; i < 100; i++) await send.send(i);
 *   });
 *   group.spawn(async () => {
 *     let sum = 0;
 *     for await (const n of receive) sum += n;
 *     console.log(sum); // 4950
 *   });
 * });
 * ```
 */
export function createChannel<T>(maxBufferSize = 0): [SendChannel<T>, ReceiveChannel<T>] {
  checkInteger(maxBufferSize, 'createChannel(): maxBufferSize', 0, Number.POSITIVE_INFINITY);
  const state = new ChannelState<T>(maxBufferSize);
  return [new SendChannel(state), new ReceiveChannel(state)];
}
