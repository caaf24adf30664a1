/** The part of AsyncLocalStorage (and of TC39 `AsyncContext.Variable`) that anysync relies on. */
interface ContextStorage<T> {
  get(): T | undefined;
  run<A, R>(value: T, fn: (arg: A) => R, arg: A): R;
}

interface NodeStorage<T> {
  getStore(): T | undefined;
  run<A, R>(value: T, fn: (arg: A) => R, arg: A): R;
}

type NodeStorageConstructor = new <T>() => NodeStorage<T>;
type VariableConstructor = new <T>() => ContextStorage<T>;

interface ContextGlobals {
  AsyncContext?: { Variable?: VariableConstructor };
  AsyncLocalStorage?: NodeStorageConstructor;
  process?: { getBuiltinModule?: (id: string) => { AsyncLocalStorage?: NodeStorageConstructor } | undefined };
}

let factory: (<T>() => ContextStorage<T>) | null | undefined;

/**
 * Finds a context-propagating storage once, on first use. `process.getBuiltinModule` loads
 * `node:async_hooks` synchronously without an import statement, so importing anysync never touches it and
 * browsers (which have none of these globals) simply get `null`.
 */
function storageFactory(): (<T>() => ContextStorage<T>) | null {
  if (factory !== undefined) return factory;
  const globals = globalThis as ContextGlobals;
  const Variable = globals.AsyncContext?.Variable;
  const Storage =
    globals.process?.getBuiltinModule?.('node:async_hooks')?.AsyncLocalStorage ?? globals.AsyncLocalStorage;
  if (Variable) {
    factory = <T>() => new Variable<T>();
  } else if (Storage) {
    // A subclass rather than a wrapper object keeps `get()` one call deep on the hot path.
    class NodeVariable<T> extends Storage<T> {
      get(): T | undefined {
        return this.getStore();
      }
    }
    factory = <T>() => new NodeVariable<T>();
  } else {
    factory = null;
  }
  return factory;
}

/**
 * A value that follows the asynchronous call chain, like a context variable. Storage is created on the
 * first `run()`: until then `get()` is a field read, so code that never enters a context pays nothing
 * (on Node 20, an active AsyncLocalStorage adds a cost to every promise in the process).
 */
export class AsyncLocal<T> {
  #storage: ContextStorage<T> | null | undefined;

  /** Whether this runtime can propagate the value across `await` (false in browsers today). */
  static get supported(): boolean {
    return storageFactory() !== null;
  }

  /** The value set by the innermost enclosing `run()`, or `undefined`. */
  get(): T | undefined {
    return this.#storage ? this.#storage.get() : undefined;
  }

  /**
   * Runs `fn(arg)` with this variable set to `value` for everything it starts, synchronously or after
   * awaits (the argument spares callers a closure). Where the runtime cannot propagate context, `fn` runs
   * without it; callers that need the value to be seen must check {@link AsyncLocal.supported}.
   */
  run<A, R>(value: T, fn: (arg: A) => R, arg: A): R {
    if (this.#storage === undefined) this.#storage = storageFactory()?.<T>() ?? null;
    return this.#storage === null ? fn(arg) : this.#storage.run(value, fn, arg);
  }
}
