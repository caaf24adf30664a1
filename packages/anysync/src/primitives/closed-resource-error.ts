import { checkOptionalString } from '../internal/check-string.js';

/**
 * Thrown when code uses a channel end it has already closed (send, receive or clone after `close()`).
 *
 * @example
 * ```ts
 * import { ClosedResourceError, createChannel } from 'anysync/primitives';
 *
 * const [send] = createChannel<number>(1);
 * send.close();
 * await send.send(1).catch((error) => console.log(error instanceof ClosedResourceError)); // true
 * ```
 */
export class ClosedResourceError extends Error {
  constructor(message = 'This resource was closed') {
    checkOptionalString(message, 'ClosedResourceError: message');
    super(message);
    this.name = 'ClosedResourceError';
  }
}
