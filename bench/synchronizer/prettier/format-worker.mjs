// The worker side shared by anysync (loaded as a module) and synckit (wrapped by synckit-worker.mjs), also
// imported on the main thread to time prettier there: prettier's async format, the same with the time
// prettier itself took on this thread, so the cost of formatting can be told apart from the cost of getting
// there and back, and where this thread's garbage-collection pauses fell (see gc-pauses.mjs).
import { format } from 'prettier';
import { gcPauses, track } from './gc-pauses.mjs';

export { format, gcPauses };

/**
 * Formats, returning [output, wall ms of prettier's own work on this thread]. Wall time only: a thread's CPU
 * time as Linux reports it (/proc/thread-self/schedstat) is brought up to date only at scheduler ticks and
 * context switches, so over a call of a few milliseconds it is off by up to a tick, and biased by where the
 * thread parks between calls (measured here: of 200 spins of 2 ms, 87 read under 0.5 ms of CPU).
 */
export async function timedFormat(text, options) {
  const start = performance.now();
  const output = await format(text, options);
  const end = performance.now();
  track(start, end);
  return [output, end - start];
}
