// Runs on the Synchronizer's worker, which has an event loop: it owns the pool that sync code cannot await.
import { type Offloaded, WorkerPool } from 'anysync/offload';

let pool: WorkerPool | undefined;
let naps: Promise<Offloaded<typeof import('./nap.js')>> | undefined;

/** Starts `count` pool threads (at most `threads`) by giving each an empty nap at the same time. */
export async function warm(count: number, threads: number): Promise<void> {
  await sleepInParallel(Math.min(count, threads), 0, threads);
}

/** Runs `count` blocking naps on up to `threads` pool threads at once; the seconds each one slept. */
export async function sleepInParallel(count: number, seconds: number, threads: number): Promise<number[]> {
  pool ??= new WorkerPool({ size: threads, name: 'sleepy naps' });
  naps ??= pool.load<typeof import('./nap.js')>(new URL('./nap.js', import.meta.url));
  const { nap } = await naps;
  return await Promise.all(Array.from({ length: count }, () => nap(seconds)));
}

/** Stops the pool's threads. */
export async function close(): Promise<void> {
  await pool?.close();
  pool = undefined;
  naps = undefined;
}
