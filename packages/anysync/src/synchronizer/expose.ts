import { describeValue } from '../internal/describe-value.js';
import { nodeBuiltin } from './backends/node-builtin.js';
import { moduleOfCaller } from './module-of-caller.js';

const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');

/**
 * What modules exposed, per thread. Kept on a global (by a registered symbol) rather than in this module:
 * a worker started from a bundle, or a tool that bundles its own copy of anysync, runs two copies of this
 * code, and both must see one registry.
 */
interface ExposedRegistry {
  /** Exposed values by the URL of the module that exposed them. */
  readonly byModule: Map<string, unknown>;
  /** Loads in progress on this thread's worker, collecting values exposed by modules that could not be told. */
  readonly collecting: Set<unknown[]>;
}

const REGISTRY_KEY = Symbol.for('anysync.synchronizer.exposed');

function registry(): ExposedRegistry {
  const globals = globalThis as Record<symbol, ExposedRegistry | undefined>;
  let found = globals[REGISTRY_KEY];
  if (!found) {
    found = { byModule: new Map(), collecting: new Set() };
    globals[REGISTRY_KEY] = found;
  }
  return found;
}

/**
 * Where a module is: `import.meta`, its URL (a `URL`, or anything with a string `href`), its absolute path
 * (`__filename` in CommonJS), or the CommonJS `module` object (its `filename`), as make-synchronized takes.
 */
export type ModuleLocation =
  | { readonly url: string }
  | { readonly href: string }
  | { readonly filename: string }
  | string
  | URL;

/** The URL of a module location, as the worker imports it. */
export function locationHref(location: ModuleLocation, what: string): string {
  if (location instanceof URL) return location.href;
  if (typeof location === 'string') {
    const href = stringHref(location);
    if (href) return href;
  } else if (typeof location === 'object' && location !== null) {
    const { url, href, filename } = location as { url?: unknown; href?: unknown; filename?: unknown };
    // `import.meta` also has `filename` on newer Node, and both name the same module.
    if (typeof url === 'string' && url !== '') return url;
    if (typeof href === 'string' && href !== '') return stringHref(href) ?? invalid(what, href, 'href');
    if (typeof filename === 'string')
      return absolutePathHref(filename) ?? invalid(what, filename, 'filename');
  }
  return invalid(what, location);
}

/** A URL as it is, or an absolute path as a file URL; undefined for anything else (a relative path). */
function stringHref(location: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) return location;
  return absolutePathHref(location);
}

function absolutePathHref(path: string): string | undefined {
  if (nodeUrl && (path.startsWith('/') || /^[a-z]:[\\/]/i.test(path)))
    return nodeUrl.pathToFileURL(path).href;
  return undefined;
}

function invalid(what: string, location: unknown, key?: string): never {
  const got = typeof location === 'string' ? `'${location}'` : describeValue(location);
  throw new TypeError(
    `${what} must be import.meta, a module URL, an absolute path (__filename in CommonJS) or the CommonJS module object, got ${
      key ? `an object whose ${key} is ${got}` : got
    }`,
  );
}

/**
 * Makes `value` what a synchronizer's `load()` of this module returns, instead of the module's exports:
 * the worker-side registration of a worker file that exports nothing (synckit's `runAsWorker` shape).
 * `value` is a function, a class or an object of them. The module is told from the call's stack; pass
 * `import.meta` (or `__filename` in CommonJS) as `module` to name it, or to expose on behalf of another
 * module.
 *
 * Outside a synchronizer worker it only records the value, so the same file can also be imported
 * normally.
 *
 * @example
 * ```ts
 * // format-worker.js: exports nothing
 * import { expose } from 'anysync/synchronizer';
 * import { format } from 'prettier';
 *
 * expose(format);
 *
 * // main.js
 * const sync = new Synchronizer();
 * const formatSync = sync.load<typeof format>(new URL('./format-worker.js', import.meta.url));
 * formatSync('let  x=1', { parser: 'babel' }); // 'let x = 1;\n'
 * ```
 */
export function expose(value: object, module?: ModuleLocation): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    throw new TypeError(
      `expose() takes a function, a class or an object of them, got ${value === null ? 'null' : typeof value}`,
    );
  }
  const exposed = registry();
  const href =
    module === undefined ? moduleOfCaller() : locationHref(module, 'expose(value, module): module');
  if (href) {
    const known = exposed.byModule.get(href);
    if (known !== undefined && known !== value) {
      throw new TypeError(
        `${href} already exposed another value: a module exposes one value (a function, a class or an object of them)`,
      );
    }
    exposed.byModule.set(href, value);
    return;
  }
  if (exposed.collecting.size !== 1) {
    throw new TypeError(
      'expose() could not tell which module is calling it (the stack names none); pass import.meta (or __filename) as its second argument',
    );
  }
  for (const collected of exposed.collecting) collected.push(value);
}

/**
 * Exposes `value` for the module this thread's worker is loading, whichever module makes the call:
 * synckit's `runAsWorker` registers the one function of its worker, and the worker file may leave that
 * call to a helper module it imports. Without exactly one load in progress, it is `expose(value)`.
 */
export function exposeForLoad(value: object): void {
  const exposed = registry();
  if (exposed.collecting.size === 1) {
    for (const collected of exposed.collecting) collected.push(value);
  } else {
    expose(value);
  }
}

/**
 * Runs `load` (the worker's import of `href`) while collecting exposures that could not be attributed;
 * returns what `href` exposed, or undefined when it exposed nothing.
 */
export async function collectExposed(
  href: string,
  load: () => Promise<object>,
): Promise<{ value: unknown } | undefined> {
  const exposed = registry();
  const collected: unknown[] = [];
  exposed.collecting.add(collected);
  try {
    await load();
  } finally {
    exposed.collecting.delete(collected);
  }
  if (collected.length > 1) {
    throw new TypeError(`${href} called expose() ${collected.length} times while loading; expose one value`);
  }
  if (collected.length === 1 && !exposed.byModule.has(href)) exposed.byModule.set(href, collected[0]);
  return exposedBy(href);
}

/** What `href` exposed, if anything. */
export function exposedBy(href: string): { value: unknown } | undefined {
  const exposed = registry();
  return exposed.byModule.has(href) ? { value: exposed.byModule.get(href) } : undefined;
}
