import { checkOptionalString } from '../internal/check-string.js';

/**
 * Thrown by a send once every receive end of the channel is closed: nobody could ever take the item.
 * Pending sends reject with it when the last receiver closes.
 *
 * @example
 * ```ts
 * import { BrokenResourceError, createChannel } from 'anysync/primitives';
 *
 * const [send, receive] = createChannel<number>(1);
 * receive.close();
 * await send.send(1).catch((error) => console.log(error instanceof BrokenResourceError)); // true
 * ```
 */
export class BrokenResourceError extends Error {
  constructor(message = 'Every receiving end of the channel is closed') {
    checkOptionalString(message, 'BrokenResourceError: message');
    super(message);
    this.name = 'BrokenResourceError';
  }
}
