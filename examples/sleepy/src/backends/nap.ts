// Runs on the pool's worker threads: one blocking nap per task.
import { sleepSync } from 'anysync/runtime';

/** Blocks this worker thread for `seconds`, returning the seconds actually slept. */
export function nap(seconds: number): number {
  const started = performance.now();
  sleepSync(seconds * 1000);
  return (performance.now() - started) / 1000;
}
