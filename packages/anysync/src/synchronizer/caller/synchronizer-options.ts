import type { ErrorClass } from '../wire/error-record.js';
import {
  checkBag,
  checkBoolean,
  checkEnv,
  checkErrorClasses,
  checkKnown,
  checkNumber,
  checkString,
  checkStringArray,
  checkTimeout,
  show,
} from './check-options.js';

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
  /**
   * Node options for the worker (default: inherited from the process, like any worker). The process's
   * loader flags (`--import`, `--require`, `--loader`) are kept unless these name them.
   */
  execArgv?: readonly string[];
  /**
   * Variables laid over `process.env` for the worker, which then has an environment of its own (a copy
   * made when it starts). Without them the worker shares the process's environment, as code in one thread
   * does: a variable either side sets, changes or deletes later is seen by the other.
   */
  env?: Record<string, string | undefined>;
  /**
   * Module hooks to register on the worker before it loads anything: `'tsx'`, `'ts-node'`, `'swc'`
   * (@swc-node/register), `'oxc'` (@oxc-node/core), `'esbuild-register'` or `'esbuild-runner'` (each for ES
   * modules and CommonJS), or a module that registers hooks when imported or exports `register()`. Rarely
   * needed: the worker inherits the process's loader flags and the hooks it registered at run time.
   */
  loader?: string | URL;
  /** Custom error classes to rebuild (by class name) when thrown on the worker, so `instanceof` works. */
  errors?: readonly ErrorClass[];
  /**
   * Milliseconds the worker stays parked on shared memory after a blocking reply, waiting for the next call
   * of a burst, before it returns to its event loop (default 10; 0 disables it). Messages from the caller
   * end it at once, but the worker's own timers and I/O wait that long at most.
   */
  linger?: number;
  /**
   * Most microseconds each side of a blocking call polls shared memory before it parks on a futex: the
   * caller for its reply, the worker (while it lingers) for the next call (default 250; 0 parks at once).
   * Each side polls no longer than a wake-up has been costing it (measured), and the worker, where wake-ups
   * are slow (idle CPUs), until a little past when the caller usually sends the next call; so on a quiet
   * machine a burst of small calls never sleeps, and on a busy one both sides park almost at once. Polling
   * never delays the worker's event loop beyond `linger`.
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

export const DEFAULT_LOAD_TIMEOUT = 30_000;
/**
 * Batches of up to 2048 items, one pulled ahead: a long iteration costs a round trip (and, on a busy or
 * virtual machine, a wake-up of tens of microseconds) per 2048 items. Reached only after ~4000 items.
 */
export const DEFAULT_MAX_BATCH = 4096;
/**
 * Long enough to ride out the caller being descheduled for a time slice on a busy machine, and past the
 * kernel tick: much shorter timed waits cost more per wake-up on virtual machines.
 */
export const DEFAULT_LINGER = 10;
/**
 * A few futex wake-ups on a quiet virtual machine: long enough to catch a small call's reply, and a caller's
 * next request after it woke from a long call.
 */
export const DEFAULT_POLL = 250;
export const DEFAULT_SHARED_MEMORY_LIMIT = 64 * 1024 * 1024;

const OPTION_NAMES = [
  'timeout',
  'loadTimeout',
  'execArgv',
  'env',
  'loader',
  'errors',
  'linger',
  'poll',
  'maxBatch',
  'sharedMemoryLimit',
  'captureOutput',
  'name',
] as const;

/** Most a worker may linger on shared memory: its own timers and I/O wait that long at most. */
const MAX_LINGER = 1000;
/** Most microseconds of polling before parking: past a millisecond, parking costs less than polling. */
const MAX_POLL = 1000;
/** A generator batch is one shared area at most; two million items is far past any useful size. */
const MAX_BATCH = 2 ** 21;
/** What a growable `SharedArrayBuffer` may be asked for here (one area each way). */
const MAX_SHARED_MEMORY = 2 ** 32;

/**
 * Checks the options of `new Synchronizer(options)` at the call: a wrong type is a `TypeError`, an
 * impossible value a `RangeError`, each naming the option and the value. Returns a copy.
 */
export function checkSynchronizerOptions(options: unknown): SynchronizerOptions {
  const bag = { ...checkBag(options, 'Synchronizer options') };
  checkKnown(bag, OPTION_NAMES, 'Synchronizer option');
  checkTimeout(bag.timeout, 'timeout');
  checkTimeout(bag.loadTimeout, 'loadTimeout');
  checkStringArray(bag.execArgv, 'execArgv');
  checkEnv(bag.env, 'env');
  const loader = bag.loader;
  if (loader instanceof URL) bag.loader = loader.href;
  else checkString(loader, 'loader');
  checkErrorClasses(bag.errors, 'errors');
  checkNumber(bag.linger, 'linger', 0, MAX_LINGER, 'milliseconds');
  checkNumber(bag.poll, 'poll', 0, MAX_POLL, 'microseconds');
  checkNumber(bag.maxBatch, 'maxBatch', 1, MAX_BATCH, 'items', true);
  checkNumber(bag.sharedMemoryLimit, 'sharedMemoryLimit', 1, MAX_SHARED_MEMORY, 'bytes', true);
  checkBoolean(bag.captureOutput, 'captureOutput');
  checkString(bag.name, 'name');
  return bag as SynchronizerOptions;
}

/** Options of `load()` and `loadAsync()`. */
export interface LoadOptions {
  /**
   * Import attributes for the module, as in `import(module, { with })`: `{ type: 'json' }` loads a JSON
   * module (a `.json` URL gets that attribute without asking). Its proxy has the data as `default`.
   */
  with?: Readonly<Record<string, string>>;
}

/** Checks `load(module, options)`'s options; returns the import attributes to use (or undefined). */
export function checkLoadOptions(options: unknown, href: string): Record<string, string> | undefined {
  const bag = checkBag(options, 'load options');
  checkKnown(bag, ['with'], 'load option');
  const attributes = bag.with === undefined ? undefined : checkBag(bag.with, 'with');
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (typeof value !== 'string') throw new TypeError(`with.${key} must be a string, got ${show(value)}`);
  }
  if (attributes && Object.keys(attributes).length > 0) return { ...(attributes as Record<string, string>) };
  // A JSON module can only be imported with its attribute: asking for it would be a formality.
  return /\.json$/i.test(href.split(/[?#]/)[0] ?? '') ? { type: 'json' } : undefined;
}
