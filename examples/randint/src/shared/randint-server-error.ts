/**
 * The server refused a request (an HTTP error status). Thrown by the client code that both twins share,
 * on the caller's thread, so `instanceof RandintServerError` holds for either twin.
 */
export class RandintServerError extends Error {
  override readonly name = 'RandintServerError';

  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the randint server answered ${status}: ${body.trim()}`);
  }
}
