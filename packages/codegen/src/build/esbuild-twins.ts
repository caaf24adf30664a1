import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OnResolveArgs, OnResolveResult, PluginBuild } from 'esbuild';
import { twinCandidates } from './twin-candidates.js';
import type { ServedTwin, TwinProject } from './twin-project.js';

const FROM_TWIN = Symbol('anysync: resolving for a twin');

/**
 * esbuild: twins live in esbuild's own `file` namespace, so that they are bundled and named like any
 * TypeScript file. esbuild resolves an import against the importer's directory as it is on disk, and a
 * twin's directory need not exist: a twin's relative imports are resolved here (as TypeScript does:
 * `./x.js` finds `x.ts`), its package imports from the nearest directory that exists.
 */
export function resolveTwinsInEsbuild(
  build: PluginBuild,
  project: () => TwinProject | undefined,
  resolveTwin: (specifier: string, importer: string | undefined) => ServedTwin | undefined,
): void {
  build.onResolve({ filter: /.*/ }, async (args): Promise<OnResolveResult | undefined> => {
    if (args.pluginData === FROM_TWIN) return undefined;
    const twin = resolveTwin(args.path, args.importer === '' ? undefined : args.importer);
    if (twin !== undefined) return { path: twin.target };
    const current = project();
    if (current === undefined || current.twinAt(args.importer) === undefined) return undefined;
    return await resolveFromTwin(build, args);
  });
}

async function resolveFromTwin(
  build: PluginBuild,
  args: OnResolveArgs,
): Promise<OnResolveResult | undefined> {
  const directory = path.dirname(args.importer);
  if (/^\.{1,2}(?:[\\/]|$)/.test(args.path)) {
    const found = twinCandidates(path.resolve(directory, args.path)).find(isFile);
    return found === undefined ? undefined : { path: found };
  }
  let existing = directory;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const resolved = await build.resolve(args.path, {
    kind: args.kind,
    resolveDir: existing,
    importer: args.importer,
    pluginData: FROM_TWIN,
  });
  return resolved.errors.length > 0 ? { errors: resolved.errors } : resolved;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
