import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvError, kv } from '../dist/sync-kv.js';

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  // The server runs in another process: this test blocks its own thread while it waits for replies.
  server = spawn(process.execPath, [new URL('../dist/server-main.js', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(server.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  port = Number(line.toString().trim());
});

afterAll(() => {
  server.kill();
});

describe('the key-value client, used synchronously', () => {
  it('keeps one connection with its state on the worker across blocking calls', () => {
    using client = kv().KvClient.connect(port);
    client.set('name', 'ada');
    expect(client.get('name')).toBe('ada');
    expect(client.get('missing')).toBeUndefined();
    expect([client.incr('n'), client.incr('n'), client.incr('n')]).toEqual([1, 2, 3]);
    expect(client.requests).toBe(6);
  });

  it('pages through keys with an async generator iterated synchronously', () => {
    using client = kv().KvClient.connect(port);
    for (const key of ['b', 'a', 'c', 'd', 'e']) client.set(`page:${key}`, key);
    expect([...client.keys('page:')]).toEqual(['page:a', 'page:b', 'page:c', 'page:d', 'page:e']);
    expect(client.requests).toBe(5 + 3);
  });

  it('rethrows server errors as KvError with their code', () => {
    using client = kv().KvClient.connect(port);
    client.set('text', 'not a number');
    let caught: unknown;
    try {
      client.incr('text');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KvError);
    expect(caught).toMatchObject({ code: 'ENOTINT', message: 'text does not hold an integer' });
  });

  it('runs many calls at once through the async twins', async () => {
    using client = kv().KvClient.connect(port);
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.set.async(`bulk:${i}`, String(i))));
    const values = Array.from({ length: 20 }, (_, i) => client.get.async(`bulk:${i}`)).map((future) =>
      future.result(),
    );
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });
});
