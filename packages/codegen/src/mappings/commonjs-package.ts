import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';

const cache = new Map<string, boolean | undefined>();

/**
 * Whether a bare specifier, resolved from `importer` as Node resolves it, is a CommonJS module only (no
 * ES module build). An ES module importing it sees its named exports only where Node's static scan finds
 * them, but its `module.exports` always, as the default export. `undefined` when it does not resolve
 * (not installed where the generator runs).
 */
export function isCommonJsPackage(specifier: string, importer: string): boolean | undefined {
  if (isBuiltin(specifier) || specifier.startsWith('.') || path.isAbsolute(specifier)) return false;
  const key = `${path.dirname(importer)}\u0000${specifier}`;
  if (cache.has(key)) return cache.get(key);
  let answer: boolean | undefined;
  try {
    const resolved = createRequire(importer).resolve(specifier);
    answer = resolved.endsWith('.cjs') || (!resolved.endsWith('.mjs') && !hasModuleBuild(resolved));
  } catch {
    answer = undefined;
  }
  cache.set(key, answer);
  return answer;
}

/** Whether the package holding a file is `"type": "module"` or offers an `import` condition or `module` field. */
function hasModuleBuild(file: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    let manifest: { type?: string; module?: string; exports?: unknown } | undefined;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      manifest = undefined;
    }
    if (manifest !== undefined) {
      return (
        manifest.type === 'module' ||
        manifest.module !== undefined ||
        /"import"/.test(JSON.stringify(manifest.exports ?? null))
      );
    }
    if (path.dirname(dir) === dir) return false;
  }
}
