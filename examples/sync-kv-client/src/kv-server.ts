/**
 * A tiny key-value server over TCP, one request per line: `SET key value`, `GET key`, `DEL key`,
 * `INCR key`, `KEYS prefix cursor count`. Replies are one line: `OK`, `VALUE v`, `NIL`, `INT n`,
 * `PAGE next k1 k2 ...` or `ERR code message`. It stands for any network service a client keeps a
 * connection to.
 */
import { createServer, type Server } from 'node:net';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the server on loopback; port 0 picks a free one. */
export function startServer(port = 0): Promise<RunningServer> {
  const store = new Map<string, string>();
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
        socket.write(`${answer(store, buffered.slice(0, newline))}\n`);
        buffered = buffered.slice(newline + 1);
      }
    });
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function answer(store: Map<string, string>, line: string): string {
  const [command = '', key = '', ...rest] = line.split(' ');
  if (command !== 'KEYS' && key === '') return 'ERR EKEY a key is required';
  switch (command) {
    case 'SET':
      store.set(key, rest.join(' '));
      return 'OK';
    case 'GET':
      return store.has(key) ? `VALUE ${store.get(key)}` : 'NIL';
    case 'DEL':
      return store.delete(key) ? 'INT 1' : 'INT 0';
    case 'INCR': {
      const next = Number(store.get(key) ?? '0') + 1;
      if (!Number.isInteger(next)) return `ERR ENOTINT ${key} does not hold an integer`;
      store.set(key, String(next));
      return `INT ${next}`;
    }
    case 'KEYS': {
      const [cursor = '0', count = '10'] = rest;
      const keys = [...store.keys()].filter((name) => name.startsWith(key)).sort();
      const start = Number(cursor);
      const page = keys.slice(start, start + Number(count));
      const next = start + page.length < keys.length ? start + page.length : 0;
      return ['PAGE', next, ...page].join(' ');
    }
    default:
      return `ERR ECOMMAND unknown command ${command}`;
  }
}
