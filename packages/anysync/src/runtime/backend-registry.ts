import { checkOneOf } from '../internal/check-one-of.js';
import { checkOptions } from '../internal/check-options.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { currentRuntime } from './current-runtime.js';
import { RUNTIME_NAMES, type RuntimeName } from './runtime-name.js';

const KEYS: readonly string[] = [...RUNTIME_NAMES, 'default'];

/** One loader function per runtime key (or `default`); a misspelt key (`nodejs`) would never be picked. */
function checkLoaders(loaders: unknown): void {
  const label = 'createBackendRegistry(): loaders';
  if (typeof loaders !== 'object' || loaders === null || Array.isArray(loaders)) {
    throw invalidArgument('type', label, 'an object of loader functions by runtime', loaders);
  }
  for (const [key, loader] of Object.entries(loaders)) {
    if (!KEYS.includes(key))
      throw invalidArgument('range', `${label}: key`, `one of ${KEYS.join(', ')}`, key);
    if (loader !== undefined && typeof loader !== 'function') {
      throw invalidArgument('type', `${label}.${key}`, 'a function that loads the backend', loader);
    }
  }
}

/**
 * One loader per runtime (or flavour) for the same backend interface; `default` is used when no key
 * matches the current runtime. Loaders may be synchronous or return a promise (a dynamic `import()`,
 * so that a runtime's backend is only loaded where it runs).
 */
export type BackendLoaders<Backend> = Partial<
  Record<RuntimeName | 'default', () => Backend | Promise<Backend>>
>;

/** Backends of one interface, of which exactly one is chosen for the current runtime, once. */
export interface BackendRegistry<Backend> {
  /** The key the current runtime selects (`'node'`, `'browser'`, …, or `'default'`). */
  readonly selected: RuntimeName | 'default';
  /** The selected backend, loaded on first use and then remembered. */
  get(): Promise<Backend>;
  /** The same for backends whose loader is synchronous; throws if it returned a promise. */
  getSync(): Backend;
}

/**
 * The seed's `backends/` pattern (one interface, one file per runtime or flavour, chosen once) as a
 * helper: give it a loader per runtime and it picks the one for the code's runtime, loads it lazily and
 * caches it. An unknown runtime without a `default` is a clear error naming what is available.
 *
 * @example
 * ```ts
 * import { createBackendRegistry } from 'anysync/runtime';
 *
 * interface Clock { now(): number }
 * const clocks = createBackendRegistry<Clock>({
 *   node: () => import('./clocks/node.js').then((m) => m.nodeClock),
 *   default: () => ({ now: () => Date.now() }),
 * });
 * const clock = await clocks.get();
 * ```
 */
export function createBackendRegistry<Backend>(
  loaders: BackendLoaders<Backend>,
  options: { runtime?: RuntimeName } = {},
): BackendRegistry<Backend> {
  checkLoaders(loaders);
  checkOptions(options, 'createBackendRegistry()', ['runtime']);
  checkOneOf(options.runtime, 'createBackendRegistry(): runtime', RUNTIME_NAMES);
  const runtime = options.runtime ?? currentRuntime().name;
  const selected = loaders[runtime] !== undefined ? runtime : 'default';
  const loader = loaders[selected];
  let loaded: { value: Backend | Promise<Backend> } | undefined;
  const load = (): Backend | Promise<Backend> => {
    if (!loader) {
      const available = Object.keys(loaders).join(', ') || 'none';
      throw new Error(
        `no backend for runtime '${runtime}' (available: ${available}); add one or a 'default'`,
      );
    }
    loaded ??= { value: loader() };
    return loaded.value;
  };
  return {
    selected,
    get: async () => await load(),
    getSync: () => {
      const value = load();
      if (value instanceof Promise) {
        throw new TypeError(`the '${selected}' backend loads asynchronously; use get() instead of getSync()`);
      }
      return value;
    },
  };
}
