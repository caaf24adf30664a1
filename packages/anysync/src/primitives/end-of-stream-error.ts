import { checkOptionalString } from '../internal/check-string.js';

/**
 * Thrown by a receive once every send end of the channel is closed and its buffer is drained. Async
 * iteration over a receive end ends quietly at that point instead.
 *
 * @example
 * ```ts
 * import { EndOfStreamError, createChannel } from 'anysync/primitives';
 *
 * const [send, receive] = createChannel<number>(1);
 * send.close();
 * await receive.receive().catch((error) => console.log(error instanceof EndOfStreamError)); // true
 * ```
 */
export class EndOfStreamError extends Error {
  constructor(message = 'Every sending end of the channel is closed and its buffer is empty') {
    checkOptionalString(message, 'EndOfStreamError: message');
    super(message);
    this.name = 'EndOfStreamError';
  }
}
