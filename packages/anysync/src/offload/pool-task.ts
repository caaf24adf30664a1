import type { Future } from '../synchronizer/caller/future.js';
import { TimeoutError } from '../synchronizer/errors.js';
import type { PoolWorker } from './pool-worker.js';
import type { PoolCallOptions } from './types.js';

/** Which export to call, and how. */
export interface TaskSpec {
  href: string;
  loader: string | undefined;
  name: string;
  args: unknown[];
  options: PoolCallOptions | undefined;
}

/**
 * One call submitted to a pool, from the queue to its result. It owns the task's timeout and signal:
 * either ends the task wherever it is (the pool decides what that means for a running task).
 */
export class PoolTask {
  worker: PoolWorker | undefined;
  /** The call on the worker, once sent: asked whether the worker had started it when the worker is lost. */
  future: Future<unknown> | undefined;
  settled = false;
  /** Aborts the running task on its worker; present only for tasks that can time out or be aborted. */
  controller: AbortController | undefined;
  #cleanup: (() => void) | undefined;

  constructor(
    readonly spec: TaskSpec,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /**
   * Arms the timeout (counted from submission) and the signal; `onAbort` hears of either. False when the
   * signal had already aborted: the task is then settled and must not be queued.
   */
  arm(defaultTimeout: number | undefined, onAbort: (reason: unknown) => void): boolean {
    const signal = this.spec.options?.signal;
    if (signal?.aborted) {
      this.settle(false, signal.reason);
      return false;
    }
    const timeout = this.spec.options?.timeout ?? defaultTimeout;
    if (!signal && timeout === undefined) return true;
    this.controller = new AbortController();
    const abort = () => onAbort(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    const expire = () => onAbort(new TimeoutError(`${this.spec.name} timed out after ${timeout} ms`));
    const timer = timeout === undefined ? undefined : setTimeout(expire, timeout);
    this.#cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    return true;
  }

  /**
   * Takes the arguments as they are now, for a task left waiting in the queue: the caller may change an
   * object it passed before the task is sent, and the task must run with what it was given, as one sent
   * at once does. Calls with a transfer list keep their objects (they handed them over); an argument that
   * structured clone refuses is kept too, for the send to report with its path.
   */
  capture(): void {
    const { args, options } = this.spec;
    if (options?.transfer) return;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (typeof arg !== 'object' || arg === null) continue;
      try {
        args[i] = structuredClone(arg);
      } catch {
        // Left as it is: the send fails with a `CloneError` naming the value.
      }
    }
  }

  /** The options the worker call gets: the pool's own signal stands for the timeout and the caller's signal. */
  get callOptions(): PoolCallOptions | undefined {
    const { options } = this.spec;
    return this.controller ? { ...options, timeout: undefined, signal: this.controller.signal } : options;
  }

  settle(ok: boolean, result: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.#cleanup?.();
    if (ok) this.resolve(result);
    else this.reject(result);
  }
}
