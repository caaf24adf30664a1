/** The globals `defaultPoolSize` reads (a parameter so that tests can give others). */
export interface ParallelismGlobals {
  process?: { getBuiltinModule?: (id: string) => { availableParallelism?: () => number } | undefined };
  navigator?: { hardwareConcurrency?: number };
}

/**
 * How many workers a pool runs when no `size` is given: the parallelism the runtime reports (Node's
 * `os.availableParallelism()`, reached without a static `node:os` import so browsers can load the pool;
 * else `navigator.hardwareConcurrency`), or 4 when neither says.
 */
export function defaultPoolSize(globals: ParallelismGlobals = globalThis as ParallelismGlobals): number {
  const reported =
    globals.process?.getBuiltinModule?.('node:os')?.availableParallelism?.() ??
    globals.navigator?.hardwareConcurrency;
  return typeof reported === 'number' && reported >= 1 ? Math.floor(reported) : 4;
}
