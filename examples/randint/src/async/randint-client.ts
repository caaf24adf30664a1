import { type RandintAddress, checkUpper, formatRequest, parseReply } from '../shared/randint-protocol.js';
import { exchange } from '../transport/async-exchange.js';

/**
 * A client of randint-as-a-service. Creating one does no I/O; every request opens its own connection.
 */
export class AsyncRandintClient {
  readonly host: string;
  readonly port: number;

  constructor(address: RandintAddress) {
    if (!(Number.isInteger(address.port) && address.port > 0 && address.port < 65536)) {
      throw new RangeError(`not a TCP port: ${address.port}`);
    }
    this.host = address.host ?? '127.0.0.1';
    this.port = address.port;
  }

  /** A random whole number from 0 to `upper`, as the server picks it. */
  async randint(upper: number): Promise<number> {
    const reply = await exchange(this.host, this.port, formatRequest(upper));
    return parseReply(reply, upper);
  }

  /** `count` random numbers: requests at the same time from the async twin, one after another from the sync one. */
  async randints(upper: number, count: number): Promise<number[]> {
    checkUpper(upper);
    return await Promise.all(Array.from({ length: count }, () => this.randint(upper)));
  }

  /** Random numbers one request at a time, for as long as the caller keeps asking. */
  async *stream(upper: number): AsyncGenerator<number> {
    for (;;) yield await this.randint(upper);
  }
}
