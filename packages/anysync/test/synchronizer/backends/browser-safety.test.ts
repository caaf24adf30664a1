// Browsers load anysync/synchronizer and its worker entry as they are: one static `import 'node:…'` in any
// file they reach and loading fails before anything runs. Node built-ins go through backends/ instead.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../../dist/synchronizer/', import.meta.url));

/** `file -> specifier` for every static import outside the package reached from `entry`. */
function foreignImports(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = readFileSync(entry, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const match of code.matchAll(/^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"]([^'"]+)['"]/gm)) {
    const specifier = match[1] as string;
    if (specifier.startsWith('.')) found.push(...foreignImports(join(dirname(entry), specifier), seen));
    else found.push(`${relative(dist, entry)} -> ${specifier}`);
  }
  return found;
}

describe('the synchronizer in browsers', () => {
  it.each([
    ['the caller side', 'index.js'],
    ['the worker entry', 'worker/worker-main.js'],
  ])('%s imports no module from outside anysync', (_, entry) => {
    expect(foreignImports(join(dist, entry))).toEqual([]);
  });

  it('the check sees a static node: import', () => {
    // guard-preload.js is Node-only (loaded by --import) and imports node:worker_threads.
    expect(foreignImports(join(dist, 'worker/guard-preload.js'))).toContain(
      'worker/guard-preload.js -> node:worker_threads',
    );
  });
});
