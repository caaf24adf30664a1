import type { CallOptions } from '../synchronizer/types.js';

/**
 * Options for one pool call, given with `fn.with(options)`: a `timeout` and a `signal` abort the task
 * (removing it from the queue, or stopping the worker running it), `transfer` moves buffers.
 *
 * @example
 * ```ts
 * const digest = await heavy.hash.with({ signal: AbortSignal.timeout(1_000) })(bytes);
 * ```
 */
export type PoolCallOptions = CallOptions;

/**
 * A pool function: the worker function, returning a promise of its result.
 *
 * @example
 * ```ts
 * const fib: OffloadedFunction<(n: number) => number> = heavy.fib;
 * const value: number = await fib(30);
 * ```
 */
export interface OffloadedFunction<A extends unknown[], R> {
  (...args: A): Promise<Awaited<R>>;
  with(options: PoolCallOptions): OffloadedFunction<A, R>;
}

/**
 * A pool generator function: the worker's (sync or async) generator as a lazy async generator, pulled in
 * batches with backpressure.
 *
 * @example
 * ```ts
 * for await (const line of logs.parseLines(path)) console.log(line);
 * ```
 */
export interface OffloadedGenerator<A extends unknown[], Y, R, N> {
  (...args: A): AsyncGenerator<Y, R, N>;
  with(options: PoolCallOptions): OffloadedGenerator<A, Y, R, N>;
}

type OffloadedMember<T> = T extends (...args: infer A) => infer R
  ? [R] extends [never]
    ? OffloadedFunction<A, R>
    : R extends Generator<infer Y, infer Ret, infer N> | AsyncGenerator<infer Y, infer Ret, infer N>
      ? OffloadedGenerator<A, Y, Ret, N>
      : OffloadedFunction<A, R>
  : T;

/**
 * A module loaded on a `WorkerPool`: every exported function returns a promise (generators an async
 * generator) and runs on a pool worker; plain exported values are copied. Classes are left out: their
 * instances would be tied to one worker.
 *
 * @example
 * ```ts
 * import type { Offloaded } from 'anysync/offload';
 *
 * type Heavy = Offloaded<typeof import('./heavy.js')>;
 * ```
 */
export type Offloaded<M> = {
  readonly [K in keyof M as M[K] extends abstract new (
    ...args: never[]
  ) => unknown
    ? never
    : K]: OffloadedMember<M[K]>;
};
