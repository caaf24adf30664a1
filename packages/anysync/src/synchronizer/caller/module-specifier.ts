import { nodeBuiltin } from '../backends/node-builtin.js';
import { describeValue } from '../../internal/describe-value.js';
import { ModuleLoadError } from '../errors.js';
import { locationHref, type ModuleLocation } from '../expose.js';
import { recordedHooks } from './module-hooks.js';

const nodePath = nodeBuiltin<typeof import('node:path')>('node:path');
const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');
/** Node's `process` where there is one (Node, Bun, Deno); browsers have none. */
const nodeProcess = (globalThis as { process?: NodeJS.Process }).process;

/**
 * The URL the worker imports for `module`. Absolute paths and URLs are taken as is; relative paths are
 * refused because the worker cannot know what they were relative to; bare specifiers (`node:fs/promises`,
 * package names) are resolved by the worker from where anysync is installed.
 */
export function moduleHref(module: string | ModuleLocation): string {
  if (module instanceof URL) return module.href;
  // `import.meta`, the CommonJS `module`, a URL-like: as `synchronize()` takes them.
  if (typeof module === 'object' && module !== null) return locationHref(module, 'a module to load');
  if (typeof module !== 'string' || module === '') {
    throw new TypeError(
      `a module to load must be a URL, a path or a package name, got ${module === '' ? 'an empty string' : describeValue(module)}`,
    );
  }
  // A browser has no file system: there, an absolute path is a path on the page's origin, left as is.
  if (nodePath && nodeUrl && nodePath.isAbsolute(module)) return nodeUrl.pathToFileURL(module).href;
  if (module.startsWith('./') || module.startsWith('../')) {
    throw new TypeError(
      `'${module}' is relative, but relative to what? Pass new URL('${module}', import.meta.url) instead.`,
    );
  }
  return module;
}

/** Whether the worker needs to read TypeScript for this module. */
export function isTypeScript(href: string): boolean {
  return /\.[mc]?tsx?$/.test(href.split(/[?#]/)[0] ?? '');
}

/** Node runs TypeScript natively: by default from 23.6 (and 22.18), behind a flag from 22.6. */
export function nativeTypeScript(): 'default' | 'flag' | 'none' {
  if (!nodeProcess?.versions?.node) return 'none';
  if ((nodeProcess.features as { typescript?: unknown }).typescript) return 'default';
  const [major = 0, minor = 0] = nodeProcess.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6) ? 'flag' : 'none';
}

/** This process's flags and `NODE_OPTIONS`, as one string. */
function processFlags(): string {
  if (!nodeProcess) return '';
  return [...nodeProcess.execArgv, ...(nodeProcess.env.NODE_OPTIONS?.split(/\s+/) ?? [])].join(' ');
}

/**
 * A TypeScript loader the parent process registered (`--import tsx`, `--loader tsx`), for workers to use
 * too: tsx does not register its hooks in a worker thread through the inherited flag on Node 20.
 */
export function inheritedLoader(): string | undefined {
  return /(?:^|[\s=/])tsx(?:[\s/]|$)/.test(processFlags()) ? 'tsx' : undefined;
}

/**
 * Whether the worker will have module hooks that may read TypeScript: preload or loader flags of the
 * process (`--import @swc-node/register/esm-register`, `-r ts-node/register`, ...), which workers inherit,
 * or hooks registered at run time, which the synchronizer registers again on its worker.
 */
export function hasInheritedHooks(): boolean {
  return (
    /(?:^|\s)(?:--import|--require|-r|--loader|--experimental-loader)(?:[=\s]|$)/.test(processFlags()) ||
    recordedHooks().length > 0
  );
}

/**
 * The loader the worker must register before importing `href`, or undefined when none is needed. Throws a
 * `ModuleLoadError` naming the ways out when a TypeScript module cannot be run at all.
 */
export function loaderFor(href: string, configured: string | undefined): string | undefined {
  if (!nodeProcess?.versions?.node) return noLoaderHere(href, configured);
  if (configured) return configured;
  if (!isTypeScript(href) || nativeTypeScript() !== 'none') return undefined;
  const inherited = inheritedLoader();
  if (inherited) return inherited;
  // Some hook may read it; if none does, the worker's import fails with the same advice.
  if (hasInheritedHooks()) return undefined;
  throw new ModuleLoadError(
    `cannot load the TypeScript module ${href}: Node ${nodeProcess.versions.node} has no type stripping (it needs >= 22.6). ` +
      'Pass a loader (new Synchronizer({ loader: "tsx" })), run node with --import tsx, or load the compiled JavaScript.',
  );
}

/** Browsers: module loaders are Node's module hooks, and TypeScript must be compiled beforehand. */
function noLoaderHere(href: string, configured: string | undefined): undefined {
  if (configured) {
    throw new ModuleLoadError(
      `the loader option ('${configured}') registers Node module hooks, which this runtime does not have`,
    );
  }
  if (isTypeScript(href)) {
    throw new ModuleLoadError(
      `cannot load the TypeScript module ${href}: this runtime does not run TypeScript; load the compiled JavaScript`,
    );
  }
  return undefined;
}
