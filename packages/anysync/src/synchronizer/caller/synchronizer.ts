import { ClosedError, DeadlockError, OWN_ERRORS } from '../errors.js';
import { Op } from '../protocol.js';
import type { Synchronized } from '../types.js';
import type { ErrorClass } from '../wire/error-record.js';
import { servedModules } from '../worker/worker-identity.js';
import { Connection } from './connection.js';
import { loaderFor, moduleHref } from './module-specifier.js';
import { workerEnv, workerExecArgv } from './worker-options.js';

/**
 * Options of a `Synchronizer`; every one has a sensible default.
 *
 * @example
 * ```ts
 * const sync = new Synchronizer({ timeout: 10_000, loader: 'tsx', errors: [DatabaseError] });
 * ```
 */
export interface SynchronizerOptions {
  /** Default per-call timeout in milliseconds (default: none). Calls override it with `fn.with({ timeout })`. */
  timeout?: number;
  /** Timeout of `load()`, which includes starting the worker (default 30 000 ms). */
  loadTimeout?: number;
  /** Node options for the worker (default: inherited from the process, like any worker). */
  execArgv?: readonly string[];
  /** Variables laid over `process.env` for the worker. */
  env?: Record<string, string | undefined>;
  /**
   * A module the worker imports before loading modules, to register module hooks; `'tsx'` is short for
   * `tsx/esm/api`. Needed for TypeScript modules on Node < 22.6 unless the process runs with tsx already.
   */
  loader?: string;
  /** Custom error classes to rebuild (by class name) when thrown on the worker, so `instanceof` works. */
  errors?: readonly ErrorClass[];
  /**
   * Milliseconds the worker stays parked on shared memory after a blocking reply, waiting for the next call
   * of a burst, before it returns to its event loop (default 10; 0 disables it). Messages from the caller
   * end it at once, but the worker's own timers and I/O wait that long at most.
   */
  linger?: number;
  /**
   * Microseconds each side of a blocking call polls shared memory before it parks on a futex: the caller
   * for its reply, the worker (while it lingers) for the next call (default 50; 0 parks at once). A futex
   * wake-up costs several microseconds per side, more than a small call, so a burst of small calls never
   * sleeps. Polling costs up to that much CPU time per call and never delays the worker's event loop
   * beyond `linger`; a caller whose poll came back empty parks at once for its next few calls.
   */
  poll?: number;
  /**
   * Most items an iterator pulls ahead of its consumer (default 4096; lower it when items are large, as
   * that many may be held in memory at once). Batches start at 16 items and double
   * while the consumer keeps going, up to half of this, and the worker pulls the next batch while the
   * consumer works through the current one. A short iteration or an early `break` never pays for a large
   * batch.
   */
  maxBatch?: number;
  /** Bytes each shared request/reply area may grow to; larger payloads travel by message (default 64 MiB). */
  sharedMemoryLimit?: number;
  /** Forward the worker's console output so it appears before each call returns (default true). */
  captureOutput?: boolean;
  /** Thread name shown in debuggers and in error messages (default 'synchronizer'). */
  name?: string;
}

const DEFAULT_LOAD_TIMEOUT = 30_000;
/**
 * Batches of up to 2048 items, one pulled ahead: a long iteration costs a round trip (and, on a busy or
 * virtual machine, a wake-up of tens of microseconds) per 2048 items. Reached only after ~4000 items.
 */
const DEFAULT_MAX_BATCH = 4096;
/**
 * Long enough to ride out the caller being descheduled for a time slice on a busy machine, and past the
 * kernel tick: much shorter timed waits cost more per wake-up on virtual machines.
 */
const DEFAULT_LINGER = 10;
/** About two futex wake-ups on a virtual machine: long enough to catch a small call's reply. */
const DEFAULT_POLL = 50;

/**
 * Runs async code on a dedicated worker thread so sync code can call it: functions block until their
 * promise settles, async generators become iterators, classes are constructed on the worker and used
 * through handles whose state stays there. Every function also has a promise-returning `.async` twin.
 *
 * Creating a synchronizer starts nothing; the worker starts with the first `load()` and, while idle,
 * never keeps the process alive.
 *
 * @example
 * ```ts
 * import { Synchronizer } from 'anysync/synchronizer';
 *
 * const sync = new Synchronizer({ timeout: 5_000 });
 * const fs = sync.load<typeof import('node:fs/promises')>('node:fs/promises');
 * const text = fs.readFile('package.json', 'utf8'); // blocks; no await
 * console.log(JSON.parse(text).name);
 * await sync.close();
 * ```
 */
export class Synchronizer implements Disposable, AsyncDisposable {
  readonly #options: SynchronizerOptions;
  readonly #errors = new Map<string, ErrorClass>();
  readonly #modules = new Map<string, object>();
  #connection: Connection | undefined;
  #closed = false;

  constructor(options: SynchronizerOptions = {}) {
    this.#options = { ...options };
    this.registerErrors(...OWN_ERRORS, ...(options.errors ?? []));
  }

  /**
   * Loads a module on the worker (blocking) and returns its sync proxy. `module` is an absolute path, a
   * URL (`new URL('./api.js', import.meta.url)`), or a bare specifier resolved from anysync's location.
   * Loading the same module again returns the same proxy.
   */
  load<M extends object>(module: string | URL): Synchronized<M> {
    if (this.#closed) throw new ClosedError('the synchronizer was closed');
    const href = moduleHref(module);
    const cached = this.#modules.get(href);
    if (cached) return cached as Synchronized<M>;
    if (servedModules()?.has(href)) {
      throw new DeadlockError(
        `a blocking load of ${href} from the worker that serves it would wait on itself forever; call the module directly here`,
      );
    }
    const connection = this.#connect();
    const timeout = this.#options.loadTimeout ?? DEFAULT_LOAD_TIMEOUT;
    const proxy = connection.load(href, loaderFor(href, this.#options.loader), timeout);
    this.#modules.set(href, proxy);
    return proxy as Synchronized<M>;
  }

  /** Like `load()`, without blocking: for async callers that share the proxy with sync code. */
  async loadAsync<M extends object>(module: string | URL): Promise<Synchronized<M>> {
    if (this.#closed) throw new ClosedError('the synchronizer was closed');
    const href = moduleHref(module);
    const cached = this.#modules.get(href);
    if (cached) return cached as Synchronized<M>;
    const connection = this.#connect();
    const args = [href, loaderFor(href, this.#options.loader)];
    const call = { op: Op.load, target: 0, name: -1, args, label: `load(${href})` };
    const proxy = await connection.callAsync<object>(call, {
      timeout: this.#options.loadTimeout ?? DEFAULT_LOAD_TIMEOUT,
    });
    this.#modules.set(href, proxy);
    return proxy as Synchronized<M>;
  }

  /** Adds error classes to rebuild by name; returns the synchronizer. */
  registerErrors(...classes: ErrorClass[]): this {
    for (const errorClass of classes) this.#errors.set(errorClass.name, errorClass);
    return this;
  }

  /** Whether the worker has been started (by a first `load()`). */
  get started(): boolean {
    return this.#connection?.link.started ?? false;
  }

  /** The worker's thread id once started. */
  get threadId(): number | undefined {
    return this.#connection?.link.threadId;
  }

  /** Terminates the worker. Pending calls fail with a `ClosedError`, and so does any later use. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#connection?.link.close();
  }

  [Symbol.dispose](): void {
    void this.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #connect(): Connection {
    if (this.#closed) throw new ClosedError('the synchronizer was closed');
    if (this.#connection) return this.#connection;
    const options = this.#options;
    this.#connection = new Connection({
      timeout: options.timeout ?? Number.POSITIVE_INFINITY,
      maxBatch: options.maxBatch ?? DEFAULT_MAX_BATCH,
      errors: this.#errors,
      execArgv: workerExecArgv(options.execArgv),
      env: workerEnv(options.env),
      linger: options.linger ?? DEFAULT_LINGER,
      poll: options.poll ?? DEFAULT_POLL,
      captureOutput: options.captureOutput ?? true,
      sharedMemoryLimit: options.sharedMemoryLimit ?? 64 * 1024 * 1024,
      name: options.name ?? 'synchronizer',
    });
    return this.#connection;
  }
}
