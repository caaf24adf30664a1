import { fork } from 'node:child_process';
import type { RandintProtocol } from '../shared/randint-protocol.js';

/** A server running in a child process. */
export interface LaunchedServer extends AsyncDisposable {
  readonly host: string;
  readonly port: number;
  readonly protocol: RandintProtocol;
  close(): Promise<void>;
}

/**
 * Starts the server in a child process on a free loopback port, speaking the raw TCP protocol or HTTP. Sync
 * clients block their thread while they wait for a reply, so the server must not share a thread with them.
 */
export async function launchServer(protocol: RandintProtocol = 'tcp'): Promise<LaunchedServer> {
  const child = fork(new URL('./server-main.js', import.meta.url), protocol === 'http' ? ['--http'] : [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the randint server exited with code ${code}`)));
  });
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    await exited;
  };
  return { host: '127.0.0.1', port, protocol, close, [Symbol.asyncDispose]: close };
}
