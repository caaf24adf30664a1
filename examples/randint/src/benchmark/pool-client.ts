// Runs on each thread of the benchmark's WorkerPool: a sync client per thread, like the talk's threads.
import { RandintClient } from '../sync/index.js';

let client: RandintClient | undefined;

/** One blocking request from this thread's sync client. */
export function randint(host: string, port: number, upper: number): number {
  client ??= new RandintClient({ host, port });
  return client.randint(upper);
}
