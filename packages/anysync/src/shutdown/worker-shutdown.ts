import { holdOpen, release } from '../dual-queue/keep-alive.js';
import { waitAsync } from '../dual-queue/wait-async.js';
import { abortable } from '../concurrency/abortable.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { canBlock } from '../runtime/current-runtime.js';
import { checkShutdownHandle, REQUEST, type ShutdownHandle, STOPPING } from './shutdown-handle.js';

/**
 * A worker thread's view of its process's `ShutdownService`: signals reach only the main thread, so the
 * service shares its state with workers through shared memory. A worker can check `stopping` in a loop,
 * pass `signal` to its work, `await wait()` or block in `waitSync()` until the shutdown begins, and ask the
 * main thread to shut down with `request(code)`.
 *
 * @example
 * ```ts
 * import { workerData } from 'node:worker_threads';
 * import { WorkerShutdown } from 'anysync/shutdown';
 *
 * const shutdown = WorkerShutdown.from(workerData.shutdown);
 * while (!shutdown.stopping) {
 *   // take a job, do it; the main thread's join hook waits for this worker to exit
 *   await new Promise((resolve) => setTimeout(resolve, 10));
 * }
 * ```
 */
export class WorkerShutdown {
  readonly #state: Int32Array;
  #controller: AbortController | undefined;

  /** Opens the shutdown state behind `handle` (the main thread's `service.handle`). */
  static from(handle: ShutdownHandle): WorkerShutdown {
    return new WorkerShutdown(checkShutdownHandle(handle, 'WorkerShutdown.from()'));
  }

  private constructor(state: Int32Array) {
    this.#state = state;
  }

  /** Whether the shutdown has begun. */
  get stopping(): boolean {
    return Atomics.load(this.#state, STOPPING) === 1;
  }

  /**
   * An AbortSignal that aborts when the shutdown begins. Watching it does not keep the thread alive: a
   * worker with nothing else to do still exits.
   */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      const abort = (): void => controller.abort(new Error('the process is shutting down'));
      const wait = waitAsync(this.#state, STOPPING, 0);
      if (wait.async) void wait.value.then(abort);
      else abort();
    }
    return this.#controller.signal;
  }

  /** Resolves when the shutdown begins, keeping the thread alive meanwhile. */
  wait(options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'WorkerShutdown.wait()');
    return this.#wait(options);
  }

  async #wait(options: WaitOptions | undefined): Promise<void> {
    const wait = waitAsync(this.#state, STOPPING, 0);
    if (!wait.async) return;
    holdOpen();
    try {
      await abortable(wait.value, options);
    } finally {
      release();
    }
  }

  /** Blocks the thread until the shutdown begins or `timeout` ms pass; returns whether it has begun. */
  waitSync(timeout?: number): boolean {
    if (timeout !== undefined) checkMilliseconds(timeout, 'WorkerShutdown.waitSync(): timeout', true);
    if (!canBlock())
      throw new Error('WorkerShutdown.waitSync(): this thread may not block; use await wait()');
    Atomics.wait(this.#state, STOPPING, 0, timeout);
    return this.stopping;
  }

  /** Asks the main thread's service to shut down; `code` (an integer >= 0) reaches its cause. */
  request(code = 0): void {
    // An exit code (POSIX keeps 8 bits); stored + 1 in an Int32 word, where 0 means "no request".
    checkInteger(code, 'WorkerShutdown.request(): code', 0, 255);
    Atomics.compareExchange(this.#state, REQUEST, 0, code + 1);
    Atomics.notify(this.#state, REQUEST);
  }
}
