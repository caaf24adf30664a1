import { sleepSync } from 'anysync/runtime';
import { type Synchronized, Synchronizer } from 'anysync/synchronizer';
import type { SyncBackend } from './backend.js';

type PoolHost = Synchronized<typeof import('./thread-pool-host.js')>;

/** How many naps the threads backend runs at once (the rest wait for a free thread, like a thread pool). */
export const DEFAULT_THREADS = 32;

/**
 * The sync backend: `sleepSync` blocks, and parallel naps run on a pool of worker threads. Sync code
 * cannot await the pool, so the pool lives on a Synchronizer's worker and the caller blocks on it. Nothing
 * starts until the first parallel nap.
 */
export function createThreadBackend(threads = DEFAULT_THREADS): SyncBackend {
  let synchronizer: Synchronizer | undefined;
  let host: PoolHost | undefined;
  let warmed = 0;
  const sleep = (seconds: number): number => {
    const started = performance.now();
    sleepSync(seconds * 1000);
    return (performance.now() - started) / 1000;
  };
  return {
    name: 'threads',
    color: 'sync',
    sleep,
    prepare(count) {
      if (count < 2 || count <= warmed) return;
      synchronizer ??= new Synchronizer({ name: 'sleepy threads' });
      host ??= synchronizer.load<typeof import('./thread-pool-host.js')>(
        new URL('./thread-pool-host.js', import.meta.url),
      );
      host.warm(count, threads);
      warmed = Math.min(count, threads);
    },
    sleepInParallel(count, seconds) {
      if (count === 0) return [];
      if (count === 1) return [sleep(seconds)];
      this.prepare(count);
      return host!.sleepInParallel(count, seconds, threads);
    },
    close() {
      host?.close();
      synchronizer?.[Symbol.dispose]();
      host = undefined;
      synchronizer = undefined;
      warmed = 0;
    },
  };
}
