// The browser-safe subpaths must not touch Node built-ins when imported, and must keep working, with
// explicit signals, where there is no AsyncLocalStorage. Both checks run the built package in a fresh
// Node process (`npm test` builds first).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every module specifier statically imported by `entry` and the files it reaches, relative ones followed. */
function staticImports(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  // Comments go first: the JSDoc examples kept in the build mention imports of their own.
  const source = readFileSync(entry, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const specifiers = [
    ...source.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => (match[1] ?? match[2]) as string);
  return specifiers.flatMap((specifier) =>
    specifier.startsWith('.') ? staticImports(join(dirname(entry), specifier), seen) : [specifier],
  );
}

function runNode(source: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: new URL('../..', import.meta.url),
    encoding: 'utf8',
  }).trim();
}

describe('import safety', () => {
  it('the module graphs of the browser-safe parts import nothing outside anysync', () => {
    for (const subpath of ['concurrency', 'primitives']) {
      expect(staticImports(join(dist, subpath, 'index.js'))).toEqual([]);
    }
    // anysync/testing may grow Node-only helpers; its virtual clock must stay portable.
    expect(staticImports(join(dist, 'testing', 'virtual-clock.js'))).toEqual([]);
  });

  it('importing anysync/concurrency, anysync/primitives and the virtual clock loads no Node built-in', () => {
    const output = runNode(`
      const loaded = [];
      const original = process.getBuiltinModule;
      process.getBuiltinModule = (id) => (loaded.push(id), original(id));
      await import('anysync/concurrency');
      await import('anysync/primitives');
      await import('./dist/testing/virtual-clock.js');
      console.log(JSON.stringify(loaded));
    `);
    expect(JSON.parse(output)).toEqual([]);
  });

  it('works without AsyncLocalStorage: explicit signals cancel, withPriority explains itself', () => {
    const output = runNode(`
      delete process.getBuiltinModule; // what a browser looks like to anysync
      const { CancelScope, moveOnAfter, sleep, withTaskGroup } = await import('anysync/concurrency');
      const { Lock, withPriority } = await import('anysync/primitives');
      const lock = new Lock();
      const held = await lock.acquire();
      const result = await moveOnAfter(10, (scope) => lock.acquire({ signal: scope.signal }));
      let groupRan = 0;
      await withTaskGroup((group) => {
        group.spawn(async (signal) => { await sleep(1, { signal }); groupRan++; });
      });
      let message = '';
      try { withPriority(1, () => {}); } catch (error) { message = error.message; }
      held.release();
      console.log(JSON.stringify({ result: result ?? null, groupRan, message, locked: lock.locked }));
    `);
    expect(JSON.parse(output)).toEqual({
      result: null,
      groupRan: 1,
      message: expect.stringMatching(/no AsyncLocalStorage.*pass \{ priority \}/),
      locked: false,
    });
  });
});
