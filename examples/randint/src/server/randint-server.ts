import { createServer, type Server } from 'node:net';
import { parseRequest } from '../shared/randint-protocol.js';
import { thinkOfRandint } from './think-of-randint.js';

/** Options of {@link startRandintServer}. */
export interface RandintServerOptions {
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The server "thinks about it" for a random time up to this many milliseconds (default 10). */
  readonly thinkMs?: number;
}

/** A running server. */
export interface RandintServer extends AsyncDisposable {
  readonly host: string;
  readonly port: number;
  readonly served: () => number;
  close(): Promise<void>;
}

/**
 * The talk's randint-as-a-service: reads an upper bound k, thinks about it, replies with a random whole
 * number in [0, k] and closes the connection. A bad request gets `error: …` back.
 */
export async function startRandintServer(options: RandintServerOptions = {}): Promise<RandintServer> {
  const host = options.host ?? '127.0.0.1';
  const thinkMs = options.thinkMs ?? 10;
  let served = 0;
  // Half-open: the client ends its side after the request, and the reply still has to go back.
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', async (chunk: string) => {
      text += chunk;
      if (!text.includes('\n')) return;
      socket.pause();
      const upper = parseRequest(text.slice(0, text.indexOf('\n')));
      if (upper === undefined) return void socket.end('error: send a whole number and a newline\n');
      const value = await thinkOfRandint(upper, thinkMs);
      served++;
      socket.end(`${value}\n`);
    });
  });
  // A burst of 1024 connections must not overflow the accept queue (Node's default backlog is 511).
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0, backlog: 4096 }, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { host, port: address.port, served: () => served, close, [Symbol.asyncDispose]: close };
}
