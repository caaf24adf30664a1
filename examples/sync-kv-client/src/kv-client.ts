/**
 * An ordinary async client for the key-value server: one persistent TCP connection, pipelined requests
 * (each resolved in order by the next reply line), an async generator that pages through keys, and
 * `Symbol.asyncDispose` to close the connection. Nothing in it knows about sync callers.
 */
import { connect, type Socket } from 'node:net';

/** An error reply from the server, with its code. */
export class KvError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvError';
  }
}

type Pending = { resolve: (line: string) => void; reject: (error: Error) => void };

export class KvClient {
  readonly #socket: Socket;
  readonly #pending: Pending[] = [];
  #buffered = '';
  /** Requests sent on this connection: state that lives as long as the client. */
  requests = 0;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.#receive(chunk));
    socket.on('close', () => {
      for (const pending of this.#pending.splice(0))
        pending.reject(new KvError('ECLOSED', 'connection closed'));
    });
  }

  /** Opens a connection to the server on loopback. */
  static connect(port: number): Promise<KvClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new KvClient(socket)));
      socket.once('error', reject);
    });
  }

  async get(key: string): Promise<string | undefined> {
    const reply = await this.#request(`GET ${key}`);
    return reply === 'NIL' ? undefined : reply.slice('VALUE '.length);
  }

  async set(key: string, value: string): Promise<void> {
    await this.#request(`SET ${key} ${value}`);
  }

  async incr(key: string): Promise<number> {
    return Number((await this.#request(`INCR ${key}`)).slice('INT '.length));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.#request(`DEL ${key}`)) === 'INT 1';
  }

  /** Every key with the prefix, fetched a page at a time as the consumer asks for more. */
  async *keys(prefix: string, pageSize = 2): AsyncGenerator<string, void, undefined> {
    let cursor = 0;
    do {
      const [, next = '0', ...page] = (await this.#request(`KEYS ${prefix} ${cursor} ${pageSize}`)).split(
        ' ',
      );
      yield* page;
      cursor = Number(next);
    } while (cursor !== 0);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await new Promise<void>((resolve) => this.#socket.end(resolve));
  }

  #request(line: string): Promise<string> {
    this.requests++;
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#socket.write(`${line}\n`);
    }).then((reply) => {
      const text = reply as string;
      if (!text.startsWith('ERR ')) return text;
      const [, code = 'EUNKNOWN', ...message] = text.split(' ');
      throw new KvError(code, message.join(' '));
    });
  }

  #receive(chunk: string): void {
    this.#buffered += chunk;
    for (let newline = this.#buffered.indexOf('\n'); newline >= 0; newline = this.#buffered.indexOf('\n')) {
      this.#pending.shift()?.resolve(this.#buffered.slice(0, newline));
      this.#buffered = this.#buffered.slice(newline + 1);
    }
  }
}
