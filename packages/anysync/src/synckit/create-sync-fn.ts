import { existsSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Synchronizer } from '../synchronizer/caller/synchronizer.js';
import type { CallOptions, SyncFunction } from '../synchronizer/types.js';
import { needsStructuredClone } from './structured-values.js';
import { type SynckitOptions, synchronizerOptions } from './synckit-options.js';

// biome-ignore lint/suspicious/noExplicitAny: synckit's signature, any function
type AnyFn = (...args: any[]) => unknown;

/** The remote function, untyped inside. */
interface Remote {
  (...args: unknown[]): unknown;
  async(...args: unknown[]): unknown;
  with(options: CallOptions): Remote;
}

/** One function per worker path, as synckit caches them: later options for the same path are ignored. */
const cache = new Map<string, Remote>();

/**
 * synckit's `createSyncFn`, on top of anysync's `Synchronizer`: the worker file at `workerPath` (an
 * absolute path or a `file:` URL) calls `runAsWorker(fn)`, and this returns `fn` as a blocking function.
 * Each worker file gets a worker of its own; a second call for the same path returns the same function.
 * A `.js` path whose file has a `.ts` sibling (`.mjs` → `.mts`, `.cjs` → `.cts`) uses the TypeScript one,
 * and a path without an extension its `.ts`, else its `.js` file, as synckit does.
 *
 * Beyond synckit: the function also has `.async(...)` (a promise, without blocking) and `.with({ timeout,
 * transfer })`; errors keep their class; a timeout throws a `TimeoutError` and aborts the worker task.
 *
 * @example
 * ```ts
 * import { createSyncFn } from 'anysync/synckit';
 *
 * const add = createSyncFn<(a: number, b: number) => Promise<number>>(
 *   new URL('./worker.js', import.meta.url),
 *   { timeout: 5_000 },
 * );
 * console.log(add(1, 2)); // 3
 * ```
 */
export function createSyncFn<T extends AnyFn>(
  workerPath: URL | string,
  timeoutOrOptions?: SynckitOptions | number,
): SyncFunction<Parameters<T>, ReturnType<T>> {
  const path = absolutePath(workerPath);
  const cached = cache.get(path);
  if (cached) return cached as unknown as SyncFunction<Parameters<T>, ReturnType<T>>;
  const file = typeScriptSibling(path);
  const { options, transferList } = synchronizerOptions(timeoutOrOptions, file);
  const sync = new Synchronizer(options);
  let fn: Remote | undefined;
  let pendingTransfer = transferList;
  const resolve = (): Remote => {
    if (fn) return fn;
    const loaded = sync.load(file) as unknown;
    if (typeof loaded !== 'function') {
      throw new TypeError(
        `${file} did not call runAsWorker(fn) from anysync/synckit: there is no function to call (a worker ` +
          "that imports runAsWorker from 'synckit' itself registers with synckit, not anysync)",
      );
    }
    fn = loaded as Remote;
    return fn;
  };
  const syncFn = ((...args: unknown[]) => {
    const target = resolve();
    if (pendingTransfer.length === 0) return target(...asCloned(args));
    // synckit transfers these when the worker starts: here, with the first call.
    const transfer = pendingTransfer;
    pendingTransfer = [];
    return target.with({ transfer })(...asCloned(args));
  }) as Remote;
  syncFn.async = (...args: unknown[]) => resolve().async(...asCloned(args));
  syncFn.with = (callOptions: CallOptions) => resolve().with(callOptions);
  Object.defineProperty(syncFn, 'name', { value: 'syncFn' });
  cache.set(path, syncFn);
  return syncFn as unknown as SyncFunction<Parameters<T>, ReturnType<T>>;
}

/**
 * The arguments as synckit's structured clone would deliver them: class instances (a parser's AST nodes)
 * as copies of their own properties rather than refused, and a function failing with `DataCloneError`.
 */
function asCloned(args: unknown[]): unknown[] {
  return needsStructuredClone(args) ? structuredClone(args) : args;
}

function absolutePath(workerPath: URL | string): string {
  if (workerPath instanceof URL || (typeof workerPath === 'string' && workerPath.startsWith('file:'))) {
    return fileURLToPath(workerPath);
  }
  if (typeof workerPath !== 'string') {
    throw new TypeError(`workerPath must be an absolute path or a file: URL, got ${typeof workerPath}`);
  }
  if (!isAbsolute(workerPath)) {
    throw new TypeError(
      `workerPath must be absolute, got '${workerPath}': pass new URL('${workerPath}', import.meta.url) or require.resolve('${workerPath}')`,
    );
  }
  return workerPath;
}

/**
 * synckit's `.js` → `.ts` mapping: a worker compiled next to its source runs from the source. A path
 * without an extension names `<path>.ts`, else `<path>.js`, as in synckit.
 */
function typeScriptSibling(path: string): string {
  const extension = extname(path);
  if (/[/\\]node_modules[/\\]/.test(path) || !['', '.js', '.mjs', '.cjs'].includes(extension)) return path;
  const stem = extension ? path.slice(0, -extension.length) : path;
  const candidates =
    extension === '.mjs' ? ['.mts'] : extension === '.cjs' ? ['.cts'] : extension ? ['.ts'] : ['.ts', '.js'];
  for (const candidate of candidates) if (existsSync(stem + candidate)) return stem + candidate;
  return path;
}
