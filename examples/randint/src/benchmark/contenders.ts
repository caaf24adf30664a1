import { WorkerPool } from 'anysync/offload';
import { AsyncRandintClient } from '../async/index.js';
import type { RandintAddress } from '../shared/randint-protocol.js';
import { RandintClient } from '../sync/index.js';

/** One way of making `count` requests; resolves when all replies are in. */
export interface Contender {
  readonly name: string;
  run(count: number): Promise<void>;
  close(): Promise<void>;
}

const UPPER = 20;

/** The sync twin, one request after another (the talk's plain sync loop). */
export function sequentialSync(address: RandintAddress): Contender {
  const client = new RandintClient(address);
  return {
    name: 'sync, sequential',
    run: async (count) => {
      for (let i = 0; i < count; i++) client.randint(UPPER);
    },
    close: async () => {},
  };
}

/** The sync twin on a pool of worker threads, one client per thread (the talk's thread pool). */
export function threadPool(address: RandintAddress, threads: number): Contender {
  const pool = new WorkerPool({ size: threads, name: 'randint threads' });
  const loaded = pool.load<typeof import('./pool-client.js')>(new URL('./pool-client.js', import.meta.url));
  return {
    name: `sync, ${threads} threads`,
    run: async (count) => {
      const { randint } = await loaded;
      await Promise.all(
        Array.from({ length: count }, () => randint(address.host ?? '127.0.0.1', address.port, UPPER)),
      );
    },
    close: () => pool.close(),
  };
}

/** The async client, every request at once (the talk's asyncio.gather). */
export function asyncGather(address: RandintAddress): Contender {
  const client = new AsyncRandintClient(address);
  return {
    name: 'async',
    run: async (count) => {
      await client.randints(UPPER, count);
    },
    close: async () => {},
  };
}
