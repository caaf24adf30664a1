import type { RuntimeName } from './runtime-name.js';

/** What {@link currentRuntime} reports about the code's surroundings. */
export interface RuntimeInfo {
  /** Which runtime this is (for diagnostics and backend choice; prefer the capability flags for behaviour). */
  readonly name: RuntimeName;
  /** The runtime's version, when it tells. */
  readonly version: string | undefined;
  /** Whether the code runs on the runtime's main thread or in a worker (Node worker thread, web worker…). */
  readonly thread: 'main' | 'worker';
  /** Whether `SharedArrayBuffer` exists here (a browser needs a cross-origin-isolated page for it). */
  readonly sharedMemory: boolean;
  /** Whether this thread may block with `Atomics.wait` (not on a browser's main thread, nor without shared memory). */
  readonly canBlock: boolean;
}

type Globals = typeof globalThis & {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  EdgeRuntime?: unknown;
  fastly?: unknown;
  Netlify?: unknown;
  WorkerGlobalScope?: new () => unknown;
  window?: unknown;
  document?: unknown;
  navigator?: { userAgent?: string };
  process?: {
    versions?: { node?: string; bun?: string };
    getBuiltinModule?: (id: string) => unknown;
  };
};

let cached: RuntimeInfo | undefined;

/**
 * Describes the runtime the code runs on — the counterpart of Python's sniffio for JavaScript, where the
 * questions are which runtime this is, which thread, and whether blocking is allowed. Decided once and
 * remembered.
 *
 * @example
 * ```ts
 * import { currentRuntime } from 'anysync/runtime';
 *
 * const runtime = currentRuntime();
 * console.log(runtime.name, runtime.thread, runtime.canBlock); // 'node' 'main' true
 * ```
 */
export function currentRuntime(): RuntimeInfo {
  cached ??= detect(globalThis as Globals);
  return cached;
}

/**
 * Whether this thread may block with `Atomics.wait` (what `sleepSync` and a Synchronizer's blocking calls
 * need).
 *
 * @example
 * ```ts
 * import { canBlock, sleepSync } from 'anysync/runtime';
 *
 * if (canBlock()) sleepSync(10);
 * ```
 */
export function canBlock(): boolean {
  return currentRuntime().canBlock;
}

function detect(g: Globals): RuntimeInfo {
  const [name, version] = nameAndVersion(g);
  const sharedMemory = typeof SharedArrayBuffer === 'function';
  return {
    name,
    version,
    thread: threadOf(g, name),
    sharedMemory,
    canBlock: sharedMemory && waitIsAllowed(),
  };
}

function nameAndVersion(g: Globals): [RuntimeName, string | undefined] {
  if (g.Netlify !== undefined) return ['netlify', undefined];
  if (g.EdgeRuntime !== undefined) return ['edge-light', undefined];
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return ['workerd', undefined];
  if (g.fastly !== undefined) return ['fastly', undefined];
  if (g.Deno !== undefined) return ['deno', g.Deno.version?.deno];
  if (g.Bun !== undefined || g.process?.versions?.bun !== undefined)
    return ['bun', g.Bun?.version ?? g.process?.versions?.bun];
  if (g.process?.versions?.node !== undefined) return ['node', g.process.versions.node];
  if (g.window !== undefined || g.WorkerGlobalScope !== undefined) return ['browser', undefined];
  return ['unknown', undefined];
}

function threadOf(g: Globals, name: RuntimeName): 'main' | 'worker' {
  if (g.WorkerGlobalScope !== undefined && globalThis instanceof g.WorkerGlobalScope) return 'worker';
  if (name === 'node' || name === 'bun' || name === 'deno') {
    // `process.getBuiltinModule` reaches `worker_threads` without a static import, which would break
    // bundles for browsers.
    const workers = g.process?.getBuiltinModule?.('node:worker_threads') as
      | { isMainThread?: boolean }
      | undefined;
    if (workers?.isMainThread === false) return 'worker';
  }
  return 'main';
}

function waitIsAllowed(): boolean {
  try {
    // A zero timeout on a value that does not match returns at once; where blocking is forbidden it throws.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}
