import { nodeBuiltin } from '../backends/node-builtin.js';

type Fs = typeof import('node:fs');
type Path = typeof import('node:path');
type Url = typeof import('node:url');

/** The conditions an `import` on Node matches, in the order Node's resolver tries an entry's keys. */
const CONDITIONS = new Set(['node', 'import', 'module-sync', 'default']);

/**
 * A bare package specifier (`@scope/name/sub/path`) resolved as `import` would resolve it from the module
 * at `base` (a `file:` URL): the package found in the `node_modules` folders above `base`, and the file
 * its `exports` map gives for an `import` on Node. Undefined when there is no such package or entry.
 *
 * `require.resolve` cannot do this for an entry a package exports only to `import` (as
 * `@oxc-node/core/register` and `@swc-node/register/esm-register` are), and Node 20 has no
 * `import.meta.resolve(specifier, parent)` without a flag.
 */
export function resolveImport(specifier: string, base: string): string | undefined {
  const fs = nodeBuiltin<Fs>('node:fs');
  const path = nodeBuiltin<Path>('node:path');
  const url = nodeBuiltin<Url>('node:url');
  const parts = /^((?:@[^/]+\/)?[^/@][^/]*)(\/.*)?$/.exec(specifier);
  if (!fs || !path || !url || !parts || !base.startsWith('file:')) return undefined;
  const [, name = '', rest = ''] = parts;
  for (let dir = path.dirname(url.fileURLToPath(base)); ; dir = path.dirname(dir)) {
    const root = path.join(dir, 'node_modules', name);
    const manifest = readManifest(fs, path.join(root, 'package.json'));
    if (manifest) {
      const target = entryOf(manifest, `.${rest}`);
      return target === undefined ? undefined : url.pathToFileURL(path.join(root, target)).href;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface Manifest {
  exports?: unknown;
  main?: unknown;
}

function readManifest(fs: Fs, file: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The file (relative to the package) that `subpath` ('.' or './x') names, by `exports` or `main`. */
function entryOf(manifest: Manifest, subpath: string): string | undefined {
  const { exports } = manifest;
  if (exports === undefined || exports === null) {
    if (subpath !== '.') return subpath;
    return typeof manifest.main === 'string' ? manifest.main : 'index.js';
  }
  const map = isSubpathMap(exports) ? (exports as Record<string, unknown>) : { '.': exports };
  if (subpath in map) return target(map[subpath], '');
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      return target(value, subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

function isSubpathMap(exports: unknown): boolean {
  return (
    typeof exports === 'object' &&
    !Array.isArray(exports) &&
    Object.keys(exports as object)[0]?.startsWith('.') === true
  );
}

/** A target: a path (with `*` filled in), the first matching condition's, or the first of an array that resolves. */
function target(value: unknown, star: string): string | undefined {
  if (typeof value === 'string') return value.replaceAll('*', star);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = target(item, star);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [condition, next] of Object.entries(value)) {
    if (!CONDITIONS.has(condition)) continue;
    const found = target(next, star);
    if (found !== undefined) return found;
  }
  return undefined;
}
