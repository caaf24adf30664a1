import { httpBase, randintPath } from '../shared/randint-http-path.js';
import {
  checkUpper,
  formatRequest,
  parseReply,
  type RandintAddress,
  type RandintProtocol,
} from '../shared/randint-protocol.js';
import { RandintServerError } from '../shared/randint-server-error.js';
import { exchange } from '../transport/async-exchange.js';
import { httpGet } from '../transport/async-http-get.js';

/**
 * A client of randint-as-a-service, over its TCP protocol or over HTTP. Creating one does no I/O; every TCP
 * request opens its own connection, HTTP requests reuse kept-alive ones.
 */
export class AsyncRandintClient {
  readonly host: string;
  readonly port: number;
  readonly protocol: RandintProtocol;

  constructor(address: RandintAddress) {
    if (!(Number.isInteger(address.port) && address.port > 0 && address.port < 65536)) {
      throw new RangeError(`not a TCP port: ${address.port}`);
    }
    const protocol = address.protocol ?? 'tcp';
    if (protocol !== 'tcp' && protocol !== 'http') {
      throw new TypeError(`protocol must be 'tcp' or 'http', got ${JSON.stringify(protocol)}`);
    }
    this.host = address.host ?? '127.0.0.1';
    this.port = address.port;
    this.protocol = protocol;
  }

  /** A random whole number from 0 to `upper`, as the server picks it. */
  async randint(upper: number): Promise<number> {
    if (this.protocol === 'tcp') {
      return parseReply(await exchange(this.host, this.port, formatRequest(upper)), upper);
    }
    const reply = await httpGet(`${httpBase(this.host, this.port)}${randintPath(upper)}`);
    if (reply.status !== 200) throw new RandintServerError(reply.status, reply.body);
    return parseReply(reply.body, upper);
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
