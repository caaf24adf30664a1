import { nodeBuiltin } from '../backends/node-builtin.js';
import { ModuleLoadError } from '../errors.js';
import { ownUrl } from '../own-url.js';
import { resolveImport } from './resolve-import.js';

type Step = { import: string; call?: 'register' } | { require: string } | { register: string };

/**
 * TypeScript loaders by short name: what registers each one's hooks on a worker, for ES modules and for
 * CommonJS (`require` hooks) alike. Node 20 does not apply hooks to a worker thread that registered them
 * through its `--import` flag the way tsx does it, but registering from inside the worker works.
 */
const KNOWN_LOADERS: Record<string, readonly Step[]> = {
  tsx: [
    { import: 'tsx/esm/api', call: 'register' },
    { import: 'tsx/cjs/api', call: 'register' },
  ],
  'ts-node': [{ require: 'ts-node/register' }, { register: 'ts-node/esm' }],
  swc: [{ require: '@swc-node/register' }, { import: '@swc-node/register/esm-register' }],
  oxc: [{ import: '@oxc-node/core/register' }],
  'esbuild-register': [{ require: 'esbuild-register' }, { register: 'esbuild-register/loader' }],
  'esbuild-runner': [{ require: 'esbuild-runner/register' }],
};

/** The loader short names (also synckit's `tsRunner` values that need a loader). */
export const LOADER_NAMES = Object.keys(KNOWN_LOADERS);

/** Loaders already registered on this worker, by name. */
const registered = new Map<string, Promise<void>>();

/**
 * Registers `loader` on this worker, once: a short name from the table above, or a module (specifier or
 * URL) that registers hooks when imported or exports a `register()` to call. Packages are resolved from
 * `base` (the module about to be loaded) first, then from anysync's own location.
 */
export function registerLoader(loader: string, base: string): Promise<void> {
  let pending = registered.get(loader);
  if (!pending) {
    const steps = KNOWN_LOADERS[loader] ?? [{ import: loader, call: 'register' } as const];
    pending = run(steps, base).catch((error: unknown) => {
      registered.delete(loader);
      throw error;
    });
    registered.set(loader, pending);
  }
  return pending;
}

async function run(steps: readonly Step[], base: string): Promise<void> {
  for (const step of steps) {
    const specifier = 'import' in step ? step.import : 'require' in step ? step.require : step.register;
    try {
      if ('require' in step) requireFrom(base)?.(resolve(specifier, base, true));
      else if ('register' in step)
        nodeBuiltin<typeof import('node:module')>('node:module')?.register(resolve(specifier, base), base);
      else {
        const entry = (await importFrom(specifier, base)) as { register?: unknown };
        if (step.call && typeof entry.register === 'function') (entry.register as () => unknown)();
      }
    } catch (error) {
      throw new ModuleLoadError(
        `could not register the module loader '${specifier}' on the worker: ${
          error instanceof Error ? error.message : String(error)
        }. Install it next to your code, or pass its absolute URL (e.g. import.meta.resolve('${specifier}')) as ` +
          "the synchronizer's `loader` option.",
        { cause: error },
      );
    }
  }
}

/**
 * Imports a loader package: as an ES module from anysync's location first (a package's CommonJS build of
 * an ES module API may not work when imported), then from `base`'s when it is not installed there.
 */
async function importFrom(specifier: string, base: string): Promise<unknown> {
  try {
    return await import(specifier);
  } catch (error) {
    const resolved = resolve(specifier, base);
    if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND' || resolved === specifier) throw error;
    return import(resolved);
  }
}

function requireFrom(base: string): NodeJS.Require | undefined {
  const Module = nodeBuiltin<typeof import('node:module')>('node:module');
  const own = ownUrl('./')?.href;
  const from = base.startsWith('file:') ? base : own;
  return from ? Module?.createRequire(from) : undefined;
}

/**
 * A package specifier resolved from `base`, as a URL to import (or a path to require); as it was when it
 * cannot be resolved there, so the import tries from anysync's location and reports what it finds. What
 * will be imported is resolved as `import` resolves it (`resolveImport`): a package's `require` build of
 * the same entry may not work when imported (tsx's does not), and an entry may be exported only to
 * `import`. `require.resolve` serves what will be required, and Yarn PnP, which has no `node_modules`.
 */
function resolve(specifier: string, base: string, asPath = false): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(specifier) || specifier.startsWith('/')) return specifier;
  const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');
  for (const from of [base, ownUrl('./')?.href ?? '']) {
    if (!from.startsWith('file:')) continue;
    const imported = asPath ? undefined : resolveImport(specifier, from);
    if (imported) return imported;
    try {
      const path = requireFrom(from)?.resolve(specifier);
      if (path) return asPath || !nodeUrl ? path : nodeUrl.pathToFileURL(path).href;
    } catch {}
  }
  return specifier;
}
