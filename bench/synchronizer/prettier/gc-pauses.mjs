// Where a thread's garbage-collection pauses fall: inside prettier's own calls, or between them. V8 runs
// some collections when the thread next returns to its event loop (posted tasks) and the rest when an
// allocation needs room, so a worker that goes back to its loop after every call (synckit's, a bare worker)
// and one that stays parked on shared memory through a burst of calls (anysync's, while it lingers) spend
// the same pauses in different places: the second inside the next format call, the first between calls.
// Each thread that imports this module observes its own isolate's pauses.
import { PerformanceObserver } from 'node:perf_hooks';

/** [start, duration] of each pause on this thread's `performance` clock, in the order they happened. */
const pauses = [];
/** start, end, start, end, ... of the calls `track` timed since the last report. */
const calls = [];

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.duration]);
}).observe({ entryTypes: ['gc'] });

/** Records that one timed call ran from `start` to `end` (both from `performance.now()`). */
export function track(start, end) {
  calls.push(start, end);
}

/**
 * Milliseconds of pauses since the first call tracked after the last report: [inside a tracked call,
 * between or right after them], then forgets both lists. It first lets the event loop turn, as the
 * observer hears of pauses only then, and as a collection deferred to the loop belongs to those calls too.
 */
export async function gcPauses() {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const from = calls[0] ?? Number.POSITIVE_INFINITY;
  let inside = 0;
  let between = 0;
  let call = 0;
  for (const [start, duration] of pauses) {
    if (start < from) continue;
    while (call < calls.length && (calls[call + 1] ?? 0) < start) call += 2;
    if (call < calls.length && (calls[call] ?? 0) <= start) inside += duration;
    else between += duration;
  }
  pauses.length = 0;
  calls.length = 0;
  return [inside, between];
}
