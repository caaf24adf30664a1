// The worker side shared by anysync (loaded as a module) and synckit (wrapped by synckit-worker.mjs):
// prettier's async format, and the same with the time prettier itself took on this thread, so the cost of
// formatting can be told apart from the cost of getting there and back.
import { readFileSync } from 'node:fs';
import { format } from 'prettier';

export { format };

/**
 * CPU time this thread has run, in ms (Linux: /proc/thread-self/schedstat, nanoseconds on a CPU). Unlike
 * wall time it leaves out the time the thread waited for a CPU, so it shows the work itself even on a
 * shared machine. NaN elsewhere.
 */
export function threadCpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** Formats, returning [output, wall ms, CPU ms] of prettier's own work on this thread. */
export async function timedFormat(text, options) {
  const wall = performance.now();
  const cpu = threadCpuMs();
  const output = await format(text, options);
  return [output, performance.now() - wall, threadCpuMs() - cpu];
}
