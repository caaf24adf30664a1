import { checkFinite } from '../internal/check-number.js';
import { canBlock, currentRuntime } from './current-runtime.js';

let sleeper: Int32Array | undefined;

/**
 * Blocks the current thread for `ms` milliseconds, then returns `value`.
 *
 * This is the sync twin of `setTimeout` from `node:timers/promises`: `anysync generate` maps
 * `await setTimeout(ms, value)` to `sleepSync(ms, value)`. It waits with `Atomics.wait`, so it burns no
 * CPU; it throws where blocking is forbidden (a browser's main thread).
 *
 * @example
 * ```ts
 * import { sleepSync } from 'anysync/runtime';
 *
 * const started = Date.now();
 * const answer = sleepSync(50, 42);
 * console.log(answer, Date.now() - started >= 50); // 42 true
 * ```
 */
export function sleepSync<T = void>(ms: number, value?: T): T {
  // A number, and finite: blocking a thread forever is never what was meant, and nothing could end it.
  // A negative delay is due at once, as with setTimeout, which this stands in for in generated sync twins
  // (`setTimeout(resolve, deadline - Date.now())` must not throw in one twin and sleep 0 in the other).
  const delay = checkFinite(ms, 'sleepSync(): ms');
  if (!canBlock()) {
    const runtime = currentRuntime();
    throw new Error(
      `sleepSync: this thread may not block (${runtime.name}, ${runtime.thread} thread` +
        `${runtime.sharedMemory ? '' : ', no SharedArrayBuffer'}); use the async twin here`,
    );
  }
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  if (delay > 0) {
    // Atomics.wait may wake early on a spurious notify; loop until the deadline has truly passed.
    const deadline = performance.now() + delay;
    let remaining = delay;
    while (remaining > 0) {
      Atomics.wait(sleeper, 0, 0, remaining);
      remaining = deadline - performance.now();
    }
  }
  return value as T;
}
