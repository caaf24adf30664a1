import { describeValue } from '../../internal/describe-value.js';
import { DeadlockError } from '../errors.js';
import { expose, locationHref, type ModuleLocation } from '../expose.js';
import type { CallOptions, Synchronized } from '../types.js';
import { loadingChain, servedModules } from '../worker/worker-identity.js';
import { Synchronizer } from './synchronizer.js';
import { checkSynchronizerOptions, type SynchronizerOptions } from './synchronizer-options.js';

type Remote = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

/**
 * Makes a module's own async functions (and classes) available as sync ones, in one call and one file:
 * the make-synchronized shape. The module hands over what it wants synchronized; sync callers get
 * blocking functions (with `.async` and `.with`, as from `load()`), and the first call loads the module
 * on a worker of its own, where the same `synchronize()` call merely records `api` for that worker to
 * serve. So nothing recurses: the worker never starts another worker for its own module.
 *
 * `module` names the module as the worker imports it: `import.meta`, or in CommonJS the `module` object or
 * `__filename`.
 *
 * Nothing starts before the first call. Pass a `Synchronizer` as `options` to share one worker among
 * modules, or options for the one this module gets (default: a worker per module, like synckit and
 * make-synchronized).
 *
 * On the worker serving the module, a blocking call of its own synchronized functions could never be
 * answered (the worker would wait on itself): it throws a `DeadlockError`; `.async` calls the function
 * directly.
 *
 * @example
 * ```ts
 * // format.ts
 * import { synchronize } from 'anysync/synchronizer';
 *
 * export async function format(code: string): Promise<string> {
 *   const prettier = await import('prettier');
 *   return prettier.format(code, { parser: 'babel' });
 * }
 *
 * export const formatSync = synchronize(import.meta, format);
 *
 * // elsewhere, in sync code:
 * formatSync('let  x=1'); // 'let x = 1;\n'
 * ```
 */
export function synchronize<T extends object>(
  module: ModuleLocation,
  api: T,
  options?: SynchronizerOptions | Synchronizer,
): Synchronized<T> {
  const href = locationHref(module, 'synchronize(module, api): module');
  if ((typeof api !== 'object' && typeof api !== 'function') || api === null) {
    throw new TypeError(
      `synchronize(module, api): api must be an async function, a class or an object of them, got ${describeValue(api)}`,
    );
  }
  // Checked now, not at the first call: a wrong option must fail where it was written.
  const checked = options instanceof Synchronizer ? options : checkSynchronizerOptions(options);
  expose(api, href);
  let remote: object | undefined;
  const load = (): object => {
    if (remote) return remote;
    const synchronizer = checked instanceof Synchronizer ? checked : new Synchronizer(checked);
    remote = synchronizer.load(href);
    return remote;
  };
  const serving = () => servedModules()?.has(href) === true || loadingChain().includes(href);
  if (typeof api === 'function') {
    return lazy(
      () => load() as Remote,
      api as Remote,
      String((api as Remote).name || 'api'),
      serving,
    ) as never;
  }
  const facade: Record<string, unknown> = {};
  for (const key of Object.keys(api)) {
    const value = (api as Record<string, unknown>)[key];
    if (typeof value === 'function') {
      facade[key] = lazy(
        () => (load() as Record<string, Remote>)[key] as Remote,
        value as Remote,
        key,
        serving,
      );
    } else if (typeof value === 'object' && value !== null) {
      // Objects may have methods (handles): read through the worker when first asked for.
      Object.defineProperty(facade, key, {
        enumerable: true,
        get: () => (load() as Record<string, unknown>)[key],
      });
    } else facade[key] = value;
  }
  return facade as Synchronized<T>;
}

/**
 * A stand-in for a remote function or class that loads the module on first use. `.async` and `.with`
 * are there at once; any other property is read from the remote (static members).
 */
function lazy(resolve: () => Remote, local: Remote, label: string, serving: () => boolean): Remote {
  const selfWait = () =>
    new DeadlockError(
      `${label} was called blocking on the worker that serves its module: the worker would wait on itself ` +
        'forever. Await the async function itself (or its .async twin) here.',
    );
  const direct = (...args: unknown[]) => Promise.resolve().then(() => Reflect.apply(local, undefined, args));
  const extras: Record<string | symbol, unknown> = {
    async: (...args: unknown[]) => (serving() ? direct(...args) : (resolve().async as Remote)(...args)),
    with: (options: CallOptions) =>
      lazy(() => (resolve().with as Remote)(options) as Remote, local, label, serving),
    [Symbol.hasInstance]: (value: unknown) => value instanceof (resolve() as unknown as () => void),
  };
  // A plain function target, so the proxy can be both called and constructed.
  const target = function (this: unknown) {} as unknown as Remote;
  Object.defineProperty(target, 'name', { value: label });
  return new Proxy(target, {
    apply(_, __, args) {
      if (serving()) throw selfWait();
      return Reflect.apply(resolve(), undefined, args);
    },
    construct(_, args) {
      if (serving()) throw selfWait();
      return Reflect.construct(resolve(), args);
    },
    get(target, property) {
      if (property in extras) return extras[property];
      if (property === 'name' || property === 'length') return local[property];
      // Inspecting or awaiting the stand-in (symbols, `then`) must not start a worker.
      if (typeof property === 'symbol' || property === 'then') return Reflect.get(target, property);
      return Reflect.get(resolve(), property);
    },
  });
}
