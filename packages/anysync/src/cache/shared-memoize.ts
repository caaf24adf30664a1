import { checkStoreName } from '../internal/check-store-name.js';
import { jsonCodec, type MemoizeCodec } from './memoize-codec.js';
import { computeShared, type SharedFlightConfig } from './shared-flight.js';
import type { SingleFlightStore } from './single-flight-store.js';
import { primitiveKeyPart } from './primitive-key-part.js';

/** The options of `memoize` that share it through a store. */
export interface SharedMemoizeOptions {
  readonly store?: SingleFlightStore | undefined;
  readonly name?: string | undefined;
  readonly leaseMs?: number | undefined;
  readonly codec?: { encode(value: never): string; decode(text: string): unknown } | undefined;
  readonly ttl?: number | undefined;
  readonly errors?: 'evict' | 'keep' | undefined;
  readonly key?: ((...args: never[]) => unknown) | undefined;
}

/** One argument as part of a shared key: only values that mean the same in every process. */
function keyPart(value: unknown, caller: string): string {
  const part = primitiveKeyPart(value);
  if (part !== undefined) return part;
  throw new TypeError(
    `${caller}: with a store, arguments must be strings, numbers, bigints, booleans, null or undefined (objects have no identity across processes); got a ${typeof value}: pass a key option`,
  );
}

/** The store key of a call: the function's name, then the user's key or the encoded arguments. */
function sharedKey(
  name: string,
  key: SharedMemoizeOptions['key'],
  self: unknown,
  args: unknown[],
  caller: string,
): string {
  if (key !== undefined) {
    const made = key.apply(self, args as never[]);
    if (typeof made !== 'string' && typeof made !== 'number') {
      throw new TypeError(
        `${caller}: with a store, the key option must return a string or a number, got ${typeof made}`,
      );
    }
    return `${name}:${String(made)}`;
  }
  if (self !== undefined) {
    throw new TypeError(
      `${caller}: with a store, a memoized method needs a key option (its receiver has no identity across processes)`,
    );
  }
  return `${name}:${args.map((arg) => keyPart(arg, caller)).join(',')}`;
}

/** A memoized function's way through its store. */
export interface SharedMemoize<A extends unknown[]> {
  /** Computes through the store (keeps `this`). */
  readonly fn: (this: unknown, ...args: A) => Promise<unknown>;
  /** Forgets the stored outcome of a call. */
  readonly forget: (self: unknown, args: A) => Promise<void>;
}

/** How `fn` computes through the store the options name (checked); `undefined` without a store. */
export function sharedMemoize<A extends unknown[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  options: SharedMemoizeOptions | undefined,
  caller: string,
): SharedMemoize<A> | undefined {
  const store = options?.store;
  if (store === undefined) {
    for (const option of ['name', 'leaseMs', 'codec'] as const) {
      if (options?.[option] !== undefined) throw new TypeError(`${caller}: ${option} needs a store`);
    }
    return undefined;
  }
  if (typeof store !== 'object' || store === null || typeof store.begin !== 'function') {
    throw new TypeError(`${caller}: store must be a SingleFlightStore (with begin()), got ${String(store)}`);
  }
  const { name, ttl, leaseMs = 30_000, codec = jsonCodec } = options as SharedMemoizeOptions;
  checkStoreName(name, caller);
  if (!(typeof ttl === 'number' && ttl >= 0 && Number.isFinite(ttl))) {
    throw new RangeError(
      `${caller}: with a store, ttl must be a finite number of milliseconds >= 0 (every stored result expires), got ${String(ttl)}`,
    );
  }
  if (!(typeof leaseMs === 'number' && leaseMs >= 10 && Number.isFinite(leaseMs))) {
    throw new RangeError(`${caller}: leaseMs must be a finite number >= 10, got ${String(leaseMs)}`);
  }
  if (typeof codec?.encode !== 'function' || typeof codec.decode !== 'function') {
    throw new TypeError(`${caller}: codec must have encode() and decode(), got ${String(codec)}`);
  }
  const config: SharedFlightConfig = {
    store,
    codec: codec as MemoizeCodec<unknown>,
    ttl,
    leaseMs,
    keepErrors: options?.errors === 'keep',
  };
  const key = options?.key;
  const receiver = (self: unknown): unknown => (self === globalThis ? undefined : self);
  return {
    fn(this: unknown, ...args: A): Promise<unknown> {
      const self = receiver(this);
      return computeShared(config, sharedKey(name, key, self, args, caller), () => fn.apply(self, args));
    },
    forget: (self, args) => store.delete(sharedKey(name, key, receiver(self), args, caller)),
  };
}
