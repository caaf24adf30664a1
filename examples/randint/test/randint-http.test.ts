import { type ChildProcess, spawn } from 'node:child_process';
import { twinCases } from 'anysync/testing';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The built twins: the sync twin's network I/O runs compiled modules on a Synchronizer's worker.
import * as asyncTwin from '../dist/async/index.js';
import { type LaunchedServer, launchServer } from '../dist/server/launch-server.js';
import { RandintServerError } from '../dist/shared/randint-server-error.js';
import * as syncTwin from '../dist/sync/index.js';

let server: LaunchedServer;
let closedPort: number;

/** A loopback port nothing listens on (fetch refuses to even try port 1, a "bad port" to browsers). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
let busy: { port: number; child: ChildProcess };

/** A server in a child process that answers every request with 503 (the sync twin blocks this thread). */
async function startBusyServer(): Promise<{ port: number; child: ChildProcess }> {
  const script = `require('node:http')
    .createServer((request, response) => response.writeHead(503).end('busy, try later\\n'))
    .listen(0, '127.0.0.1', function () { process.send(this.address().port); });
    process.on('disconnect', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(message as number));
    child.once('exit', (code) => reject(new Error(`the busy server exited with ${code}`)));
  });
  return { port, child };
}

beforeAll(async () => {
  server = await launchServer('http');
  busy = await startBusyServer();
  closedPort = await freePort();
});
afterAll(async () => {
  busy?.child.disconnect();
  await server?.close();
});

describe.each(twinCases({ async: asyncTwin, sync: syncTwin }, { syncNeedsBlocking: true }))(
  '$name over HTTP',
  ({ api, skip }) => {
    it.skipIf(skip)('gets random numbers within the bound from GET /randint/<upper>', async () => {
      const client = new api.AsyncRandintClient(server);
      expect(client.protocol).toBe('http');
      const value = await client.randint(25);
      expect(Number.isInteger(value) && value >= 0 && value <= 25).toBe(true);
      expect(await client.randint(0)).toBe(0);
    });

    it.skipIf(skip)('makes many requests and streams', async () => {
      const client = new api.AsyncRandintClient(server);
      const values = await client.randints(3, 30);
      expect(values).toHaveLength(30);
      expect(values.every((value) => value >= 0 && value <= 3)).toBe(true);
      const streamed: number[] = [];
      for await (const value of client.stream(1)) if (streamed.push(value) === 3) break;
      expect(streamed.every((value) => value === 0 || value === 1)).toBe(true);
    });

    it.skipIf(skip)('throws the shared RandintServerError for an error status', async () => {
      const client = new api.AsyncRandintClient({ port: busy.port, protocol: 'http' });
      const error = await client.randint(5).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RandintServerError);
      expect(error).toMatchObject({ status: 503, body: 'busy, try later\n' });
    });

    it.skipIf(skip)('reports a refused connection as the network error it is', async () => {
      const closed = new api.AsyncRandintClient({ port: closedPort, protocol: 'http' });
      await expect(closed.randint(5)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    });

    it('refuses an unknown protocol at construction', () => {
      expect(() => new api.AsyncRandintClient({ port: 80, protocol: 'udp' as 'http' })).toThrow(
        `protocol must be 'tcp' or 'http', got "udp"`,
      );
    });
  },
);

describe('the HTTP server', () => {
  const get = (path: string, init?: RequestInit) =>
    fetch(`http://${server.host}:${server.port}${path}`, init);

  it('answers the talk request with a number and a newline', async () => {
    const response = await get('/randint/2500');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/^\d+\n$/);
  });

  it('answers a bad bound with 400, another path with 404, another method with 405', async () => {
    const bad = await get('/randint/twenty');
    expect([bad.status, await bad.text()]).toEqual([400, 'error: the upper bound must be a whole number\n']);
    const missing = await get('/random/25');
    expect(missing.status).toBe(404);
    const post = await get('/randint/25', { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});
