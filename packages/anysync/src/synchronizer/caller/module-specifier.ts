import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModuleLoadError } from '../errors.js';

/**
 * The URL the worker imports for `module`. Absolute paths and URLs are taken as is; relative paths are
 * refused because the worker cannot know what they were relative to; bare specifiers (`node:fs/promises`,
 * package names) are resolved by the worker from where anysync is installed.
 */
export function moduleHref(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== 'string' || module === '') {
    throw new TypeError(
      `a module to load must be a URL or a path, got ${module === '' ? 'an empty string' : typeof module}`,
    );
  }
  if (isAbsolute(module)) return pathToFileURL(module).href;
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
  if ((process.features as { typescript?: unknown }).typescript) return 'default';
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6) ? 'flag' : 'none';
}

/** A TypeScript loader the parent process registered (`--import tsx`, `--loader tsx`), for workers to use too. */
export function inheritedLoader(): string | undefined {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS?.split(/\s+/) ?? [])].join(' ');
  return /(?:^|[\s=/])tsx(?:[\s/]|$)/.test(flags) ? 'tsx' : undefined;
}

/**
 * The loader the worker must register before importing `href`, or undefined when none is needed. Throws a
 * `ModuleLoadError` naming the ways out when a TypeScript module cannot be run at all.
 */
export function loaderFor(href: string, configured: string | undefined): string | undefined {
  if (configured) return configured;
  if (!isTypeScript(href) || nativeTypeScript() !== 'none') return undefined;
  const inherited = inheritedLoader();
  if (inherited) return inherited;
  throw new ModuleLoadError(
    `cannot load the TypeScript module ${href}: Node ${process.versions.node} has no type stripping (it needs >= 22.6). ` +
      'Pass a loader (new Synchronizer({ loader: "tsx" })), run node with --import tsx, or load the compiled JavaScript.',
  );
}
