import { ModuleLoadError } from '../errors.js';

/** Loaders already registered on this worker, by the specifier they were asked for. */
const registered = new Map<string, Promise<void>>();

/** Short names for loaders whose registering entry point is not the package itself. */
const KNOWN_LOADERS: Record<string, string> = { tsx: 'tsx/esm/api' };

/**
 * Imports a module on the worker, first registering `loader` (once) when one is needed to read it, such as
 * tsx for TypeScript on Node versions without type stripping. Failures become a `ModuleLoadError` naming
 * the module, with the original error as `cause`.
 */
export async function loadModule(
  href: string,
  loader: string | undefined,
  attributes?: Record<string, string>,
): Promise<object> {
  if (loader) await registerLoader(loader);
  try {
    return (await (attributes ? import(href, { with: attributes }) : import(href))) as object;
  } catch (error) {
    throw new ModuleLoadError(explain(href, error), { cause: error });
  }
}

function registerLoader(loader: string): Promise<void> {
  let pending = registered.get(loader);
  if (!pending) {
    pending = importLoader(loader);
    registered.set(loader, pending);
  }
  return pending;
}

async function importLoader(loader: string): Promise<void> {
  const specifier = KNOWN_LOADERS[loader] ?? loader;
  let entry: { register?: unknown };
  try {
    entry = (await import(specifier)) as { register?: unknown };
  } catch (error) {
    registered.delete(loader);
    throw new ModuleLoadError(
      `could not import the module loader '${specifier}' on the worker: ${message(error)}. Install it, or pass ` +
        `its absolute URL (e.g. import.meta.resolve('${specifier}')) as the synchronizer's \`loader\` option.`,
      { cause: error },
    );
  }
  // Node 20 ignores hooks registered with --import in worker threads; registering from inside works.
  if (typeof entry.register === 'function') (entry.register as () => unknown)();
}

function explain(href: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.[mc]?tsx?$/.test(new URL(href, 'file:///').pathname)) {
    return (
      `cannot load the TypeScript module ${href}: Node ${globalThis.process?.versions?.node} cannot run TypeScript here. ` +
      'Use Node >= 22.6 (type stripping), register a loader (`loader: "tsx"` or `node --import tsx`), ' +
      'or load the compiled JavaScript.'
    );
  }
  return `could not load ${href} on the synchronizer worker: ${message(error)}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
