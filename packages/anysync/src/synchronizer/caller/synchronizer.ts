import { ClosedError, DeadlockError, OWN_ERRORS } from '../errors.js';
import { moduleOfCaller } from '../module-of-caller.js';
import { Op } from '../protocol.js';
import type { Synchronized } from '../types.js';
import type { ErrorClass } from '../wire/error-record.js';
import { loadingChain } from '../worker/worker-identity.js';
import { checkBareInBundle, explainLoadFailure } from './bare-specifier.js';
import { checkErrorClass } from './check-options.js';
import { Connection } from './connection.js';
import { loaderFor, moduleHref } from './module-specifier.js';
import type { ModuleLocation } from '../expose.js';
import {
  checkLoadOptions,
  checkSynchronizerOptions,
  DEFAULT_LINGER,
  DEFAULT_LOAD_TIMEOUT,
  DEFAULT_MAX_BATCH,
  DEFAULT_POLL,
  DEFAULT_SHARED_MEMORY_LIMIT,
  type LoadOptions,
  type SynchronizerOptions,
} from './synchronizer-options.js';
import { workerEntry } from './worker-entry.js';
import { workerEnv, workerExecArgv } from './worker-options.js';

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
    this.#options = checkSynchronizerOptions(options);
    this.registerErrors(...OWN_ERRORS, ...(this.#options.errors ?? []));
  }

  /**
   * Loads a module on the worker (blocking) and returns its sync proxy: of the value the module exposed
   * (`expose()`), or else of its exports. `module` is an absolute path, a URL (`new URL('./api.js',
   * import.meta.url)`), or a bare specifier resolved from anysync's location; also `import.meta` or the
   * CommonJS `module` object, naming that module. `options.with` passes import
   * attributes (`{ type: 'json' }`). Loading the same module again returns the same proxy.
   */
  load<M extends object>(module: string | ModuleLocation, options?: LoadOptions): Synchronized<M> {
    const request = this.#request(module, options);
    const cached = this.#modules.get(request.key);
    if (cached) return cached as Synchronized<M>;
    const timeout = this.#options.loadTimeout ?? DEFAULT_LOAD_TIMEOUT;
    let proxy: object;
    try {
      proxy = this.#connect().call(Op.load, 0, -1, request.args, { timeout }, request.label) as object;
    } catch (error) {
      throw explainLoadFailure(error, request.href, request.caller);
    }
    this.#modules.set(request.key, proxy);
    return proxy as Synchronized<M>;
  }

  /** Like `load()`, without blocking: for async callers that share the proxy with sync code. */
  async loadAsync<M extends object>(
    module: string | ModuleLocation,
    options?: LoadOptions,
  ): Promise<Synchronized<M>> {
    const request = this.#request(module, options);
    const cached = this.#modules.get(request.key);
    if (cached) return cached as Synchronized<M>;
    const call = { op: Op.load, target: 0, name: -1, args: request.args, label: request.label };
    const timeout = this.#options.loadTimeout ?? DEFAULT_LOAD_TIMEOUT;
    let proxy: object;
    try {
      proxy = await this.#connect().callAsync<object>(call, { timeout });
    } catch (error) {
      throw explainLoadFailure(error, request.href, request.caller);
    }
    this.#modules.set(request.key, proxy);
    return proxy as Synchronized<M>;
  }

  /**
   * Checks a load and builds its request. A load of a module whose own loading led here (its top-level
   * code, on the worker loading it, loads it again through a nested synchronizer) is refused: every
   * nested worker would do the same, each load waiting on the next.
   */
  #request(module: string | ModuleLocation, options: LoadOptions | undefined) {
    if (this.#closed) throw new ClosedError('the synchronizer was closed');
    const href = moduleHref(module);
    const attributes = checkLoadOptions(options, href);
    checkBareInBundle(href, workerEntry().main);
    const chain = loadingChain();
    if (chain.includes(href)) {
      throw new DeadlockError(
        `load(${href}) was called while ${href} is itself being loaded (${chain.join(' → ')}): its top-level ` +
          'code would run again on the nested worker and load it again, each load waiting on the next, ' +
          'without end. Load it from a function instead of from top-level code, or use synchronize(import.meta, api).',
      );
    }
    return {
      href,
      key: attributes ? `${href} ${JSON.stringify(attributes)}` : href,
      args: [href, loaderFor(href, this.#options.loader as string | undefined), attributes, chain],
      label: `load(${href})`,
      caller: moduleOfCaller(),
    };
  }

  /** Adds error classes to rebuild by name; returns the synchronizer. */
  registerErrors(...classes: ErrorClass[]): this {
    for (const [index, errorClass] of classes.entries()) {
      checkErrorClass(errorClass, `registerErrors() argument ${index}`);
    }
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
      sharedMemoryLimit: options.sharedMemoryLimit ?? DEFAULT_SHARED_MEMORY_LIMIT,
      name: options.name ?? 'synchronizer',
    });
    return this.#connection;
  }
}
