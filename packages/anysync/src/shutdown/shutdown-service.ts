import { waitAsync } from '../dual-queue/wait-async.js';
import { checkFunction, checkOptionalFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import type { ShutdownCause } from './shutdown-cause.js';
import { createShutdownHandle, REQUEST, type ShutdownHandle, STOPPING } from './shutdown-handle.js';

/**
 * Options of {@link ShutdownService}.
 *
 * @example
 * ```ts
 * import { ShutdownService, type ShutdownServiceOptions } from 'anysync/shutdown';
 *
 * const options: ShutdownServiceOptions = {
 *   signals: ['SIGINT', 'SIGTERM'],
 *   timeout: 30_000, // Kubernetes' default grace period is 30 s
 *   onForcedExit: (why, code) => console.error(`forced exit (${why}), code ${code}`),
 * };
 * const service = new ShutdownService(options);
 * ```
 */
export interface ShutdownServiceOptions {
  /** The signals that start a graceful shutdown (default SIGINT, SIGTERM, SIGHUP). */
  readonly signals?: readonly string[] | undefined;
  /** Milliseconds the shutdown hooks get before the process is forced to exit (default 10 000). */
  readonly timeout?: number | undefined;
  /** Exit code when the timeout forces the exit (default 1); a second signal exits with 128 + its number. */
  readonly timeoutExitCode?: number | undefined;
  /** Called just before a forced exit, e.g. to log it. */
  readonly onForcedExit?: ((why: 'signal' | 'timeout', code: number) => void) | undefined;
  /** How to force the exit (default `process.exit`); replace it to test a service in-process. */
  readonly exit?: ((code: number) => void) | undefined;
}

/**
 * What `ShutdownService.stats()` reports.
 *
 * @example
 * ```ts
 * import { ShutdownService, type ShutdownServiceStats } from 'anysync/shutdown';
 *
 * const stats: ShutdownServiceStats = new ShutdownService().stats();
 * console.log(stats.state); // 'idle'
 * ```
 */
export interface ShutdownServiceStats {
  readonly state: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';
  readonly cause: ShutdownCause | undefined;
}

type Hook = (cause: ShutdownCause) => unknown;
interface NodeProcess {
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
  exit(code: number): never;
  getBuiltinModule?: (id: string) => { constants?: { signals?: Record<string, number> } } | undefined;
}

const DEFAULT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function nodeProcess(): NodeProcess {
  const process = (globalThis as { process?: NodeProcess }).process;
  if (process?.on === undefined)
    throw new Error('ShutdownService: needs a Node-compatible `process` (Node, Bun, Deno)');
  return process;
}

/** 128 + the signal's number, the shell's convention for "killed by a signal". */
/** The exit codes a process can report (POSIX keeps the low 8 bits). */
const MAX_EXIT_CODE = 255;

/** Signal names as Node spells them: `process.on('sigint')` or `'INT'` would register and never fire. */
function checkSignalNames(signals: unknown): readonly string[] | undefined {
  if (signals === undefined) return undefined;
  const ok = Array.isArray(signals) && signals.every((name) => typeof name === 'string');
  if (!ok) throw invalidArgument('type', 'ShutdownService: signals', 'an array of signal names', signals);
  const wrong = signals.find((name: string) => !/^SIG[A-Z0-9]+$/.test(name));
  if (wrong !== undefined) {
    throw invalidArgument(
      'range',
      'ShutdownService: signals',
      "signal names such as 'SIGINT' or 'SIGTERM'",
      wrong,
    );
  }
  return signals;
}

function signalExitCode(signal: string): number {
  const number = nodeProcess().getBuiltinModule?.('node:os')?.constants?.signals?.[signal];
  return number === undefined ? 1 : 128 + number;
}

/**
 * A graceful-shutdown service for a process, async-utils' `SignalService`: register startup hooks,
 * shutdown handlers and join hooks, then `await run()`. It runs the startup hooks in order, waits (keeping
 * the process alive) for SIGINT, SIGTERM or SIGHUP — or a `requestShutdown()`, from this thread or from a
 * worker through `WorkerShutdown` — then runs the shutdown handlers and the join hooks, each in order, and
 * removes its signal listeners. While it shuts down, a second signal forces the exit (code 128 + signal
 * number), and so does the `timeout`. Worker threads see the shutdown begin through `service.handle`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { ShutdownService } from 'anysync/shutdown';
 *
 * const service = new ShutdownService({ timeout: 30_000 });
 * const server = createServer((_request, response) => response.end('ok'));
 * service.addStartup(() => new Promise<void>((resolve) => server.listen(0, resolve)));
 * service.addShutdownHandler((cause) => console.log('shutting down:', cause));
 * service.addJoin(() => new Promise((resolve) => server.close(resolve)));
 * setTimeout(() => service.requestShutdown(), 100); // or Ctrl-C
 * console.log(await service.run()); // { type: 'request', from: 'main', code: 0 }
 * ```
 */
export class ShutdownService {
  readonly #signals: readonly string[];
  readonly #timeout: number;
  readonly #timeoutExitCode: number;
  readonly #onForcedExit: ((why: 'signal' | 'timeout', code: number) => void) | undefined;
  readonly #exit: ((code: number) => void) | undefined;
  readonly #handle = createShutdownHandle();
  readonly #state = new Int32Array(this.#handle.state);
  readonly #controller = new AbortController();
  readonly #startups: (() => unknown)[] = [];
  readonly #handlers: Hook[] = [];
  readonly #joins: Hook[] = [];
  #phase: ShutdownServiceStats['state'] = 'idle';
  #cause: ShutdownCause | undefined;
  #triggered: (() => void) | undefined;
  #forceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options?: ShutdownServiceOptions) {
    checkOptions(options, 'ShutdownService', [
      'signals',
      'timeout',
      'timeoutExitCode',
      'onForcedExit',
      'exit',
    ]);
    this.#signals = checkSignalNames(options?.signals) ?? DEFAULT_SIGNALS;
    this.#timeout = checkMilliseconds(options?.timeout ?? 10_000, 'ShutdownService: timeout', true);
    const code = options?.timeoutExitCode ?? 1;
    this.#timeoutExitCode = checkInteger(code, 'ShutdownService: timeoutExitCode', 0, MAX_EXIT_CODE);
    this.#onForcedExit = checkOptionalFunction(options?.onForcedExit, 'ShutdownService: onForcedExit');
    this.#exit = checkOptionalFunction(options?.exit, 'ShutdownService: exit');
  }

  /** Shared memory for worker threads: open it there with `WorkerShutdown.from(handle)`. */
  get handle(): ShutdownHandle {
    return this.#handle;
  }

  /** Aborts, with the cause as its reason, when the shutdown begins: pass it to long-running work. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the shutdown began; `undefined` until it does. */
  get cause(): ShutdownCause | undefined {
    return this.#cause;
  }

  /** Runs `fn` at `run()`, after the startup hooks added before it. A failure starts the shutdown. */
  addStartup(fn: () => unknown): this {
    this.#startups.push(this.#check(fn, 'addStartup'));
    return this;
  }

  /** Calls `fn(cause)` when the shutdown begins (stop accepting work), in the order added. */
  addShutdownHandler(fn: (cause: ShutdownCause) => unknown): this {
    this.#handlers.push(this.#check(fn, 'addShutdownHandler'));
    return this;
  }

  /** Awaits `fn(cause)` after the shutdown handlers (wait for work to finish), in the order added. */
  addJoin(fn: (cause: ShutdownCause) => unknown): this {
    this.#joins.push(this.#check(fn, 'addJoin'));
    return this;
  }

  /** Starts the shutdown from this thread, as a signal would. */
  requestShutdown(code = 0): void {
    checkInteger(code, 'ShutdownService.requestShutdown(): code', 0, MAX_EXIT_CODE);
    this.#begin({ type: 'request', from: 'main', code });
  }

  stats(): ShutdownServiceStats {
    return { state: this.#phase, cause: this.#cause };
  }

  /**
   * Runs the service: startup hooks, then waiting, then shutdown handlers and join hooks. Resolves with
   * the cause; rejects with the startup error, or with an AggregateError of the hooks that failed (every
   * hook still runs). A service runs once.
   */
  async run(): Promise<ShutdownCause> {
    if (this.#phase !== 'idle')
      throw new Error('ShutdownService.run(): a service runs once; create a new one');
    const process = nodeProcess();
    const listeners = this.#signals.map((signal) => [signal, () => this.#onSignal(signal)] as const);
    for (const [signal, listener] of listeners) process.on(signal, listener);
    // Signal listeners do not keep a process alive; waiting for a signal must.
    const keepAlive = setInterval(() => {}, 2 ** 30);
    const triggered = new Promise<void>((resolve) => (this.#triggered = resolve));
    if (this.#cause !== undefined) this.#triggered?.();
    this.#watchWorkers();
    try {
      await this.#start();
      this.#phase = this.#cause === undefined ? 'running' : 'stopping';
      await triggered;
      return await this.#stop();
    } finally {
      clearTimeout(this.#forceTimer);
      clearInterval(keepAlive);
      for (const [signal, listener] of listeners) process.off(signal, listener);
      this.#phase = 'stopped';
    }
  }

  async #start(): Promise<void> {
    this.#phase = 'starting';
    for (const startup of this.#startups) {
      if (this.#cause !== undefined) return; // a signal during startup: skip the rest
      try {
        await startup();
      } catch (error) {
        this.#begin({ type: 'error', error });
        return;
      }
    }
  }

  async #stop(): Promise<ShutdownCause> {
    this.#phase = 'stopping';
    this.#armForceTimer();
    const cause = this.#cause as ShutdownCause;
    const failures: unknown[] = [];
    for (const hook of [...this.#handlers, ...this.#joins]) {
      try {
        await hook(cause);
      } catch (error) {
        failures.push(error);
      }
    }
    if (cause.type === 'error') throw cause.error;
    if (failures.length > 0) {
      throw new AggregateError(failures, `ShutdownService: ${failures.length} shutdown hook(s) failed`);
    }
    return cause;
  }

  #begin(cause: ShutdownCause): void {
    if (this.#cause !== undefined) return;
    this.#cause = cause;
    Atomics.store(this.#state, STOPPING, 1);
    Atomics.notify(this.#state, STOPPING);
    this.#controller.abort(cause);
    if (this.#phase !== 'idle') this.#armForceTimer();
    this.#triggered?.();
  }

  /** The timeout counts from the beginning of the shutdown (or from `run()`, if it was requested before). */
  #armForceTimer(): void {
    if (this.#forceTimer !== undefined || this.#timeout === Number.POSITIVE_INFINITY) return;
    this.#forceTimer = setTimeout(() => this.#force('timeout', this.#timeoutExitCode), this.#timeout);
  }

  #onSignal(signal: string): void {
    if (this.#cause === undefined) this.#begin({ type: 'signal', signal });
    else this.#force('signal', signalExitCode(signal));
  }

  #force(why: 'signal' | 'timeout', code: number): void {
    this.#onForcedExit?.(why, code);
    if (this.#exit !== undefined) this.#exit(code);
    else nodeProcess().exit(code);
  }

  /** A worker's `request(code)` starts the shutdown; the wait ends by itself when the service stops. */
  #watchWorkers(): void {
    const requested = Atomics.load(this.#state, REQUEST);
    if (requested !== 0) {
      this.#begin({ type: 'request', from: 'worker', code: requested - 1 });
      return;
    }
    const wait = waitAsync(this.#state, REQUEST, 0);
    if (wait.async) void wait.value.then(() => this.#watchWorkers());
    else this.#watchWorkers();
  }

  #check<F>(fn: F, method: string): F {
    checkFunction(fn, `ShutdownService.${method}(): fn`);
    if (this.#phase !== 'idle')
      throw new Error(`ShutdownService.${method}(): hooks must be added before run()`);
    return fn;
  }
}
