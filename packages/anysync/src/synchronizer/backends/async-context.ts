import type { AsyncLocalStorage as NodeAsyncLocalStorage } from 'node:async_hooks';
import { nodeBuiltin } from './node-builtin.js';

/** The part of `AsyncLocalStorage` the worker uses. */
export interface ContextStorage<T> {
  run<R, A extends unknown[]>(store: T, fn: (...args: A) => R, ...args: A): R;
  getStore(): T | undefined;
  disable(): void;
}

/**
 * Where there is no `AsyncLocalStorage` (browsers): the store is visible while `fn` runs synchronously,
 * up to its first `await`. Enough for `callSignal()` read at the start of a call, which is what the
 * synchronizer guide documents for browsers.
 */
class SyncLocalStorage<T> implements ContextStorage<T> {
  #store: T | undefined;

  run<R, A extends unknown[]>(store: T, fn: (...args: A) => R, ...args: A): R {
    const previous = this.#store;
    this.#store = store;
    try {
      return fn(...args);
    } finally {
      this.#store = previous;
    }
  }

  getStore(): T | undefined {
    return this.#store;
  }

  disable(): void {
    this.#store = undefined;
  }
}

type AsyncHooks = typeof import('node:async_hooks');

const hooks = nodeBuiltin<AsyncHooks>('node:async_hooks');

/** `AsyncLocalStorage` where the runtime has it, otherwise a store that lasts for the synchronous part of a call. */
export const AsyncLocalStorage: new <T>() => ContextStorage<T> = (hooks?.AsyncLocalStorage ??
  SyncLocalStorage) as new <T>() => NodeAsyncLocalStorage<T>;
