import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseRandintPath } from '../shared/randint-http-path.js';
import type { RandintServer, RandintServerOptions } from './randint-server.js';
import { thinkOfRandint } from './think-of-randint.js';

/**
 * The talk's randint service over HTTP: `GET /randint/25` thinks about it and answers `15`. A bad bound
 * gets 400, another path 404, another method 405, each with an `error: …` line.
 */
export async function startRandintHttpServer(options: RandintServerOptions = {}): Promise<RandintServer> {
  const host = options.host ?? '127.0.0.1';
  const thinkMs = options.thinkMs ?? 10;
  let served = 0;
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) =>
      response
        .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
        .end(request.method === 'HEAD' ? undefined : body);
    const upper = parseRandintPath(new URL(request.url ?? '/', 'http://randint').pathname);
    if (upper === undefined) return send(404, 'error: not found; ask for GET /randint/<upper bound>\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(405, 'error: only GET and HEAD\n', { allow: 'GET, HEAD' });
    }
    if (upper === 'bad-bound') return send(400, 'error: the upper bound must be a whole number\n');
    const value = await thinkOfRandint(upper, thinkMs);
    served++;
    send(200, `${value}\n`);
  };
  const server: Server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(`error: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0, backlog: 4096 }, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Clients keep connections alive between requests; they must not hold the close up.
      server.closeAllConnections();
    });
  return { host, port: address.port, served: () => served, close, [Symbol.asyncDispose]: close };
}
