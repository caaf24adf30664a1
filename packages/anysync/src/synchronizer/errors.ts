/**
 * Errors the synchronizer and the worker pool raise themselves. Each names what went wrong and where, so a
 * failure never has to be diagnosed from a hang.
 */

/**
 * A call did not finish within its `timeout`. The worker task was aborted through its `AbortSignal`; later
 * calls are unaffected.
 *
 * @example
 * ```ts
 * import { Synchronizer, TimeoutError } from 'anysync/synchronizer';
 *
 * const sync = new Synchronizer({ timeout: 100 });
 * const api = sync.load<typeof import('./slow.js')>(new URL('./slow.js', import.meta.url));
 * try {
 *   api.neverSettles();
 * } catch (error) {
 *   console.log(error instanceof TimeoutError); // true
 * }
 * ```
 */
export class TimeoutError extends Error {
  static {
    TimeoutError.prototype.name = 'TimeoutError';
  }
}

/**
 * A blocking call was made from the worker that would have to serve it, which can never complete.
 *
 * @example
 * ```ts
 * import { DeadlockError } from 'anysync/synchronizer';
 *
 * // Inside a module loaded by a synchronizer, loading that same module again with a blocking call throws:
 * // DeadlockError: ... would block the worker that serves it
 * console.log(DeadlockError.name); // 'DeadlockError'
 * ```
 */
export class DeadlockError extends Error {
  static {
    DeadlockError.prototype.name = 'DeadlockError';
  }
}

/**
 * The worker died: an uncaught exception or unhandled rejection (the `cause`), or `process.exit()` (the
 * `exitCode`). Pending and later calls fail with it; handles from that worker are gone.
 *
 * @example
 * ```ts
 * import { Synchronizer, WorkerCrashError } from 'anysync/synchronizer';
 *
 * const sync = new Synchronizer();
 * const api = sync.load<typeof import('./exits.js')>(new URL('./exits.js', import.meta.url));
 * try {
 *   api.exit(3);
 * } catch (error) {
 *   if (error instanceof WorkerCrashError) console.log(error.exitCode); // 3
 * }
 * ```
 */
export class WorkerCrashError extends Error {
  /** The worker's exit code, when it exited rather than threw. */
  readonly exitCode: number | undefined;

  constructor(message: string, options?: { cause?: unknown; exitCode?: number | undefined }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options?.exitCode;
  }

  static {
    WorkerCrashError.prototype.name = 'WorkerCrashError';
  }
}

/**
 * A module could not be loaded on the worker; the `cause` is the original error.
 *
 * @example
 * ```ts
 * import { ModuleLoadError, Synchronizer } from 'anysync/synchronizer';
 *
 * try {
 *   new Synchronizer().load('/does/not/exist.js');
 * } catch (error) {
 *   console.log(error instanceof ModuleLoadError); // true
 *   console.log(error.code); // 'ERR_MODULE_NOT_FOUND', from its cause
 * }
 * ```
 */
export class ModuleLoadError extends Error {
  static {
    ModuleLoadError.prototype.name = 'ModuleLoadError';
  }

  /**
   * The Node error code of the cause (`ERR_MODULE_NOT_FOUND`, `ERR_UNSUPPORTED_ESM_URL_SCHEME`...), when it
   * has one: code written against `import()` checks `error.code`.
   */
  declare readonly code?: string;

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    const code = (options?.cause as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string') {
      Object.defineProperty(this, 'code', {
        value: code,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
}

/**
 * A value cannot cross to or from the worker; `path` names it, e.g. `arguments[1].onProgress`.
 *
 * @example
 * ```ts
 * import { CloneError } from 'anysync/synchronizer';
 *
 * // api.save({ onDone() {} }) throws:
 * // CloneError: arguments[0].onDone is a function; functions cannot cross to the worker
 * const error = new CloneError('example', 'arguments[0].onDone');
 * console.log(error.path); // 'arguments[0].onDone'
 * ```
 */
export class CloneError extends TypeError {
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
  }

  static {
    CloneError.prototype.name = 'CloneError';
  }
}

/**
 * The synchronizer or pool was closed, or the handle was disposed, before or during the call.
 *
 * @example
 * ```ts
 * import { ClosedError, Synchronizer } from 'anysync/synchronizer';
 *
 * const sync = new Synchronizer();
 * await sync.close();
 * try {
 *   sync.load('node:path');
 * } catch (error) {
 *   console.log(error instanceof ClosedError); // true
 * }
 * ```
 */
export class ClosedError extends Error {
  static {
    ClosedError.prototype.name = 'ClosedError';
  }
}

/** The errors above, rebuilt by class when they cross a worker boundary (nested synchronizers). */
export const OWN_ERRORS = [
  TimeoutError,
  DeadlockError,
  WorkerCrashError,
  ModuleLoadError,
  CloneError,
  ClosedError,
];
