import { AsyncRemoteIterator } from '../synchronizer/caller/async-remote-iterator.js';
import type { ConnectionOptions } from '../synchronizer/caller/connection.js';
import { loaderFor, moduleHref } from '../synchronizer/caller/module-specifier.js';
import { workerEnv, workerExecArgv } from '../synchronizer/caller/worker-options.js';
import { ClosedError, OWN_ERRORS, WorkerCrashError } from '../synchronizer/errors.js';
import type { ErrorClass } from '../synchronizer/wire/error-record.js';
import { checkPoolCallOptions } from './check-pool-call-options.js';
import { checkPoolOptions } from './check-pool-options.js';
import { PoolTask, type TaskSpec } from './pool-task.js';
import { defaultPoolSize } from './default-pool-size.js';
import { type ModuleInfo, PoolWorker } from './pool-worker.js';
import { QueueFullError } from './queue-full-error.js';
import { TaskQueue } from './task-queue.js';
import type { Offloaded, PoolCallOptions } from './types.js';

/**
 * Options of a `WorkerPool`.
 *
 * @example
 * ```ts
 * const pool = new WorkerPool({ size: 4, maxQueue: 1_000, timeout: 30_000 });
 * ```
 */
export interface PoolOptions {
  /** Number of worker threads (default: the machine's available parallelism). Workers start on demand. */
  size?: number;
  /** Most tasks waiting for a worker; beyond it calls reject with a `QueueFullError` (default: unbounded). */
  maxQueue?: number;
  /**
   * Fewest tasks handed to a worker before it finishes the previous one (default 2): the next task is
   * already there when one ends, instead of a message round trip later. For short tasks the pool hands
   * over more, about a millisecond of work, so a burst of small tasks travels in few messages. A busy worker
   * is handed more only while the queue holds a task for every worker, so the last tasks of a burst go to
   * whichever worker frees up first instead of waiting behind a long one.
   */
  pipeline?: number;
  /** Default timeout of each task in milliseconds, queueing included (default: none). */
  timeout?: number;
  /**
   * Stop the worker running a task that is aborted or times out (default true): a blocking function cannot
   * notice an abort, and would otherwise keep the worker busy. Tasks queued on it move to another worker.
   */
  terminateOnAbort?: boolean;
  /** Node options for the workers, as for a `Synchronizer`. */
  execArgv?: readonly string[];
  /** Variables laid over `process.env` for the workers. */
  env?: Record<string, string | undefined>;
  /** A module hook loader such as `'tsx'`, for TypeScript modules on Node < 22.6. */
  loader?: string;
  /** Custom error classes to rebuild by name. */
  errors?: readonly ErrorClass[];
  /** Most items a generator produces ahead of its consumer, per batch (default 1024). */
  maxBatch?: number;
  /** Name of the worker threads (default 'worker pool'). */
  name?: string;
}

const LOAD_TIMEOUT = 30_000;

/**
 * Runs blocking or CPU-heavy sync functions of a module on a pool of worker threads, as promise-returning
 * functions (AnyIO's `to_thread`, for modules). Sync generators become lazy async iterators with
 * backpressure: the worker produces a batch ahead of the consumer at most, and exceptions surface where the
 * consumer is. Tasks queue in order; each can time out, be aborted by a signal, and transfer buffers.
 *
 * It speaks the same protocol as `Synchronizer`, so errors, transfers and generators behave the same.
 *
 * @example
 * ```ts
 * import { WorkerPool } from 'anysync/offload';
 *
 * await using pool = new WorkerPool({ size: 4 });
 * const heavy = await pool.load<typeof import('./heavy.js')>(new URL('./heavy.js', import.meta.url));
 * const digests = await Promise.all(files.map((file) => heavy.sha256(file)));
 * for await (const row of heavy.parseCsv(bigText)) console.log(row);
 * ```
 */
export class WorkerPool implements AsyncDisposable {
  readonly #options: PoolOptions;
  readonly #errors = new Map<string, ErrorClass>();
  readonly #workers: PoolWorker[] = [];
  readonly #queue = new TaskQueue<PoolTask>();
  #closed = false;

  constructor(options: PoolOptions = {}) {
    checkPoolOptions(options);
    this.#options = { ...options };
    for (const errorClass of [...OWN_ERRORS, ...(options.errors ?? [])])
      this.#errors.set(errorClass.name, errorClass);
  }

  /** The most workers the pool runs. */
  get size(): number {
    return Math.max(1, this.#options.size ?? defaultPoolSize());
  }

  /** Workers running, workers busy with a task, and tasks waiting for one. */
  get stats(): { workers: number; busy: number; queued: number } {
    const busy = this.#workers.filter((worker) => worker.inFlight > 0).length;
    return { workers: this.#workers.length, busy, queued: this.#queue.size };
  }

  /**
   * Loads a module on a pool worker (others load it when they first run one of its functions) and returns
   * its exports as promise-returning functions.
   */
  load<M extends object>(module: string | URL): Promise<Offloaded<M>> {
    // A module that is not a URL or a path fails here, at the call; a closed pool rejects.
    return this.#load<M>(moduleHref(module));
  }

  async #load<M extends object>(href: string): Promise<Offloaded<M>> {
    if (this.#closed) throw new ClosedError('the worker pool was closed');
    const loader = loaderFor(href, this.#options.loader);
    const worker = this.#workers.find((candidate) => !candidate.dead) ?? this.#spawn();
    const info = await worker.module(href, loader, LOAD_TIMEOUT);
    const proxy = Object.create(null) as Record<string, unknown>;
    for (const [name, member] of info.members) {
      proxy[name] = member.kind === 'value' ? member.value : this.#function(href, loader, name, member.kind);
    }
    return proxy as Offloaded<M>;
  }

  #function(href: string, loader: string | undefined, name: string, kind: string, options?: PoolCallOptions) {
    const generator = kind === 'generator' || kind === 'asyncGenerator';
    const fn = (...args: unknown[]) => {
      const run = () => this.#submit({ href, loader, name, args, options });
      return generator ? AsyncRemoteIterator.deferred(run as () => Promise<AsyncIterator<unknown>>) : run();
    };
    const bind = (more: PoolCallOptions) => {
      checkPoolCallOptions(more, `${name}.with()`);
      return this.#function(href, loader, name, kind, { ...options, ...more });
    };
    return Object.assign(fn, { with: bind });
  }

  #submit(spec: TaskSpec): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const maxQueue = this.#options.maxQueue ?? Number.POSITIVE_INFINITY;
      if (this.#closed) reject(new ClosedError('the worker pool was closed'));
      else if (this.#queue.size >= maxQueue) {
        reject(new QueueFullError(`${this.#queue.size} tasks are already waiting (maxQueue ${maxQueue})`));
      } else {
        const task: PoolTask = new PoolTask(spec, resolve, reject);
        if (!task.arm(this.#options.timeout, (reason) => this.#abort(task, reason))) return;
        this.#queue.push(task);
        this.#pump();
        // Not sent yet (queued, or its worker is still loading the module): it must not see later changes.
        if (!task.future) task.capture();
      }
    });
  }

  #abort(task: PoolTask, reason: unknown): void {
    if (task.settled) return;
    if (this.#queue.remove(task)) {
      task.settle(false, reason);
      return;
    }
    const { worker, future } = task;
    task.controller?.abort(reason);
    // Only a task the worker has begun can be holding it; one still queued there is merely dropped.
    const running = worker !== undefined && future !== undefined && worker.started(future);
    if (running && this.#options.terminateOnAbort !== false) this.#retire(worker);
  }

  #pump(): void {
    while (this.#queue.size > 0) {
      const worker = this.#available();
      if (!worker) return;
      const task = this.#queue.shift();
      if (task) this.#run(worker, task);
    }
  }

  /** The least busy worker with room in its pipeline, starting a new worker if all are busy. */
  #available(): PoolWorker | undefined {
    let best: PoolWorker | undefined;
    for (const worker of this.#workers) {
      if (!worker.dead && (!best || worker.inFlight < best.inFlight)) best = worker;
    }
    if (best && best.inFlight === 0) return best;
    if (this.#workers.length < this.size) return this.#spawn();
    // A busy worker is handed more only while every other worker, as it frees up, will still find a task
    // here: at the end of a burst a task queued behind a long one could wait there while a worker idles.
    if (this.#queue.size < this.#workers.length) return undefined;
    return best && best.inFlight < best.depth(Math.max(1, this.#options.pipeline ?? 2)) ? best : undefined;
  }

  #run(worker: PoolWorker, task: PoolTask): void {
    worker.inFlight++;
    task.worker = worker;
    const sentAt = performance.now();
    const { spec } = task;
    const info = worker.module(spec.href, spec.loader, LOAD_TIMEOUT);
    const call = (loaded: ModuleInfo) => {
      task.future = worker.call(loaded, spec.name, spec.args, task.callOptions);
      return task.future;
    };
    const settled = info instanceof Promise ? info.then(call) : call(info);
    settled.then(
      (value) => {
        worker.done(sentAt);
        this.#finish(worker, task, true, value);
      },
      (error: unknown) => {
        worker.done(sentAt);
        this.#finish(worker, task, false, error);
      },
    );
  }

  #finish(worker: PoolWorker, task: PoolTask, ok: boolean, result: unknown): void {
    worker.inFlight--;
    const lost = worker.dead || result instanceof WorkerCrashError || result instanceof ClosedError;
    if (!ok && lost && !task.settled) this.#forget(worker);
    const ran = task.future !== undefined && worker.started(task.future);
    const aborted = task.controller?.signal.aborted ?? false;
    if (!ok && lost && !task.settled && !this.#closed && !ran && !aborted) {
      // The task never ran on the lost worker: it goes back to the front of the queue.
      task.worker = undefined;
      task.future = undefined;
      this.#queue.unshift(task);
    } else {
      task.settle(ok, result);
    }
    this.#pump();
  }

  #spawn(): PoolWorker {
    const options = this.#options;
    const connection: ConnectionOptions = {
      timeout: Number.POSITIVE_INFINITY,
      maxBatch: options.maxBatch ?? 1024,
      errors: this.#errors,
      execArgv: workerExecArgv(options.execArgv),
      env: workerEnv(options.env),
      linger: 0,
      captureOutput: false,
      sharedMemoryLimit: 1024 * 1024,
      name: options.name ?? 'worker pool',
    };
    const worker = new PoolWorker(connection);
    worker.connection.link.start();
    this.#workers.push(worker);
    return worker;
  }

  /** Stops a worker (its running task was aborted); its queued tasks move to other workers. */
  #retire(worker: PoolWorker): void {
    this.#forget(worker);
    void worker.terminate();
  }

  #forget(worker: PoolWorker): void {
    worker.dead = true;
    const index = this.#workers.indexOf(worker);
    if (index >= 0) this.#workers.splice(index, 1);
  }

  /** Terminates every worker; queued and running tasks fail with a `ClosedError`. */
  async close(): Promise<void> {
    this.#closed = true;
    const error = new ClosedError('the worker pool was closed');
    for (let task = this.#queue.shift(); task; task = this.#queue.shift()) task.settle(false, error);
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
