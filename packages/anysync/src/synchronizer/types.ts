import type { TransferListItem } from 'node:worker_threads';
import type { Future } from './caller/future.js';

/**
 * Options for one call, given with `fn.with(options)`; they override the synchronizer's defaults.
 *
 * @example
 * ```ts
 * const page = api.fetchPage.with({ timeout: 2_000 })('https://example.com');
 * const copy = api.checksum.with({ transfer: [bytes.buffer] })(bytes); // bytes is detached afterwards
 * ```
 */
export interface CallOptions {
  /** Milliseconds before the call fails with a `TimeoutError` and the worker task is aborted. */
  timeout?: number;
  /** Aborts the call (promise-returning calls; a blocking call checks it once before starting). */
  signal?: AbortSignal;
  /** Buffers and ports to transfer instead of copying. */
  transfer?: readonly TransferListItem[];
}

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type Builtin = Date | RegExp | ArrayBuffer | SharedArrayBuffer | ArrayBufferView | Error | Blob | URL;
type Collection = Map<unknown, unknown> | Set<unknown> | ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>;

/**
 * True when some member of `T` is a function: such objects stay on the worker and come back as handles.
 *
 * @example
 * ```ts
 * type A = HasMethods<{ id: number }>; // false: copied
 * type B = HasMethods<{ close(): void }>; // true: a handle
 * ```
 */
export type HasMethods<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? true : never;
}[keyof T] extends never
  ? false
  : true;

/**
 * What a worker value looks like from sync code: promises are awaited, async and sync iterators become
 * `Generator`s pulled from the worker, functions become blocking functions, objects with methods become
 * handles with blocking methods, and plain data is copied as is.
 *
 * @example
 * ```ts
 * type Rows = Syncify<Promise<AsyncGenerator<{ id: number }>>>; // Generator<{ id: number }, ...>
 * ```
 */
export type Syncify<T> = T extends Primitive
  ? T
  : T extends PromiseLike<infer U>
    ? Syncify<U>
    : T extends AsyncIterator<infer Y, infer R, infer N> | Iterator<infer Y, infer R, infer N>
      ? Generator<Syncify<Y>, Syncify<R>, N>
      : SyncData<T>;

/**
 * Like `Syncify`, for values that arrive through a promise-returning twin: iterators stay async.
 *
 * @example
 * ```ts
 * type Rows = AsyncView<AsyncGenerator<number>>; // AsyncGenerator<number, ...>
 * ```
 */
export type AsyncView<T> = T extends Primitive
  ? T
  : T extends PromiseLike<infer U>
    ? AsyncView<U>
    : T extends AsyncIterator<infer Y, infer R, infer N> | Iterator<infer Y, infer R, infer N>
      ? AsyncGenerator<Syncify<Y>, Syncify<R>, N>
      : AsyncData<T>;

type SyncData<T> = T extends Builtin | Collection
  ? T
  : T extends abstract new (
        ...args: infer A
      ) => infer I
    ? SyncClass<A, I>
    : T extends (...args: infer A) => infer R
      ? SyncFunction<A, R>
      : HasMethods<T> extends true
        ? T extends readonly unknown[]
          ? { [K in keyof T]: Syncify<T[K]> }
          : SyncHandle<T>
        : { [K in keyof T]: Syncify<T[K]> };

type AsyncData<T> = T extends Builtin | Collection
  ? T
  : T extends abstract new (
        ...args: infer A
      ) => infer I
    ? SyncClass<A, I>
    : T extends (...args: infer A) => infer R
      ? SyncFunction<A, R>
      : HasMethods<T> extends true
        ? T extends readonly unknown[]
          ? { [K in keyof T]: AsyncView<T[K]> }
          : SyncHandle<T>
        : { [K in keyof T]: AsyncView<T[K]> };

/**
 * A worker function seen from sync code: calling it blocks until the worker's promise settles. `.async`
 * is the promise-returning twin (an `AsyncGenerator` for generator functions), `.with` binds call options.
 *
 * @example
 * ```ts
 * const user = api.fetchUser(1); // blocks
 * const later = api.fetchUser.async(2); // Future
 * const patient = api.fetchUser.with({ timeout: 5_000 });
 * ```
 */
export interface SyncFunction<A extends unknown[], R> {
  (...args: Passable<A>): Syncify<R>;
  async(
    ...args: Passable<A>
  ): [R] extends [never]
    ? Future<never>
    : R extends AsyncGenerator<unknown> | Generator<unknown>
      ? AsyncView<R>
      : Future<AsyncView<R>>;
  with(options: CallOptions): SyncFunction<A, R>;
}

/**
 * Parameters as sync code passes them: where the worker function takes an object with methods, the handle
 * of such an object (which stands for it on the worker) is accepted too.
 *
 * @example
 * ```ts
 * // add(other: Counter) on the worker accepts a Counter handle from the caller:
 * type Args = Passable<[other: Counter]>; // [other: Counter | SyncHandle<Counter>]
 * ```
 */
export type Passable<A extends unknown[]> = { [K in keyof A]: PassableValue<A[K]> };

type PassableValue<T> = T extends Primitive | Builtin | Collection | readonly unknown[]
  ? T
  : HasMethods<T> extends true
    ? T | SyncHandle<T>
    : T;

/**
 * A handle to an object living on the worker: its methods are blocking `SyncFunction`s (with `.async`
 * twins), its accessors and fields read and write the worker object, `Symbol.asyncDispose` becomes
 * `Symbol.dispose` (so `using` works), and async iteration becomes sync iteration.
 *
 * @example
 * ```ts
 * using conn = new db.Connection(url); // SyncHandle<Connection>
 * const rows = conn.query('select 1'); // blocks; conn's state stays on the worker
 * ```
 */
export type SyncHandle<T> = {
  [K in keyof T as K extends typeof Symbol.asyncDispose | typeof Symbol.asyncIterator
    ? never
    : K]: T[K] extends (...args: infer A) => infer R ? SyncFunction<A, R> : Syncify<T[K]>;
} & Disposable &
  AsyncDisposable &
  (T extends AsyncIterable<infer Y> | Iterable<infer Y>
    ? Iterable<Syncify<Y>> & AsyncIterable<Syncify<Y>>
    : unknown);

/**
 * A worker class seen from sync code: `new` constructs the instance on the worker and returns its handle;
 * `.async(...)` constructs without blocking. Static members are mapped like module members.
 *
 * @example
 * ```ts
 * const conn = new db.Connection(url); // constructed on the worker
 * const other = await db.Connection.async(url); // without blocking
 * ```
 */
export type SyncClass<A extends unknown[], I> = {
  new (...args: A): SyncHandle<I>;
  async(...args: A): Future<SyncHandle<I>>;
};

/**
 * One export of a synchronized module: classes become `SyncClass`es, functions `SyncFunction`s, objects
 * with methods handles, and plain values stay as they are.
 *
 * @example
 * ```ts
 * type Connect = SyncMember<(url: string) => Promise<Connection>>; // SyncFunction<[url: string], Promise<Connection>>
 * ```
 */
export type SyncMember<T> = T extends abstract new (
  ...args: infer A
) => infer I
  ? SyncClass<A, I> & { [K in Exclude<keyof T, 'prototype'>]: SyncMember<T[K]> }
  : T extends (...args: infer A) => infer R
    ? SyncFunction<A, R>
    : T extends object
      ? HasMethods<T> extends true
        ? SyncHandle<T>
        : T
      : T;

/**
 * The sync proxy of a module loaded on a synchronizer's worker: `Synchronized<typeof import('./db.js')>`.
 * For a module that exposed one function or class (`expose(fn)`), the proxy of that function or class.
 *
 * @example
 * ```ts
 * import { type Synchronized, Synchronizer } from 'anysync/synchronizer';
 *
 * type Db = Synchronized<typeof import('./db.js')>;
 * const db: Db = new Synchronizer().load(new URL('./db.js', import.meta.url));
 * ```
 */
export type Synchronized<M> = M extends
  | (abstract new (
      ...args: never[]
    ) => unknown)
  | ((...args: never[]) => unknown)
  ? SyncMember<M>
  : { readonly [K in keyof M]: SyncMember<M[K]> };
