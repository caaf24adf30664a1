import { type Offloaded, WorkerPool } from 'anysync/offload';

type FibModule = Offloaded<typeof import('./fib.js')>;

/** The talk's `fibp` on a process pool, here the anysync/offload worker pool: one task per number. */
export interface FibPool extends AsyncDisposable {
  /** The pool's size: how many numbers are computed at once. */
  readonly size: number;
  /** `fibs(ns)`, each number on a pool thread; resolves once every worker has answered. */
  fibp(ns: readonly number[]): Promise<number[]>;
  close(): Promise<void>;
}

/** Starts nothing yet: the pool's threads start on the first `fibp`, as many as it needs up to `size`. */
export function createFibPool(size?: number): FibPool {
  const pool = new WorkerPool({ name: 'fib', ...(size === undefined ? {} : { size }) });
  let loaded: Promise<FibModule> | undefined;
  return {
    size: pool.size,
    async fibp(ns) {
      loaded ??= pool.load<typeof import('./fib.js')>(new URL('./fib.js', import.meta.url));
      const { fib } = await loaded;
      return await Promise.all(ns.map((n) => fib(n)));
    },
    close: () => pool.close(),
    [Symbol.asyncDispose]: () => pool.close(),
  };
}
