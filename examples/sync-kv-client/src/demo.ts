/**
 * The demo: a TCP key-value server in a child process on loopback, and a persistent async client to it
 * driven entirely from sync code.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { KvError, kv, synchronizer } from './sync-kv.js';

async function startServerProcess(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [new URL('./server-main.js', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { port: Number(line.toString().trim()), stop: () => child.kill() };
}

function syncPart(port: number): void {
  const { KvClient } = kv();
  using client = KvClient.connect(port);
  console.log(`connected to the server on 127.0.0.1:${port} (the connection lives on the worker)`);

  client.set('greeting', 'hello from sync code');
  console.log(`get greeting       → ${client.get('greeting')}`);
  for (let i = 0; i < 3; i++) client.incr('visits');
  console.log(`incr visits ×3     → ${client.get('visits')}`);

  for (const name of ['ada', 'brian', 'grace', 'linus', 'margaret'])
    client.set(`user:${name}`, name.length.toString());
  const users: string[] = [];
  for (const key of client.keys('user:')) users.push(key);
  console.log(`keys user:* (paged async generator, iterated synchronously) → ${users.join(', ')}`);

  const futures = users.map((key) => client.get.async(key));
  console.log(
    `five gets started at once, collected later → ${futures.map((future) => future.result()).join(', ')}`,
  );

  try {
    client.incr('greeting');
  } catch (error) {
    console.log(
      `incr greeting      → ${(error as Error).name} ${(error as KvError).code}: ${(error as Error).message} (instanceof KvError: ${error instanceof KvError})`,
    );
  }

  const started = performance.now();
  for (let i = 0; i < 1000; i++) client.get('greeting');
  const perCall = ((performance.now() - started) * 1000) / 1000;
  console.log(`1000 blocking gets over TCP: ${perCall.toFixed(1)} µs each`);
  console.log(`requests sent on the one connection: ${client.requests}`);
}

const server = await startServerProcess();
try {
  syncPart(server.port);
} finally {
  server.stop();
  await synchronizer.close();
}
